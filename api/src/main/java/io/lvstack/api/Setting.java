package io.lvstack.api;

import java.util.Objects;

/**
 * One configuration key, declared once with everything about it: the engine declares its own
 * keys this way, and a plugin declares the keys under {@code segtype.<plugin>.} with
 * {@link SegmentTypeProvider#settings()}. {@code lvstack config} lists them, and the engine
 * refuses a value its type does not allow, and a key no one declares.
 *
 * @param key          the key; a plugin's relative to its prefix ({@code "region_size"})
 * @param type         the values it takes
 * @param defaultValue its value when none is configured; empty for none
 * @param doc          what it does, one or two sentences
 */
public record Setting(String key, SettingType type, String defaultValue, String doc) {
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(doc, "doc");
        if (!defaultValue.isEmpty() && !type.accepts(defaultValue)) {
            throw new IllegalArgumentException("setting " + key + ": default '" + defaultValue + "' is not "
                    + type.allowed());
        }
    }

    /** The same setting under {@code prefix} ({@code "segtype.mirror."}). */
    public Setting prefixed(String prefix) {
        return new Setting(prefix + key, type, defaultValue, doc);
    }
}
