package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.api.SegmentType;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.engine.Engine;
import io.lvstack.engine.segtype.NewSegments;

/** The mirror options {@code lvcreate} and {@code lvconvert} share, read as LVM2 reads them. */
final class MirrorArgs {
    /** What {@code -m} without {@code --type mirror} would make in LVM2 2.03, which lvstack does not have. */
    static final String RAID1_REFUSAL = " makes a raid1 LV in LVM2 2.03 (mirror_segtype_default = \"raid1\"), which"
            + " lvstack does not support: add --type mirror";

    /** The segment type LVM2's {@code --type mirror} names. */
    static final String MIRROR = "mirror";

    private MirrorArgs() {
    }

    /**
     * The type {@code --type mirror} names.
     *
     * @throws LvstackException when no loaded plugin provides it
     */
    static SegmentType type(Engine engine) {
        SegmentType mirror = engine.segmentTypes().byName(MIRROR);
        if (mirror == null) {
            throw new LvstackException("Unable to create LV with unknown segment type " + MIRROR + ".");
        }
        return mirror;
    }

    /**
     * {@code --regionsize}: a power of 2, MiB unless a unit is given; without it, the mirror
     * type's default ({@code segtype.mirror.region_size}, LVM2's 2 MiB).
     */
    static long regionSectors(String text, SegmentType mirror) {
        if (text == null) {
            return NewSegments.of(mirror, 2, SegmentOptions.DEFAULTS).regionSize();
        }
        long sectors;
        try {
            LvSize size = LvSize.ofSize(text);
            if (size.sign() != 0) {
                throw new LvstackException("Invalid argument for --regionsize: " + text);
            }
            sectors = size.sectors();
        } catch (LvstackException e) {
            throw new LvstackException("Invalid argument for --regionsize: " + text);
        }
        if (sectors == 0) {
            throw new LvstackException("Non-zero region size must be supplied.");
        }
        if (Long.bitCount(sectors) != 1) {
            throw new LvstackException("Region size (" + sectors + ") must be a power of 2");
        }
        return sectors;
    }
}
