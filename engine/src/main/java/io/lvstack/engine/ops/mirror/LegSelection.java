package io.lvstack.engine.ops.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import java.util.ArrayList;
import java.util.List;

/** Which legs a mirror has and which of them leave it, in LVM2's order. */
final class LegSelection {
    private LegSelection() {
    }

    /**
     * Shifts up to {@code count} legs wholly on {@code removable} to the end, scanning from the
     * back as {@code _remove_mirror_images} and {@code _move_removable_mimages_to_end} do, so the
     * others keep their order and the primary stays first; returns how many it found. No PVs
     * given means every leg is removable.
     */
    static int moveRemovableToEnd(List<LogicalVolume> legs, int count, List<PhysicalVolume> removable) {
        int found = 0;
        for (int s = legs.size() - 1; s >= 0 && found < count; s--) {
            LogicalVolume leg = legs.get(s);
            if (!leg.name().contains(MirrorBuilder.TMP_LAYER) && (removable.isEmpty() || whollyOn(leg, removable))) {
                legs.add(legs.remove(s));
                found++;
            }
        }
        return found;
    }

    /** {@code _is_mirror_image_removable}: every area of the image is on a removable PV. */
    static boolean whollyOn(LogicalVolume img, List<PhysicalVolume> removable) {
        for (Segment s : img.segments()) {
            for (Area a : s.areas()) {
                if (!(a instanceof Area.OnPv p) || !removable.contains((PhysicalVolume) p.pv())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The LVs in the areas of a mirror segment, in area order. */
    static List<LogicalVolume> legs(Segment seg) {
        List<LogicalVolume> out = new ArrayList<>();
        for (Area a : seg.areas()) {
            if (!(a instanceof Area.OnLv l)) {
                throw new LvstackException(seg.describe() + " is not a mirror of LVs.");
            }
            out.add((LogicalVolume) l.lv());
        }
        return out;
    }
}
