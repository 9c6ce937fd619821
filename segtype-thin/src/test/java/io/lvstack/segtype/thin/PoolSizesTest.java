package io.lvstack.segtype.thin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.ops.BadCommandLine;
import org.junit.jupiter.api.Test;

/** LVM2's {@code update_pool_params} arithmetic for a new thin pool (4 MiB extents: 8192 sectors). */
class PoolSizesTest {
    private static final long EXTENT = 8192;

    @Test
    void aSmallPoolGetsTheDefaultChunkAndTheMinimumMetadataInOneExtent() {
        // 64 MiB: 1024 chunks of 64 KiB, 64 KiB of metadata, raised to 2 MiB, one extent
        assertEquals(new PoolSizes(128, 1), PoolSizes.of(16, EXTENT, null, null));
    }

    @Test
    void aLargePoolDoublesItsChunkWhileTheMetadataPasses128MiB() {
        // 1 TiB: 64 KiB chunks would take 1 GiB of metadata; 512 KiB chunks take 128 MiB (32 extents)
        assertEquals(new PoolSizes(1024, 32), PoolSizes.of(262144, EXTENT, null, null));
    }

    @Test
    void aChunkAskedForIsKeptAndTheMetadataFollowsIt() {
        // 1 TiB with 64 KiB chunks asked for: 1 GiB of metadata, 256 extents
        assertEquals(new PoolSizes(128, 256), PoolSizes.of(262144, EXTENT, 128L, null));
    }

    @Test
    void metadataAskedForIsKeptWithinLvm2sLimits() {
        assertEquals(new PoolSizes(128, 3), PoolSizes.of(16, EXTENT, null, 3 * EXTENT));
        assertEquals(new PoolSizes(128, 1), PoolSizes.of(16, EXTENT, null, 2048L), "raised to 2 MiB");
        assertEquals(new PoolSizes(128, 4096), PoolSizes.of(16, EXTENT, null, 64L * 1024 * 2048), "16 GiB at most");
    }

    @Test
    void chunkSizesLvm2RefusesOnTheCommandLine() {
        assertEquals("Thin pool chunk size 96.00 KiB must be a multiple of 64.00 KiB.",
                assertThrows(BadCommandLine.class, () -> PoolSizes.of(16, EXTENT, 192L, null)).getMessage());
        assertEquals("Thin pool chunk size 32.00 KiB must be a multiple of 64.00 KiB.",
                assertThrows(BadCommandLine.class, () -> PoolSizes.of(16, EXTENT, 64L, null)).getMessage());
        assertEquals("Thin pool chunk size 2.00 GiB is not in the range 64.00 KiB to 1.00 GiB.",
                assertThrows(BadCommandLine.class, () -> PoolSizes.of(16, EXTENT, 4194304L, null)).getMessage());
    }

    @Test
    void aChunkLargerThanThePoolIsRefused() {
        assertEquals("Chunk size is bigger then pool data size.",
                assertThrows(io.lvstack.api.LvstackException.class,
                        () -> PoolSizes.of(1, EXTENT, 16384L, null)).getMessage());
    }
}
