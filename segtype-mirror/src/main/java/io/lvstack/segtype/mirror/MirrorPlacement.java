package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where new legs and logs go: the engine's allocator chooses, from candidate PVs that hold no
 * part of the mirror yet, and every chunk is checked to put no two legs on one PV.
 */
final class MirrorPlacement {
    private final VgEditor editor;

    MirrorPlacement(VgEditor editor) {
        this.editor = editor;
    }

    /**
     * {@code parallel} areas of {@code extentsPerArea} and a log of {@code logExtents}, from
     * {@code pvs} (every PV when empty) less the PVs in {@code avoid}, under the policy of
     * {@code owner} (the LV being converted, or null for a new one).
     */
    Allocated allocate(LvView owner, int parallel, long extentsPerArea, long logExtents, List<PvExtents> pvs,
            Set<PvView> avoid) {
        return allocate(owner, parallel, extentsPerArea, logExtents, 1, pvs, avoid);
    }

    /** As {@link #allocate(LvView, int, long, long, List, Set)}, with {@code logCount} log areas (2 for a mirrored log). */
    Allocated allocate(LvView owner, int parallel, long extentsPerArea, long logExtents, int logCount,
            List<PvExtents> pvs, Set<PvView> avoid) {
        boolean any = pvs.isEmpty() ? editor.vg().pvs().stream().anyMatch(pv -> !avoid.contains(pv))
                : pvs.stream().anyMatch(r -> !avoid.contains(r.pv()));
        if (!any) {
            throw new LvstackException("Insufficient suitable allocatable extents: every candidate PV already"
                    + " holds a leg of the mirror.");
        }
        // no name: LVM2's allocator messages for mirror legs and logs name none either
        Allocated a = editor.allocate(new AreaRequest(parallel, extentsPerArea, logExtents, pvs, avoid, owner, null,
                logCount));
        for (Allocated.Chunk c : a.chunks()) {
            Set<PvView> seen = new LinkedHashSet<>();
            for (PvExtents r : c.areas()) {
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

    /** Every PV holding extents of {@code lv} or of the LVs below it. */
    static Set<PvView> pvsOf(LvView lv) {
        return io.lvstack.api.model.Stacks.pvsOf(lv, MirrorSegmentType.LOG);
    }
}
