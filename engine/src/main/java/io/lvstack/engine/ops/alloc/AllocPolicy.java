package io.lvstack.engine.ops.alloc;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.LvmWords;

/** LVM2's allocation policies ({@code --alloc}), strictest first. */
public enum AllocPolicy {
    CONTIGUOUS, CLING, NORMAL, ANYWHERE, INHERIT;

    /** The metadata and command-line word. */
    public String word() {
        return LvmWords.word(this);
    }

    /** {@code contiguous}, {@code cling}, {@code normal}, {@code anywhere} or {@code inherit}. */
    public static AllocPolicy of(String word) {
        AllocPolicy policy = LvmWords.byWord(values(), word);
        if (policy == null) {
            throw new LvstackException("Invalid allocation policy \"" + word
                    + "\" (expected contiguous, cling, normal, anywhere or inherit)");
        }
        return policy;
    }
}
