package io.lvstack.engine.ops.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where new legs and logs go: the allocator chooses, restricted to candidate PVs that hold no
 * part of the mirror yet, and every chunk is checked to put no two legs on one PV.
 */
final class MirrorPlacement {
    private final ExtentAllocator allocator;

    MirrorPlacement(ExtentAllocator allocator) {
        this.allocator = allocator;
    }

    /**
     * {@code parallel} areas of {@code extentsPerArea} and a log of {@code logExtents}, from
     * {@code pvs} (every PV when empty) less the PVs in {@code avoid}, under the policy of
     * {@code owner} (the LV being converted, or null for a new one).
     */
    Allocation allocate(VolumeGroup vg, LogicalVolume owner, int parallel, long extentsPerArea, long logExtents,
            List<PvRange> pvs, Set<PhysicalVolume> avoid) {
        List<PvRange> candidates = new ArrayList<>();
        for (PvRange r : pvs.isEmpty() ? vg.pvs().stream().map(PvRange::whole).toList() : pvs) {
            if (!avoid.contains(r.pv())) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            throw new LvstackException("Insufficient suitable allocatable extents: every candidate PV already"
                    + " holds a leg of the mirror.");
        }
        Allocation a = allocator.allocate(vg, new AllocationRequest(parallel, extentsPerArea, logExtents,
                policy(vg, owner), candidates, null));
        for (Allocation.Chunk c : a.chunks()) {
            Set<PhysicalVolume> seen = new LinkedHashSet<>();
            for (PvRange r : c.areas()) {
                if (avoid.contains(r.pv())) {
                    throw new LvstackException("Allocator placed a new mirror leg on " + r.pv().device()
                            + ", which already holds part of the mirror.");
                }
                if (!seen.add(r.pv())) {
                    throw new LvstackException("Allocator placed two mirror legs on " + r.pv().device() + ".");
                }
            }
        }
        return a;
    }

    /** The LV's policy, or where it inherits, the VG's; {@code normal} when neither says. */
    static AllocPolicy policy(VolumeGroup vg, LogicalVolume owner) {
        for (String word : new String[] {owner == null ? null : owner.properties().allocationPolicy(),
                vg.properties().allocationPolicy()}) {
            if (word != null && AllocPolicy.of(word) != AllocPolicy.INHERIT) {
                return AllocPolicy.of(word);
            }
        }
        return AllocPolicy.NORMAL;
    }

    /** Every PV holding extents of {@code lv} or of the LVs below it. */
    static Set<PhysicalVolume> pvsOf(LogicalVolume lv) {
        Set<PhysicalVolume> out = new LinkedHashSet<>();
        for (Segment s : lv.segments()) {
            for (Area a : s.areas()) {
                if (a instanceof Area.OnPv p) {
                    out.add((PhysicalVolume) p.pv());
                } else if (a instanceof Area.OnLv l) {
                    out.addAll(pvsOf((LogicalVolume) l.lv()));
                }
            }
            LogicalVolume log = s.referenceOrNull(MirrorBuilder.LOG);
            if (log != null) {
                out.addAll(pvsOf(log));
            }
        }
        return out;
    }
}
