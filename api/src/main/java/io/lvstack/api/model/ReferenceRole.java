package io.lvstack.api.model;

import java.util.Objects;

/**
 * A named extra LV reference a segment may hold besides its areas: the mirror log, a pool's data
 * or metadata LV. A segment type declares its roles; the engine stores and links the referenced
 * LVs, exactly as it does for LV areas.
 */
public record ReferenceRole(String name) {
    public ReferenceRole {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a reference role needs a name");
        }
    }

    public static ReferenceRole of(String name) {
        return new ReferenceRole(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
