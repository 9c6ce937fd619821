package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.PvPiece;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A test allocator for one-area requests: the free runs of the candidate ranges, in candidate
 * order, first come first taken, each run one chunk. It ignores the policy (the tests choose
 * free space that any policy would give).
 */
public final class FirstFreeAllocator implements ExtentAllocator {
    @Override
    public Allocation allocate(VolumeGroup vg, AllocationRequest request) {
        if (request.parallel() != 1 || request.logExtents() != 0) {
            throw new IllegalArgumentException("FirstFreeAllocator makes single areas without log");
        }
        List<Allocation.Chunk> chunks = new ArrayList<>();
        long needed = request.extentsPerArea();
        for (PvRange c : request.candidates()) {
            long pe = c.start();
            while (pe < c.end() && needed > 0) {
                PvPiece owner = c.pv().extents().pieceCovering(pe);
                if (owner != null) {
                    pe = owner.pe() + owner.len();
                    continue;
                }
                long run = 0;
                while (pe + run < c.end() && run < needed && c.pv().extents().pieceCovering(pe + run) == null) {
                    run++;
                }
                chunks.add(new Allocation.Chunk(run, List.of(new PvRange(c.pv(), pe, run))));
                needed -= run;
                pe += run;
            }
        }
        if (needed > 0) {
            throw new LvstackException("Insufficient free space: " + request.extentsPerArea() + " extents needed, but only "
                    + (request.extentsPerArea() - needed) + " available");
        }
        return new Allocation(chunks, List.of());
    }
}
