package io.lvstack.segtype.cache;

import java.util.Locale;
import java.util.Optional;

/** A cache pool's {@code cache_mode}, after LVM2's {@code cache_mode_t}. */
public enum CacheMode {
    WRITETHROUGH("writethrough"),
    WRITEBACK("writeback"),
    PASSTHROUGH("passthrough");

    private final String word;

    CacheMode(String word) {
        this.word = word;
    }

    /** The word written to metadata ({@code cache_mode_num_to_str}). */
    public String word() {
        return word;
    }

    /** LVM2's {@code set_cache_mode}: the three words, compared without regard to case. */
    public static Optional<CacheMode> parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (CacheMode m : values()) {
            if (m.word.equals(lower)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
