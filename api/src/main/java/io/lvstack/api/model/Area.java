package io.lvstack.api.model;

import java.util.Objects;

/**
 * Where a segment's area maps its extents: a range of physical extents of a PV or a range of
 * logical extents of another LV. The range's length is the segment's {@code areaLen}. Values are
 * immutable; an unassigned area is represented by the absence of an {@code Area}.
 */
public sealed interface Area permits Area.OnPv, Area.OnLv {

    /** Extents {@code [pe, pe + areaLen)} of {@code pv}. */
    record OnPv(PvView pv, long pe) implements Area {
        public OnPv {
            Objects.requireNonNull(pv, "pv");
            if (pe < 0) {
                throw new IllegalArgumentException("negative PE " + pe);
            }
        }
    }

    /** Extents {@code [le, le + areaLen)} of {@code lv}. */
    record OnLv(LvView lv, long le) implements Area {
        public OnLv {
            Objects.requireNonNull(lv, "lv");
            if (le < 0) {
                throw new IllegalArgumentException("negative LE " + le);
            }
        }
    }
}
