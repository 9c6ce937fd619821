package io.lvstack.api.ops;

import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import java.util.List;
import java.util.Set;

/**
 * What an operation asks the engine's allocator for (LVM2's {@code allocate_extents}):
 * {@code parallel} areas (stripes, legs) of {@code extentsPerArea} extents each, no two on one PV,
 * and a log or metadata area of {@code logExtents} (0 for none) apart from them where possible.
 *
 * @param candidates where extents may come from (the command's PV arguments); empty for every
 *                   allocatable PV of the VG
 * @param avoid      PVs to leave out of the candidates (a mirror's own PVs for its new legs)
 * @param owner      the LV whose allocation policy applies, or null for a new LV: then the
 *                   command's {@code --alloc}, else the VG's; when {@code lvName} is its own name
 *                   the request extends it ({@link #extending}), and placement follows its last
 *                   segment as LVM2's does (contiguous first)
 * @param lvName     the LV's name for LVM2's messages
 * @param logCount   how many log areas of {@code logExtents} (LVM2's {@code log_count}: 2 for a
 *                   mirrored mirror log, whose legs the allocator places together), when there is a
 *                   log (since SPI 2.1)
 * @since SPI 2.0
 */
public record AreaRequest(int parallel, long extentsPerArea, long logExtents, List<PvExtents> candidates,
        Set<PvView> avoid, LvView owner, String lvName, int logCount) {
    public AreaRequest {
        if (logCount < 1) {
            throw new IllegalArgumentException("bad area request: " + logCount + " log areas");
        }
        if (parallel < 1 || extentsPerArea < 0 || logExtents < 0) {
            throw new IllegalArgumentException("bad area request: " + parallel + " areas of " + extentsPerArea
                    + " extents, log " + logExtents);
        }
        candidates = List.copyOf(candidates);
        avoid = Set.copyOf(avoid);
        lvName = lvName == null ? "" : lvName;
    }

    /** A request with one log area (or none, when {@code logExtents} is 0). */
    public AreaRequest(int parallel, long extentsPerArea, long logExtents, List<PvExtents> candidates,
            Set<PvView> avoid, LvView owner, String lvName) {
        this(parallel, extentsPerArea, logExtents, candidates, avoid, owner, lvName, 1);
    }

    /** More extents for {@code lv} itself, allocated as LVM2 extends an LV. */
    public static AreaRequest extending(LvView lv, int parallel, long extentsPerArea, List<PvExtents> candidates) {
        return new AreaRequest(parallel, extentsPerArea, 0, candidates, Set.of(), lv, lv.name());
    }
}
