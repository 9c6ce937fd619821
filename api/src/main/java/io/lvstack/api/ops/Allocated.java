package io.lvstack.api.ops;

import java.util.List;

/**
 * Extents the allocator chose for an {@link AreaRequest}: the parallel areas in chunks, each
 * chunk one new segment ({@code areas} holds one piece of {@code length} extents per parallel
 * area, in area order), and the log's pieces (empty without a log).
 * @since SPI 2.0
 */
public record Allocated(List<Chunk> chunks, List<PvExtents> log) {
    public Allocated {
        chunks = List.copyOf(chunks);
        log = List.copyOf(log);
    }

    /** One run of equal-length pieces, one per parallel area. */
    public record Chunk(long length, List<PvExtents> areas) {
        public Chunk {
            areas = List.copyOf(areas);
        }
    }
}
