package io.lvstack.engine;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import io.lvstack.api.LvstackException;
import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.assembly.EngineModule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;

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
 * default the one that loaded lvstack), filtered by the configuration, and wired with Guice.
 */
public final class Lvstack {
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<Configuration> layers = new ArrayList<>();
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
        layers.add(layer);
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
     * The effective configuration this builder describes, without assembling anything: cheap,
     * so a tool can read its limits (say, to parse input) while the engine is still being built.
     */
    public org.apache.commons.configuration2.ImmutableConfiguration configuration() {
        CompositeConfiguration config = new CompositeConfiguration(new BaseConfiguration());
        MapConfiguration explicit = new MapConfiguration(new LinkedHashMap<>(settings));
        explicit.setListDelimiterHandler(new org.apache.commons.configuration2.convert.DefaultListDelimiterHandler(','));
        config.addConfiguration(explicit);
        layers.forEach(config::addConfiguration);
        return config;
    }

    public Engine build() {
        org.apache.commons.configuration2.ImmutableConfiguration config = configuration();
        try {
            return Guice.createInjector(Stage.PRODUCTION, new EngineModule(config, loader, hooks))
                    .getInstance(Engine.class);
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages(), e);
        } catch (ProvisionException e) {
            throw unwrap(e.getErrorMessages(), e);
        }
    }

    /** Guice wraps what a provider throws; users get lvstack's own one-line error back. */
    private static LvstackException unwrap(Collection<Message> messages, RuntimeException e) {
        for (Message m : messages) {
            for (Throwable t = m.getCause(); t != null; t = t.getCause()) {
                if (t instanceof LvstackException le) {
                    return le;
                }
            }
        }
        String first = messages.isEmpty() ? String.valueOf(e.getMessage()) : messages.iterator().next().getMessage();
        return new LvstackException("cannot assemble the engine: " + first.lines().findFirst().orElse(""), e);
    }
}
