package io.lvstack.api.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Facts about an LV's stack that operations of several types ask for, read through the views.
 * @since SPI 2.1
 */
public final class Stacks {
    private Stacks() {
    }

    /**
     * Every PV {@code lv} maps, through its areas' LVs and the LVs its segments hold in
     * {@code roles} (a mirror's log, raid's metadata LVs), in the order met: the PVs LVM2's
     * {@code get_pv_list_for_lv} lists and its allocator keeps new legs or images off. The caller
     * names the roles (its own type's), so no other type is asked for its declarations.
     */
    public static Set<PvView> pvsOf(LvView lv, ReferenceRole... roles) {
        Set<PvView> out = new LinkedHashSet<>();
        collect(lv, roles, out);
        return out;
    }

    private static void collect(LvView lv, ReferenceRole[] roles, Set<PvView> out) {
        for (SegmentView s : lv.segments()) {
            for (int i = 0; i < s.areaCount(); i++) {
                Area a = s.area(i).orElse(null);
                if (a instanceof Area.OnPv p) {
                    out.add(p.pv());
                } else if (a instanceof Area.OnLv l) {
                    collect(l.lv(), roles, out);
                }
            }
            for (ReferenceRole role : roles) {
                if (role.isList()) {
                    s.references(role.declaration()).forEach(r -> collect(r, roles, out));
                } else {
                    s.reference(role).ifPresent(r -> collect(r, roles, out));
                }
            }
        }
    }

    /**
     * Whether {@code lv} is one segment over whole sub-LVs, two or more, that each hold all of it:
     * a mirror's legs, raid1's images, which one can become the other.
     */
    public static boolean fullCopies(LvView lv) {
        if (lv.segments().size() != 1) {
            return false;
        }
        SegmentView s = lv.segments().get(0);
        if (s.areaCount() < 2 || s.areaLen() != s.len()) {
            return false;
        }
        for (int i = 0; i < s.areaCount(); i++) {
            if (!(s.area(i).orElse(null) instanceof Area.OnLv on) || on.le() != 0
                    || on.lv().extentCount() != s.len()) {
                return false;
            }
        }
        return true;
    }
}
