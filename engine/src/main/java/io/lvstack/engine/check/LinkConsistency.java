package io.lvstack.engine.check;

import io.lvstack.api.model.Area;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvPiece;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayList;
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
        Map<PhysicalVolume, int[]> pvAreas = new IdentityHashMap<>();
        List<LogicalVolume> lvs = vg.lvs();
        // Downward: each segment's references, target by target, against the target's count of
        // that segment. No map of expected counts: a segment references few LVs.
        for (LogicalVolume lv : lvs) {
            long sum = 0;
            for (Segment seg : lv.segments()) {
                sum += seg.len();
                if (seg.lv() != lv) {
                    out.add(seg.describe() + " is listed in LV " + lv.fullName() + " but belongs to another LV");
                }
                LogicalVolume[] targets = targets(seg);
                for (int i = 0; i < seg.areaCount(); i++) {
                    Area a = seg.areaOrNull(i);
                    if (a instanceof Area.OnLv l) {
                        LogicalVolume target = (LogicalVolume) l.lv();
                        if (!vg.contains(target)) {
                            out.add(seg.describe() + " area " + i + " uses LV " + target.name()
                                    + ", which is not in VG " + vg.name());
                        }
                    } else if (a instanceof Area.OnPv p) {
                        checkPiece(vg, seg, i, p, out);
                        pvAreas.computeIfAbsent((PhysicalVolume) p.pv(), k -> new int[1])[0]++;
                    }
                }
                seg.references().forEach((role, target) -> {
                    if (!vg.contains(target)) {
                        out.add(seg.describe() + " " + role + " uses LV " + target.name() + ", which is not in VG "
                                + vg.name());
                    }
                });
                for (int t = 0; t < targets.length; t++) {
                    LogicalVolume target = targets[t];
                    if (target == null || !vg.contains(target) || indexOf(targets, target) < t) {
                        continue; // foreign (reported above) or counted at its first slot
                    }
                    int n = count(targets, target);
                    int got = target.userCount(seg);
                    if (got == 0) {
                        out.add(seg.describe() + " uses LV " + target.name() + ", but missing ptr from "
                                + target.name() + " to " + seg.lv().name());
                    } else if (got != n) {
                        out.add("Reference count mismatch: LV " + target.name() + " has " + got + " links to "
                                + seg.describe() + ", which has " + n + " references");
                    }
                }
            }
            if (sum != lv.extentCount()) {
                out.add("LV " + lv.fullName() + " has " + lv.extentCount() + " extents but its segments sum to " + sum);
            }
        }
        // Upward: every link must come from a segment of an LV of this VG that references the LV;
        // links that such a segment backs were compared with its references above.
        for (LogicalVolume lv : lvs) {
            if (lv.userCount() == 0) {
                continue;
            }
            lv.userCounts().forEach((seg, n) -> {
                LogicalVolume owner = seg.lv();
                boolean member = owner != null && vg.contains(owner) && owner.segmentAt(seg.le()) == seg;
                if (member && count(targets(seg), lv) > 0) {
                    return;
                }
                if (!member) {
                    out.add("LV " + lv.name() + " is listed as used by " + seg + ", which is not a segment of its LV");
                } else {
                    out.add("LV " + lv.name() + " is used by " + seg.describe() + ", but missing ptr from "
                            + owner.name() + " to " + lv.name());
                }
            });
        }
        for (PhysicalVolume pv : vg.pvs()) {
            long allocated = 0;
            int pieces = 0;
            for (PvPiece piece : pv.extents().pieceView()) {
                pieces++;
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
            int areas = pvAreas.containsKey(pv) ? pvAreas.get(pv)[0] : 0;
            if (pieces != areas) {
                out.add("PV " + pv.name() + " has " + pieces + " pieces for " + areas + " areas");
            }
        }
        return out;
    }

    /** The LVs a segment references, slot by slot: its areas (null for a PV or empty area), then its roles. */
    private static LogicalVolume[] targets(Segment seg) {
        Map<?, LogicalVolume> roles = seg.references();
        LogicalVolume[] out = new LogicalVolume[seg.areaCount() + roles.size()];
        for (int i = 0; i < seg.areaCount(); i++) {
            if (seg.areaOrNull(i) instanceof Area.OnLv l) {
                out[i] = (LogicalVolume) l.lv();
            }
        }
        int i = seg.areaCount();
        for (LogicalVolume target : roles.values()) {
            out[i++] = target;
        }
        return out;
    }

    private static int indexOf(LogicalVolume[] targets, LogicalVolume lv) {
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == lv) {
                return i;
            }
        }
        return -1;
    }

    private static int count(LogicalVolume[] targets, LogicalVolume lv) {
        int n = 0;
        for (LogicalVolume t : targets) {
            if (t == lv) {
                n++;
            }
        }
        return n;
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
