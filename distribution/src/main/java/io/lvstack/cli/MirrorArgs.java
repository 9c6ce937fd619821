package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.ops.mirror.MirrorRegion;

/** The mirror options {@code lvcreate} and {@code lvconvert} share, read as LVM2 reads them. */
final class MirrorArgs {
    /** What {@code -m} without {@code --type mirror} would make in LVM2 2.03, which lvstack does not have. */
    static final String RAID1_REFUSAL = " makes a raid1 LV in LVM2 2.03 (mirror_segtype_default = \"raid1\"), which"
            + " lvstack does not support: add --type mirror";

    private MirrorArgs() {
    }

    /** {@code --regionsize}: a power of 2, MiB unless a unit is given; LVM2's default without it. */
    static long regionSectors(String text) {
        if (text == null) {
            return MirrorRegion.DEFAULT_SECTORS;
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
