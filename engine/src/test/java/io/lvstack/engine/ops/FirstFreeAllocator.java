package io.lvstack.engine.ops;

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
 * The test allocator of the operation tests: free runs of the candidate ranges, in candidate
 * order, first come first taken. It ignores the policy (the tests choose free space that any
 * policy would give).
 * <ul>
 * <li>One area without log (pvmove, layers): the runs are taken in turn, each run one chunk.
 * <li>Parallel areas or logs (mirrors): each area, then each log, takes the first run long
 * enough on the first candidate PV this request has not used yet; one chunk, no splitting, as
 * parallel areas must keep the same length.
 * </ul>
 */
public final class FirstFreeAllocator implements ExtentAllocator {
    @Override
    public Allocation allocate(VolumeGroup vg, AllocationRequest request) {
        return request.parallel() == 1 && request.logExtents() == 0 ? takeInTurn(request) : fitEach(request);
    }

    private static Allocation takeInTurn(AllocationRequest request) {
        List<Allocation.Chunk> chunks = new ArrayList<>();
        long needed = request.extentsPerArea();
        for (PvRange c : request.candidates()) {
            for (PvRange run : freeRuns(c)) {
                if (needed == 0) {
                    break;
                }
                long len = Math.min(run.count(), needed);
                chunks.add(new Allocation.Chunk(len, List.of(new PvRange(run.pv(), run.start(), len))));
                needed -= len;
            }
        }
        if (needed > 0) {
            throw new LvstackException("Insufficient free space: " + request.extentsPerArea() + " extents needed, but only "
                    + (request.extentsPerArea() - needed) + " available");
        }
        return new Allocation(chunks, List.of());
    }

    private static Allocation fitEach(AllocationRequest request) {
        Set<PhysicalVolume> used = new HashSet<>();
        List<PvRange> areas = new ArrayList<>();
        for (int i = 0; i < request.parallel() && request.extentsPerArea() > 0; i++) {
            areas.add(fit(request.candidates(), request.extentsPerArea(), used));
        }
        List<PvRange> log = new ArrayList<>();
        for (int i = 0; request.logExtents() > 0 && i < request.logCount(); i++) {
            log.add(fit(request.candidates(), request.logExtents(), used));
        }
        List<Allocation.Chunk> chunks = areas.isEmpty() ? List.of()
                : List.of(new Allocation.Chunk(request.extentsPerArea(), areas));
        return new Allocation(chunks, log);
    }

    private static PvRange fit(List<PvRange> candidates, long count, Set<PhysicalVolume> used) {
        for (PvRange c : candidates) {
            if (used.contains(c.pv())) {
                continue;
            }
            for (PvRange run : freeRuns(c)) {
                if (run.count() >= count) {
                    used.add(c.pv());
                    return new PvRange(c.pv(), run.start(), count);
                }
            }
        }
        throw new LvstackException("Insufficient suitable allocatable extents: " + count + " extents needed");
    }

    /** The free runs inside {@code c}, in PE order. */
    private static List<PvRange> freeRuns(PvRange c) {
        List<PvRange> runs = new ArrayList<>();
        long pe = c.start();
        for (PvPiece p : c.pv().extents().pieces()) {
            if (p.end() <= pe) {
                continue;
            }
            if (p.pe() >= c.end()) {
                break;
            }
            if (p.pe() > pe) {
                runs.add(new PvRange(c.pv(), pe, p.pe() - pe));
            }
            pe = p.end();
        }
        if (pe < c.end()) {
            runs.add(new PvRange(c.pv(), pe, c.end() - pe));
        }
        return runs;
    }
}
