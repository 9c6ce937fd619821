package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.ops.BadCommandLine;

/**
 * How many images a raid LV of a level has and what each holds, from lvcreate's {@code -i} and
 * {@code -m} as LVM2's {@code _read_mirror_and_raid_params} and {@code _check_raid_parameters}
 * read them.
 *
 * @param devices    images (areas)
 * @param dataCopies copies of the data (raid1: images; raid10: {@code -m} + 1)
 * @param stripes    data stripes ({@code -i}; 1 for raid1)
 */
record RaidShape(int devices, int dataCopies, int stripes) {

    /**
     * @param stripes {@code -i}, or null when not given
     * @param mirrors {@code -m}, or null when not given
     */
    static RaidShape of(RaidLevel level, Integer stripes, Integer mirrors) {
        switch (level.family()) {
            case RAID1 -> {
                if (stripes != null && stripes > 1) {
                    throw new LvstackException("Stripe argument cannot be used with segment type " + level.typeName());
                }
                int m = mirrors == null ? 1 : mirrors;
                if (m < 1) {
                    throw new LvstackException("Mirrors argument must be greater than 0 for segment type "
                            + level.typeName() + ".");
                }
                return new RaidShape(m + 1, m + 1, 1);
            }
            case RAID10 -> {
                int m = mirrors == null ? 1 : mirrors;
                if (m != 1) {
                    throw new LvstackException("RAID10 allows only 1 mirror (-m 1) in this version.");
                }
                int s = stripes == null ? 2 : stripes;
                if (s < 2) {
                    throw new LvstackException("Minimum of 2 stripes required for " + level.typeName() + ".");
                }
                return new RaidShape(s * (m + 1), m + 1, s);
            }
            default -> {
                if (mirrors != null && mirrors != 0) {
                    throw new LvstackException("Mirror argument cannot be used with segment type " + level.typeName());
                }
                int min = level.family() == RaidLevel.Family.RAID6 ? 3 : level.raid0() ? 1 : 2;
                int s = stripes == null ? (level.family() == RaidLevel.Family.RAID6 ? 3 : 2) : stripes;
                if (s < min) {
                    // LVM2 checks this on the command line, before it reads metadata
                    throw new BadCommandLine("Minimum of " + min + " stripes required for " + level.typeName() + ".");
                }
                int parity = level.parityDevices();
                return new RaidShape(s + parity, (int) level.defaultDataCopies(s + parity), s);
            }
        }
    }

    /** Extents each image holds for an LV of {@code extents} (a multiple of the data stripes). */
    long imageExtents(RaidLevel level, long extents) {
        return switch (level.family()) {
            case RAID1 -> extents;
            case RAID10 -> extents * dataCopies / devices;
            default -> extents / stripes;
        };
    }

    /** What the LV's extents must be a multiple of. */
    int stripeBoundary(RaidLevel level) {
        return level.family() == RaidLevel.Family.RAID1 ? 1 : stripes;
    }

    /**
     * LVM2's {@code _raid_rmeta_extents}: the raid and bitmap superblocks (8 KiB) and a bit per
     * region of an image, in whole extents.
     */
    static long metaExtents(long imageExtents, long regionSize, long extentSize) {
        long regions = imageExtents * extentSize / regionSize;
        long bytes = 2 * 4096 + (regions + 7) / 8;
        long sectors = (bytes + 511) / 512;
        return (sectors + extentSize - 1) / extentSize;
    }
}
