package io.lvstack.engine;

import io.lvstack.api.LvstackException;
import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.assembly.SegmentTypeLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.Configuration;

/**
 * Entry point for programs that embed lvstack:
 *
 * <pre>{@code
 * Engine engine = Lvstack.builder()
 *         .set("lvstack.segtypes.load", "linear,striped,mirror")
 *         .build();
 * }</pre>
 *
 * Segment types are found with {@link java.util.ServiceLoader} on the given class loader (by
 * default the one that loaded lvstack) and in the configured plugin directories, and filtered
 * by the configuration.
 */
public final class Lvstack {
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<io.lvstack.engine.assembly.ConfigLayers.Layer> layers = new ArrayList<>();
    private final List<io.lvstack.engine.assembly.ConfigLayers.Layer> lowLayers = new ArrayList<>();
    private final List<LinkHook> hooks = new ArrayList<>();
    private ClassLoader loader = Lvstack.class.getClassLoader();

    private Lvstack() {
    }

    /** This lvstack's version, from the build. */
    public static String version() {
        try (java.io.InputStream in = Lvstack.class.getResourceAsStream("engine.properties")) {
            if (in == null) {
                throw new LvstackException("the engine jar lacks io/lvstack/engine/engine.properties");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException e) {
            throw new LvstackException("cannot read io/lvstack/engine/engine.properties: " + e.getMessage());
        }
    }

    public static Lvstack builder() {
        return new Lvstack();
    }

    /** An engine with every segment type on the class path and default settings. */
    public static Engine engine() {
        return builder().build();
    }

    /** Sets one configuration key; these win over every {@link #configuration} layer. */
    public Lvstack set(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    /** Adds a configuration layer below the explicit settings and earlier layers. */
    public Lvstack configuration(Configuration layer) {
        return configuration("configuration", layer);
    }

    /** Adds a named configuration layer (the name is what {@code lvstack config} shows as the source). */
    public Lvstack configuration(String name, Configuration layer) {
        layers.add(new io.lvstack.engine.assembly.ConfigLayers.Layer(name, layer));
        return this;
    }

    /** Adds the {@code lvstack.*} and {@code segtype.*} system properties, below the layers added so far. */
    public Lvstack systemProperties(java.util.Properties props) {
        lowLayers.add(new io.lvstack.engine.assembly.ConfigLayers.Layer("system property",
                io.lvstack.engine.assembly.ConfigLayers.systemProperties(props)));
        return this;
    }

    /** Adds the {@code LVSTACK_*} environment variables, below system properties. */
    public Lvstack environment(Map<String, String> env) {
        lowLayers.add(new io.lvstack.engine.assembly.ConfigLayers.Layer("environment",
                io.lvstack.engine.assembly.ConfigLayers.environment(env)));
        return this;
    }

    /** Adds a distribution's configuration file, just above the built-in defaults. */
    public Lvstack distribution(String name, Configuration conf) {
        lowLayers.add(new io.lvstack.engine.assembly.ConfigLayers.Layer(name, conf));
        return this;
    }

    /** Registers a hook that is called for every link and unlink, after the segment type's own. */
    public Lvstack linkHook(LinkHook hook) {
        hooks.add(hook);
        return this;
    }

    /** Where plugins are looked for with ServiceLoader. */
    public Lvstack classLoader(ClassLoader classLoader) {
        this.loader = classLoader;
        return this;
    }

    /**
     * The named layers, highest first, with the built-in defaults last, without assembling
     * anything: cheap, so a tool can read its limits (say, to parse input) while the engine is
     * still being built.
     */
    public io.lvstack.engine.assembly.ConfigLayers layers() {
        List<io.lvstack.engine.assembly.ConfigLayers.Layer> all = new ArrayList<>();
        all.add(new io.lvstack.engine.assembly.ConfigLayers.Layer("command line",
                io.lvstack.engine.assembly.ConfigLayers.map(settings)));
        all.addAll(layers);
        all.addAll(lowLayers);
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (io.lvstack.api.Setting s : io.lvstack.engine.assembly.ConfigKeys.ALL) {
            if (!s.defaultValue().isEmpty()) {
                defaults.put(s.key(), s.defaultValue());
            }
        }
        all.add(new io.lvstack.engine.assembly.ConfigLayers.Layer("built-in default",
                io.lvstack.engine.assembly.ConfigLayers.map(defaults)));
        return new io.lvstack.engine.assembly.ConfigLayers(all);
    }

    /**
     * Loads the segment types the configuration asks for and checks every configured key and
     * value against the settings the engine and the plugins declare.
     */
    public Engine build() {
        SegmentTypeLoader.Result loaded = SegmentTypeLoader.load(layers(), loader);
        return new Engine(loaded.registry(), hooks, loaded.settings(), loaded.warnings());
    }
}
