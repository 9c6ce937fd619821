package io.lvstack.engine.ops.alloc;

import io.lvstack.engine.graph.LogicalVolume;
import java.util.List;
import java.util.Objects;

/**
 * What to allocate: {@code parallel} areas (stripes, or mirror legs) of {@code extentsPerArea}
 * extents each, no two of them on one PV, and a log of {@code logExtents} (0 for none) on a PV
 * apart from them where possible.
 *
 * @param policy     the effective policy (never {@link AllocPolicy#INHERIT}; the caller resolves it)
 * @param candidates where extents may come from (LVM2's PV arguments); empty means every
 *                   allocatable PV of the VG
 * @param continuing the LV being extended (contiguous and cling follow its last segment), or null
 * @param lvName     the LV's name for LVM2's messages (the new LV's name when creating)
 */
public record AllocationRequest(int parallel, long extentsPerArea, long logExtents, AllocPolicy policy,
        List<PvRange> candidates, LogicalVolume continuing, String lvName, int logCount) {

    /** A request with one log area, or none when {@code logExtents} is 0. */
    public AllocationRequest(int parallel, long extentsPerArea, long logExtents, AllocPolicy policy,
            List<PvRange> candidates, LogicalVolume continuing, String lvName) {
        this(parallel, extentsPerArea, logExtents, policy, candidates, continuing, lvName, 1);
    }

    /** A request without a name for messages (the continued LV's name, if any, is used). */
    public AllocationRequest(int parallel, long extentsPerArea, long logExtents, AllocPolicy policy,
            List<PvRange> candidates, LogicalVolume continuing) {
        this(parallel, extentsPerArea, logExtents, policy, candidates, continuing,
                continuing == null ? "" : continuing.name());
    }

    public AllocationRequest {
        if (parallel < 1 || extentsPerArea < 0 || logExtents < 0 || logCount < 1) {
            throw new IllegalArgumentException("bad allocation request: " + parallel + " areas of " + extentsPerArea
                    + " extents, log " + logCount + " x " + logExtents);
        }
        Objects.requireNonNull(policy, "policy");
        if (policy == AllocPolicy.INHERIT) {
            throw new IllegalArgumentException("the inherit policy must be resolved before allocating");
        }
        candidates = List.copyOf(candidates);
        lvName = lvName == null ? "" : lvName;
    }
}
