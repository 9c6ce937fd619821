package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.ops.LvSize;
import java.util.List;

/**
 * The mirror options {@code lvcreate} and {@code lvconvert} share, read as LVM2's command line
 * reads them; what they mean to a mirror is the mirror type's (its creator and converter).
 */
final class MirrorArgs {
    /** What {@code -m} without {@code --type mirror} would make in LVM2 2.03, which lvstack does not have. */
    static final String RAID1_REFUSAL = " makes a raid1 LV in LVM2 2.03 (mirror_segtype_default = \"raid1\"), which"
            + " lvstack does not support: add --type mirror";

    /**
     * The type {@code -m} makes without {@code --type} in LVM2 2.03 ({@code global/mirror_segtype_default});
     * when no loaded plugin provides it, {@code -m} is refused with {@link #RAID1_REFUSAL}.
     */
    static final String MIRROR_SEGTYPE_DEFAULT = "raid1";

    /** The segment type LVM2's {@code --type mirror} names, whose options {@code -m}, {@code --mirrorlog} and {@code -R} are. */
    static final String MIRROR = "mirror";

    /** LVM2's words for {@code --mirrorlog}. */
    private static final List<String> LOG_WORDS = List.of("core", "disk", "mirrored");

    private MirrorArgs() {
    }

    /** {@code --mirrorlog}: one of LVM2's words, or not given. */
    static void checkLogWord(String word) {
        if (word != null && !LOG_WORDS.contains(word)) {
            throw new LvstackException("Unknown mirrorlog type: " + word);
        }
    }

    /**
     * {@code --regionsize} in sectors, MiB unless a unit is given, or null when not given (the
     * mirror type's default, {@code segtype.mirror.region_size}, applies).
     *
     * @param checked whether to refuse here a size of 0 or not a power of 2 (lvcreate; lvconvert
     *                leaves that to the conversion, which refuses it only where a size applies)
     */
    static Long regionSectors(String text, boolean checked) {
        if (text == null) {
            return null;
        }
        // LVM2 refuses a malformed size while it parses the command line: status 3
        long sectors;
        try {
            LvSize size = LvSize.ofSize(text);
            if (size.sign() != 0) {
                throw new CommandLineRefusal("Invalid argument for --regionsize: " + text);
            }
            sectors = size.sectors();
        } catch (LvstackException e) {
            throw new CommandLineRefusal("Invalid argument for --regionsize: " + text);
        }
        if (!checked) {
            return sectors;
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
