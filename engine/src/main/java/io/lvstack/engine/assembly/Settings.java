package io.lvstack.engine.assembly;

import io.lvstack.api.LvstackException;
import io.lvstack.api.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every declared setting (the engine's and the plugins') over the configuration's layers: made
 * only when each key a layer sets is declared and each value is one its type allows.
 */
public final class Settings {
    private final ConfigLayers layers;
    private final Map<String, Setting> declared = new LinkedHashMap<>();

    /**
     * Checks {@code layers} against {@code declared} (full keys).
     *
     * @throws LvstackException for the first key under {@code lvstack.} or {@code segtype.} no
     *                          one declares, or the first value its type does not allow
     */
    public Settings(ConfigLayers layers, Collection<Setting> declared) {
        this.layers = layers;
        for (Setting s : declared) {
            this.declared.putIfAbsent(s.key(), s);
        }
        for (String key : layers.keys()) {
            if (!this.declared.containsKey(key) && ConfigLayers.isLvstackKey(key)) {
                throw unknown(key);
            }
        }
        for (Setting s : this.declared.values()) {
            checked(layers, s);
        }
    }

    /** Every declared setting: the engine's, then each plugin's, plugins by name. */
    public List<Setting> declared() {
        return List.copyOf(declared.values());
    }

    /** The effective value of a declared key: the highest layer's, else its default. */
    public String value(String key) {
        Setting s = declared.get(key);
        if (s == null) {
            throw new LvstackException("no loaded plugin declares the setting " + key);
        }
        return checked(layers, s);
    }

    /** Where the value of a declared key comes from: a layer's name, its default, or "not set". */
    public String source(String key) {
        String layer = layers.sourceOf(key);
        if (layer != null) {
            return layer;
        }
        if (declared.get(key).defaultValue().isEmpty()) {
            return "not set";
        }
        return key.startsWith("segtype.") ? "default of plugin " + key.split("\\.")[1] : "built-in default";
    }

    public ConfigLayers layers() {
        return layers;
    }

    /**
     * The value of {@code s} in {@code layers} (a list joined with commas), or its default,
     * refused unless its type allows it. Callers that read a key before the engine is built (the
     * parse limits) get the same message as the build.
     */
    public static String checked(ConfigLayers layers, Setting s) {
        String source = layers.sourceOf(s.key());
        if (source == null) {
            return s.defaultValue();
        }
        String value = String.join(",", layers.configuration().getList(String.class, s.key(), List.of()));
        if (!s.type().accepts(value)) {
            throw new LvstackException("configuration key " + s.key() + " = '" + value + "' (from " + source
                    + "): expected " + s.type().allowed());
        }
        return value;
    }

    private LvstackException unknown(String key) {
        String source = layers.sourceOf(key);
        String removed = ConfigKeys.REMOVED.get(key);
        if (removed != null) {
            return new LvstackException("configuration key '" + key + "' (from " + source + ") was removed: " + removed);
        }
        String hint = ConfigKeys.suggestion(key, new ArrayList<>(declared.keySet()));
        return new LvstackException("unknown configuration key '" + key + "' (from " + source + ")"
                + (hint == null ? "; lvstack config lists the keys" : "; did you mean '" + hint + "'?"));
    }
}
