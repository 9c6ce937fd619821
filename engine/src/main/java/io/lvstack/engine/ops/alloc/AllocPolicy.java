package io.lvstack.engine.ops.alloc;

import io.lvstack.api.LvstackException;
import java.util.Locale;

/** LVM2's allocation policies ({@code --alloc}), strictest first. */
public enum AllocPolicy {
    CONTIGUOUS, CLING, NORMAL, ANYWHERE, INHERIT;

    /** The metadata and command-line word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code contiguous}, {@code cling}, {@code normal}, {@code anywhere} or {@code inherit}. */
    public static AllocPolicy of(String word) {
        for (AllocPolicy p : values()) {
            if (p.word().equals(word)) {
                return p;
            }
        }
        throw new LvstackException("Invalid allocation policy \"" + word
                + "\" (expected contiguous, cling, normal, anywhere or inherit)");
    }
}
