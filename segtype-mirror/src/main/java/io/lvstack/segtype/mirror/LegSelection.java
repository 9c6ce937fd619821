package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.SegmentView;
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
    static int moveRemovableToEnd(List<LvView> legs, int count, List<PvView> removable) {
        int found = 0;
        for (int s = legs.size() - 1; s >= 0 && found < count; s--) {
            LvView leg = legs.get(s);
            if (!leg.name().contains(MirrorOps.TMP_LAYER) && (removable.isEmpty() || whollyOn(leg, removable))) {
                legs.add(legs.remove(s));
                found++;
            }
        }
        return found;
    }

    /** {@code _is_mirror_image_removable}: every area of the image is on a removable PV. */
    static boolean whollyOn(LvView img, List<PvView> removable) {
        for (SegmentView s : img.segments()) {
            for (int i = 0; i < s.areaCount(); i++) {
                if (!(s.area(i).orElse(null) instanceof Area.OnPv p) || !removable.contains(p.pv())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The LVs in the areas of a mirror segment, in area order. */
    static List<LvView> legs(SegmentView seg, String vgName) {
        List<LvView> out = new ArrayList<>();
        for (int i = 0; i < seg.areaCount(); i++) {
            if (!(seg.area(i).orElse(null) instanceof Area.OnLv l)) {
                throw new LvstackException(describe(seg, vgName) + " is not a mirror of LVs.");
            }
            out.add(l.lv());
        }
        return out;
    }

    /** A segment as the engine names it in messages: {@code LV vg/lv segment 1 (LE 0-5)}. */
    static String describe(SegmentView seg, String vgName) {
        int number = seg.lv().segments().indexOf(seg) + 1;
        return "LV " + vgName + "/" + seg.lv().name() + " segment " + number + " (LE " + seg.le() + "-"
                + (seg.le() + seg.len() - 1) + ")";
    }
}
