package io.lvstack.engine.ops.mirror;

import io.lvstack.api.LvstackException;
import java.util.Locale;

/** A mirror's log type ({@code --mirrorlog}); the ordinal is LVM2's log count. */
public enum MirrorLog {
    CORE, DISK, MIRRORED;

    /** LVM2's log count: 0 core, 1 disk, 2 mirrored. */
    public int count() {
        return ordinal();
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code core}, {@code disk} or {@code mirrored}. */
    public static MirrorLog of(String word) {
        for (MirrorLog l : values()) {
            if (l.word().equals(word)) {
                return l;
            }
        }
        throw new LvstackException("Unknown mirrorlog type: " + word);
    }
}
