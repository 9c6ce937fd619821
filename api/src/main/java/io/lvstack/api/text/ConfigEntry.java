package io.lvstack.api.text;

import java.util.Objects;

/** {@code key = value}. */
public record ConfigEntry(String key, ConfigValue value, int line) implements ConfigNode {
    public ConfigEntry {
        ConfigNode.checkKey(key);
        Objects.requireNonNull(value, "value");
    }
}
