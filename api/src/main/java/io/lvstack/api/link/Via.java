package io.lvstack.api.link;

import io.lvstack.api.model.ReferenceRole;

/** Through which slot of a segment a reference to an LV is held. */
public sealed interface Via permits Via.AreaSlot, Via.RoleSlot {

    /** Area {@code index} of the segment. */
    record AreaSlot(int index) implements Via {
        @Override
        public String toString() {
            return "area " + index;
        }
    }

    /** The extra reference in {@code role}. */
    record RoleSlot(ReferenceRole role) implements Via {
        @Override
        public String toString() {
            return role.name();
        }
    }

    static Via area(int index) {
        return new AreaSlot(index);
    }

    static Via role(ReferenceRole role) {
        return new RoleSlot(role);
    }
}
