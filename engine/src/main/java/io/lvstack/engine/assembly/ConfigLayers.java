package io.lvstack.engine.assembly;

import io.lvstack.api.LvstackException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.configuration2.AbstractConfiguration;
import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ImmutableConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.convert.DefaultListDelimiterHandler;

/**
 * The configuration as named layers, highest first: command line, configuration files, system
 * properties, environment, the distribution's file, built-in defaults. The first layer that has
 * a key gives its value, and {@link #sourceOf} says which.
 */
public final class ConfigLayers {
    /** One named source of keys. */
    public record Layer(String name, Configuration config) {
    }

    private final List<Layer> layers;
    private final CompositeConfiguration composite = new CompositeConfiguration(new BaseConfiguration());

    public ConfigLayers(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        // Values are taken literally: Commons Configuration's ${file:...} and ${const:...} lookups
        // would read any file unbounded, or initialise any class, from a configuration value.
        composite.setInterpolator(null);
        for (Layer l : layers) {
            if (l.config() instanceof AbstractConfiguration c) {
                c.setInterpolator(null);
            }
            composite.addConfiguration(l.config());
        }
    }

    public ImmutableConfiguration configuration() {
        return composite;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The name of the layer that gives {@code key} its value, or null when none has it. */
    public String sourceOf(String key) {
        for (Layer l : layers) {
            if (l.config().containsKey(key)) {
                return l.name();
            }
        }
        return null;
    }

    /** Keys as given, lists split on commas. */
    public static Configuration map(Map<String, ?> values) {
        MapConfiguration c = new MapConfiguration(new LinkedHashMap<>(values));
        c.setListDelimiterHandler(new DefaultListDelimiterHandler(','));
        return c;
    }

    /** The system properties that are lvstack keys ({@code lvstack.*}, {@code segtype.*}). */
    public static Configuration systemProperties(java.util.Properties props) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : props.stringPropertyNames()) {
            if (isLvstackKey(k) && !k.equals("lvstack.home")) {
                m.put(k, props.getProperty(k));
            }
        }
        return map(m);
    }

    /**
     * Environment variables as keys: {@code LVSTACK_SEGTYPES_LOAD} is {@code lvstack.segtypes.load}
     * (the engine's keys, matched ignoring case and punctuation), and
     * {@code LVSTACK_SEGTYPE_MIRROR_REGION_SIZE} is {@code segtype.mirror.region_size} (plugin name
     * up to the next underscore, then the setting).
     */
    public static Configuration environment(Map<String, String> env) {
        Map<String, String> byEnvName = new LinkedHashMap<>();
        for (io.lvstack.api.Setting s : ConfigKeys.ALL) {
            byEnvName.put(envName(s.key()), s.key());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("LVSTACK_") || name.equals("LVSTACK_JAVA_OPTS") || name.equals("LVSTACK_DEBUG")) {
                continue;
            }
            String key = byEnvName.get(name);
            if (key == null && name.startsWith("LVSTACK_SEGTYPE_")) {
                String rest = name.substring("LVSTACK_SEGTYPE_".length()).toLowerCase(Locale.ROOT);
                int us = rest.indexOf('_');
                if (us > 0 && us < rest.length() - 1) {
                    key = "segtype." + rest.substring(0, us) + "." + rest.substring(us + 1);
                }
            }
            if (key == null) {
                throw new LvstackException("environment variable " + name + " names no lvstack setting"
                        + hint(envNames(byEnvName), name));
            }
            m.put(key, e.getValue());
        }
        return map(m);
    }

    private static Iterable<String> envNames(Map<String, String> byEnvName) {
        return byEnvName.keySet();
    }

    private static String hint(Iterable<String> candidates, String name) {
        String s = ConfigKeys.suggestion(name, candidates);
        return s == null ? "" : "; did you mean " + s + "?";
    }

    /** {@code lvstack.plugins.onError} as an environment variable: {@code LVSTACK_PLUGINS_ONERROR}. */
    public static String envName(String key) {
        String rest = key.startsWith("lvstack.") ? key.substring("lvstack.".length()) : key;
        return "LVSTACK_" + rest.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static boolean isLvstackKey(String key) {
        return key.startsWith("lvstack.") || key.startsWith("segtype.");
    }

    /** Every key any layer sets, in layer order, without repeats. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Layer l : layers) {
            l.config().getKeys().forEachRemaining(k -> {
                if (!out.contains(k)) {
                    out.add(k);
                }
            });
        }
        return out;
    }
}
