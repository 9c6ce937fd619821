package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;

/** Region size and log size rules of LVM2's mirrors ({@code lib/metadata/mirror.c}). */
public final class MirrorRegion {
    /** {@code MIRROR_LOG_OFFSET}: the log header takes the first 2 sectors. */
    private static final long LOG_OFFSET_SECTORS = 2;

    private MirrorRegion() {
    }

    /**
     * {@code adjusted_mirror_region_size} of LVM2 2.03 (non-clustered): a region larger than the
     * LV shrinks to the largest power of two not above the LV's size. (Older releases used
     * the largest power of two dividing the extent count instead.)
     */
    public static long adjust(long extentSize, long extents, long regionSize) {
        if (regionSize <= 0 || Long.bitCount(regionSize) != 1) {
            throw new LvstackException("Region size (" + regionSize + ") must be a power of 2");
        }
        long max = extents * extentSize;
        return max > 0 && max < 0xFFFFFFFFL && regionSize > max ? Long.highestOneBit(max) : regionSize;
    }

    /** {@code mirror_log_extents}: extents a disk log needs for a mirror of {@code areaLen} extents. */
    public static long logExtents(long regionSize, long extentSize, long areaLen) {
        long areaSectors = areaLen * extentSize;
        long regions = ceilDiv(areaSectors, regionSize);
        long bitsetBytes = ceilDiv(regions, 8);
        bitsetBytes = ceilDiv(bitsetBytes, 4) * 4;
        long logSectors = ceilDiv(LOG_OFFSET_SECTORS * 512 + bitsetBytes, 512);
        return ceilDiv(logSectors, extentSize);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
