package io.lvstack.engine.text;

import io.lvstack.api.text.ConfigValue;

/**
 * Metadata repeats the same short keys and words thousands of times ({@code start_extent},
 * {@code "striped"}, {@code "READ"}); sharing one String or value object per spelling saves most
 * of the parser's allocation. Direct-mapped: a collision simply replaces the older entry. Only
 * short ASCII tokens are cached, so comparing chars with bytes is exact.
 */
final class TokenCache {
    static final int MAX_LENGTH = 32;
    private static final int SIZE = 1024;
    private static final ConfigValue.Int[] SMALL_INTS = new ConfigValue.Int[1024 + 128];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = new ConfigValue.Int(i - 128);
        }
    }

    private final String[] keys = new String[SIZE];
    private final ConfigValue.Str[] strings = new ConfigValue.Str[SIZE];

    /** The key spelled by {@code in[from, to)}, which must be ASCII and at most MAX_LENGTH long. */
    String key(byte[] in, int from, int to) {
        int slot = slot(in, from, to);
        String k = keys[slot];
        if (k == null || !same(k, in, from, to)) {
            k = Utf8.decode(in, from, to, true);
            keys[slot] = k;
        }
        return k;
    }

    /** The plain string value spelled by {@code in[from, to)}, ASCII and at most MAX_LENGTH long. */
    ConfigValue.Str string(byte[] in, int from, int to) {
        int slot = slot(in, from, to);
        ConfigValue.Str s = strings[slot];
        if (s == null || !same(s.value(), in, from, to)) {
            s = ConfigValue.Str.of(Utf8.decode(in, from, to, true));
            strings[slot] = s;
        }
        return s;
    }

    static ConfigValue.Int integer(long v) {
        return v >= -128 && v < SMALL_INTS.length - 128 ? SMALL_INTS[(int) v + 128] : new ConfigValue.Int(v);
    }

    private static int slot(byte[] in, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = 31 * h + in[i];
        }
        return (h ^ (h >>> 11)) & (SIZE - 1);
    }

    private static boolean same(String s, byte[] in, int from, int to) {
        if (s.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i - from) != in[i]) {
                return false;
            }
        }
        return true;
    }
}
