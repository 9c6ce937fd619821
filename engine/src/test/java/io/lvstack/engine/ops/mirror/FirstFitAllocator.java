package io.lvstack.engine.ops.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvPiece;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small allocator for tests: each parallel area, then the log, takes the first free run long
 * enough on the first candidate PV not yet used by this request; one chunk, no splitting.
 */
final class FirstFitAllocator implements ExtentAllocator {
    @Override
    public Allocation allocate(VolumeGroup vg, AllocationRequest request) {
        Set<PhysicalVolume> used = new HashSet<>();
        List<PvRange> areas = new ArrayList<>();
        for (int i = 0; i < request.parallel() && request.extentsPerArea() > 0; i++) {
            areas.add(take(request.candidates(), request.extentsPerArea(), used));
        }
        List<PvRange> log = request.logExtents() == 0 ? List.of()
                : List.of(take(request.candidates(), request.logExtents(), used));
        List<Allocation.Chunk> chunks = areas.isEmpty() ? List.of()
                : List.of(new Allocation.Chunk(request.extentsPerArea(), areas));
        return new Allocation(chunks, log);
    }

    private static PvRange take(List<PvRange> candidates, long count, Set<PhysicalVolume> used) {
        for (PvRange c : candidates) {
            if (used.contains(c.pv())) {
                continue;
            }
            long start = firstFree(c, count);
            if (start >= 0) {
                used.add(c.pv());
                return new PvRange(c.pv(), start, count);
            }
        }
        throw new LvstackException("Insufficient suitable allocatable extents: " + count + " extents needed");
    }

    private static long firstFree(PvRange c, long count) {
        long pe = c.start();
        for (PvPiece p : c.pv().extents().pieces()) {
            if (p.end() <= pe) {
                continue;
            }
            if (p.pe() >= pe + count) {
                break;
            }
            pe = p.end();
        }
        return pe + count <= c.end() ? pe : -1;
    }
}
