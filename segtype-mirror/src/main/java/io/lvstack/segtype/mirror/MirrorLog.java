package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;
import java.util.Locale;

/** A mirror's log type ({@code --mirrorlog}); the ordinal is LVM2's log count. */
public enum MirrorLog {
    CORE, DISK, MIRRORED;

    /** LVM2's log count: 0 core, 1 disk, 2 mirrored. */
    public int count() {
        return ordinal();
    }

    /** {@code core}, {@code disk} or {@code mirrored}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The log type of LVM2's word {@code core}, {@code disk} or {@code mirrored}. */
    public static MirrorLog of(String word) {
        for (MirrorLog log : values()) {
            if (log.word().equals(word)) {
                return log;
            }
        }
        throw new LvstackException("Unknown mirrorlog type: " + word);
    }
}
