package io.lvstack.api.text;

import java.util.Objects;

/**
 * One node of a config tree: a key with either a value ({@link ConfigEntry}) or child nodes
 * ({@link ConfigSection}). {@code line} is the 1-based line the key stood on (0 for nodes built
 * in memory).
 */
public sealed interface ConfigNode permits ConfigEntry, ConfigSection {
    String key();

    int line();

    /** Checks a key as the grammar requires it: non-empty. */
    static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a config key must not be empty");
        }
        return key;
    }
}
