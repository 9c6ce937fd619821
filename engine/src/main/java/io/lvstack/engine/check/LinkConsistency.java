package io.lvstack.engine.check;

import io.lvstack.api.model.Area;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvPiece;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that the two directions of the stack agree, with no knowledge of any segment type:
 * references are whatever areas and declared roles hold. Downward, every LV area and role has a
 * matching upward link with the right count; upward, every link is backed by exactly that many
 * references and by a segment that belongs to its LV; every PV area owns its piece and every
 * piece belongs to such an area. One pass over the VG: linear in its size.
 */
public final class LinkConsistency {
    private LinkConsistency() {
    }

    /** Every disagreement found, as one line each; empty when consistent. */
    public static List<String> problems(VolumeGroup vg) {
        List<String> out = new ArrayList<>();
        Map<LogicalVolume, Map<Segment, Integer>> expected = new IdentityHashMap<>();
        Map<PhysicalVolume, Integer> pvAreas = new HashMap<>();
        List<LogicalVolume> lvs = vg.lvs();
        for (LogicalVolume lv : lvs) {
            long sum = 0;
            for (Segment seg : lv.segments()) {
                sum += seg.len();
                if (seg.lv() != lv) {
                    out.add(seg.describe() + " is listed in LV " + lv.fullName() + " but belongs to another LV");
                }
                for (int i = 0; i < seg.areaCount(); i++) {
                    Area a = seg.areaOrNull(i);
                    if (a instanceof Area.OnLv l) {
                        LogicalVolume target = (LogicalVolume) l.lv();
                        if (!vg.contains(target)) {
                            out.add(seg.describe() + " area " + i + " uses LV " + target.name()
                                    + ", which is not in VG " + vg.name());
                            continue;
                        }
                        expected.computeIfAbsent(target, k -> new IdentityHashMap<>()).merge(seg, 1, Integer::sum);
                    } else if (a instanceof Area.OnPv p) {
                        checkPiece(vg, seg, i, p, out);
                        pvAreas.merge((PhysicalVolume) p.pv(), 1, Integer::sum);
                    }
                }
                seg.references().forEach((role, target) -> {
                    if (!vg.contains(target)) {
                        out.add(seg.describe() + " " + role + " uses LV " + target.name() + ", which is not in VG "
                                + vg.name());
                    } else {
                        expected.computeIfAbsent(target, k -> new IdentityHashMap<>()).merge(seg, 1, Integer::sum);
                    }
                });
            }
            if (sum != lv.extentCount()) {
                out.add("LV " + lv.fullName() + " has " + lv.extentCount() + " extents but its segments sum to " + sum);
            }
        }
        for (LogicalVolume lv : lvs) {
            // Most LVs are used by nobody: no maps are made for them.
            Map<Segment, Integer> want = expected.getOrDefault(lv, Map.of());
            if (want.isEmpty() && lv.userCount() == 0) {
                continue;
            }
            Map<Segment, Integer> have = lv.userCounts();
            want.forEach((seg, n) -> {
                int got = have.getOrDefault(seg, 0);
                if (got == 0) {
                    out.add(seg.describe() + " uses LV " + lv.name() + ", but missing ptr from " + lv.name() + " to "
                            + seg.lv().name());
                } else if (got != n) {
                    out.add("Reference count mismatch: LV " + lv.name() + " has " + got + " links to " + seg.describe()
                            + ", which has " + n + " references");
                }
            });
            have.forEach((seg, n) -> {
                if (want.containsKey(seg)) {
                    return;
                }
                LogicalVolume owner = seg.lv();
                if (owner == null || !vg.contains(owner) || owner.segmentAt(seg.le()) != seg) {
                    out.add("LV " + lv.name() + " is listed as used by " + seg + ", which is not a segment of its LV");
                } else {
                    out.add("LV " + lv.name() + " is used by " + seg.describe() + ", but missing ptr from "
                            + owner.name() + " to " + lv.name());
                }
            });
        }
        for (PhysicalVolume pv : vg.pvs()) {
            long allocated = 0;
            for (PvPiece piece : pv.extents().pieces()) {
                allocated += piece.len();
                Segment seg = piece.segment();
                if (seg.lv() == null || !vg.contains(seg.lv())
                        || !(seg.areaOrNull(piece.area()) instanceof Area.OnPv p) || p.pv() != pv
                        || p.pe() != piece.pe()) {
                    out.add("PV " + pv.name() + " extents " + piece.pe() + "-" + (piece.end() - 1)
                            + " belong to no area that points back at them");
                }
            }
            if (allocated != pv.extents().allocatedCount()) {
                out.add("PV " + pv.name() + " counts " + pv.extents().allocatedCount() + " allocated extents, its pieces "
                        + allocated);
            }
            if (pv.extents().pieces().size() != pvAreas.getOrDefault(pv, 0)) {
                out.add("PV " + pv.name() + " has " + pv.extents().pieces().size() + " pieces for "
                        + pvAreas.getOrDefault(pv, 0) + " areas");
            }
        }
        return out;
    }

    private static void checkPiece(VolumeGroup vg, Segment seg, int i, Area.OnPv p, List<String> out) {
        PhysicalVolume pv = (PhysicalVolume) p.pv();
        if (!vg.contains(pv)) {
            out.add(seg.describe() + " area " + i + " uses a PV that is not in VG " + vg.name());
            return;
        }
        PvPiece piece = pv.extents().pieceAt(p.pe());
        if (piece == null || piece.segment() != seg || piece.area() != i) {
            out.add(seg.describe() + " has inconsistent PV area " + i);
        } else if (piece.len() != seg.areaLen()) {
            out.add("Inconsistent length: " + piece.len() + " " + seg.areaLen() + " (" + seg.describe() + " area " + i
                    + ")");
        }
    }
}
