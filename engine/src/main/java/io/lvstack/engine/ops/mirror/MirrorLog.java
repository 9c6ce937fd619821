package io.lvstack.engine.ops.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.LvmWords;

/** A mirror's log type ({@code --mirrorlog}); the ordinal is LVM2's log count. */
public enum MirrorLog {
    CORE, DISK, MIRRORED;

    /** LVM2's log count: 0 core, 1 disk, 2 mirrored. */
    public int count() {
        return ordinal();
    }

    public String word() {
        return LvmWords.word(this);
    }

    /** {@code core}, {@code disk} or {@code mirrored}. */
    public static MirrorLog of(String word) {
        MirrorLog log = LvmWords.byWord(values(), word);
        if (log == null) {
            throw new LvstackException("Unknown mirrorlog type: " + word);
        }
        return log;
    }
}
