package io.lvstack.engine.names;

import java.util.Locale;

/** LVM2 writes its option and metadata enums as lower-case words: one mapping for all of them. */
public final class LvmWords {
    private LvmWords() {
    }

    /** The word of a constant: its name in lower case. */
    public static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose word is {@code word}, or {@code null}: the caller refuses it in LVM2's words. */
    public static <E extends Enum<E>> E byWord(E[] constants, String word) {
        for (E c : constants) {
            if (word(c).equals(word)) {
                return c;
            }
        }
        return null;
    }
}
