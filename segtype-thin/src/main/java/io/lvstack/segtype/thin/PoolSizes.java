package io.lvstack.segtype.thin;

import io.lvstack.api.LvstackException;
import io.lvstack.api.ops.BadCommandLine;

/**
 * LVM2's {@code update_pool_params} for a new thin pool: the chunk size (64 KiB by default,
 * doubled while the metadata would pass 128 MiB) and the metadata size (64 bytes a chunk, 2 MiB
 * to 16 GiB, whole extents), in sectors.
 */
record PoolSizes(long chunkSize, long metadataExtents) {
    /** {@code allocation/thin_pool_chunk_size}'s default: 64 KiB. */
    static final long DEFAULT_CHUNK = 128;
    /** {@code DEFAULT_THIN_POOL_OPTIMAL_SIZE}: 128 MiB of metadata. */
    private static final long OPTIMAL_METADATA = 128L * 2048;
    /** {@code 2 * DEFAULT_THIN_POOL_MIN_METADATA_SIZE}: 2 MiB. */
    private static final long MIN_METADATA = 2L * 2048;
    /** {@code 2 * DEFAULT_THIN_POOL_MAX_METADATA_SIZE}: 16 GiB. */
    private static final long MAX_METADATA = 16L * 1024 * 2048;

    /**
     * @param asked         {@code -c} in sectors, or null
     * @param askedMetadata {@code --poolmetadatasize} in sectors, or null
     */
    static PoolSizes of(long dataExtents, long extentSize, Long asked, Long askedMetadata) {
        long chunk = asked != null ? asked : DEFAULT_CHUNK;
        // LVM2 checks -c as it reads the command line (exit 3) and prints every failed rule, the
        // multiple last; one line here: that one when it fails, else the range
        if (chunk % ThinPoolSegmentType.MIN_CHUNK != 0) {
            throw new BadCommandLine("Thin pool chunk size " + io.lvstack.api.ops.DisplaySize.of(chunk) + " must be a multiple of 64.00 KiB.");
        }
        if (chunk < ThinPoolSegmentType.MIN_CHUNK || chunk > ThinPoolSegmentType.MAX_CHUNK) {
            throw new BadCommandLine("Thin pool chunk size " + io.lvstack.api.ops.DisplaySize.of(chunk) + " is not in the range 64.00 KiB to"
                    + " 1.00 GiB.");
        }
        long data = dataExtents * extentSize;
        long meta;
        if (askedMetadata == null || askedMetadata == 0) {
            meta = data / (chunk * 8);
            if (asked == null) {
                while (meta > OPTIMAL_METADATA && chunk < ThinPoolSegmentType.MAX_CHUNK) {
                    chunk <<= 1;
                    meta >>= 1;
                }
            }
            if (meta % extentSize != 0) {
                meta += extentSize - meta % extentSize;
            }
        } else {
            meta = askedMetadata;
        }
        if (chunk > data) {
            throw new LvstackException("Chunk size is bigger then pool data size.");
        }
        meta = Math.max(MIN_METADATA, Math.min(MAX_METADATA, meta));
        return new PoolSizes(chunk, (meta + extentSize - 1) / extentSize);
    }
}
