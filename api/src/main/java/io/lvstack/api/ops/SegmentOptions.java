package io.lvstack.api.ops;

/**
 * What an operation asks of a new segment, in the words of LVM2's commands; a null size means
 * "the type's default" (its plugin settings decide it).
 *
 * @param stripeSize {@code -I}: sectors per stripe, or null
 * @param regionSize {@code -R}: sectors per mirror region, or null
 * @param moving     the segment carries a pvmove (its extents are being moved, none yet)
 */
public record SegmentOptions(Long stripeSize, Long regionSize, boolean moving) {
    /** Nothing asked: the type's defaults. */
    public static final SegmentOptions DEFAULTS = new SegmentOptions(null, null, false);

    public SegmentOptions {
        if (stripeSize != null && stripeSize < 0) {
            throw new IllegalArgumentException("negative stripe size " + stripeSize);
        }
        if (regionSize != null && regionSize < 0) {
            throw new IllegalArgumentException("negative region size " + regionSize);
        }
    }

    public static SegmentOptions stripeSize(Long sectors) {
        return new SegmentOptions(sectors, null, false);
    }

    public static SegmentOptions regionSize(Long sectors) {
        return new SegmentOptions(null, sectors, false);
    }

    /** A pvmove's segment, with {@code regionSize} (null for the default). */
    public static SegmentOptions moving(Long regionSize) {
        return new SegmentOptions(null, regionSize, true);
    }
}
