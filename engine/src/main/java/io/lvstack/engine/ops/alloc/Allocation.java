package io.lvstack.engine.ops.alloc;

import java.util.List;

/**
 * Extents chosen for an {@link AllocationRequest}: the parallel areas in chunks, each chunk one
 * new segment ({@code areas} holds one range of {@code length} extents per parallel area, in
 * area order), and the log's ranges (empty without a log).
 */
public record Allocation(List<Chunk> chunks, List<PvRange> log) {
    public Allocation {
        chunks = List.copyOf(chunks);
        log = List.copyOf(log);
    }

    /** One run of equal-length pieces, one per parallel area. */
    public record Chunk(long length, List<PvRange> areas) {
        public Chunk {
            areas = List.copyOf(areas);
        }
    }
}
