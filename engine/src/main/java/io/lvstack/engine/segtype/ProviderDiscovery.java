package io.lvstack.engine.segtype;

import io.lvstack.api.LvstackException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.Setting;
import io.lvstack.api.SpiVersion;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds segment-type providers with {@link ServiceLoader} on a class loader and turns them into
 * registered types. Each provider is inspected on its own, so one bad provider yields one clear
 * message instead of a bare {@link ServiceConfigurationError}; its SPI version is checked before
 * anything else of it is called.
 */
public final class ProviderDiscovery {
    private ProviderDiscovery() {
    }

    /** A provider found, with where it was loaded from. */
    public record Found(SegmentTypeProvider provider, String location, boolean builtIn) {
    }

    /**
     * Every provider visible to {@code loader}, ordered by plugin name and location: class-path
     * order is not stable ({@code lib/*} expands in directory order), and results must be.
     */
    public static List<Found> find(ClassLoader loader) {
        List<Found> out = new ArrayList<>();
        ServiceLoader<SegmentTypeProvider> sl = ServiceLoader.load(SegmentTypeProvider.class, loader);
        for (ServiceLoader.Provider<SegmentTypeProvider> p : iterate(sl)) {
            SegmentTypeProvider provider;
            try {
                provider = p.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new LvstackException("segment-type provider " + p.type().getName() + " from "
                        + locationOf(p.type()) + " cannot be created: " + e.getMessage()
                        + "; rebuild the plugin against this lvstack's api", e);
            }
            out.add(new Found(provider, locationOf(p.type()), true));
        }
        out.sort(java.util.Comparator.comparing((Found f) -> f.provider().pluginName()).thenComparing(Found::location));
        return out;
    }

    private static List<ServiceLoader.Provider<SegmentTypeProvider>> iterate(ServiceLoader<SegmentTypeProvider> sl) {
        try {
            return sl.stream().toList();
        } catch (ServiceConfigurationError e) {
            throw new LvstackException("a segment-type plugin is broken: " + e.getMessage()
                    + "; check its META-INF/services/" + SegmentTypeProvider.class.getName() + " file", e);
        }
    }

    /**
     * The types of {@code found}, after checking its SPI version.
     *
     * @param settings the settings of one segment type, by type name
     */
    public static List<RegisteredType> typesOf(Found found, Function<String, PluginSettings> settings) {
        SegmentTypeProvider p = found.provider();
        SpiVersion built = checkSpi(found);
        Origin origin = new Origin(p.pluginName(), p.pluginVersion(), built, found.location(), found.builtIn());
        List<RegisteredType> out = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        // Libraries inside a plugin look things up through the context loader: give them theirs.
        thread.setContextClassLoader(p.getClass().getClassLoader());
        try {
            for (SegmentType t : p.segmentTypes(settings.apply(p.pluginName()))) {
                out.add(new RegisteredType(t, origin));
            }
        } catch (LvstackException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // A plugin's bug, said in one line that names the plugin, not as a stack trace.
            throw new LvstackException("plugin " + p.pluginName() + " (" + found.location()
                    + ") cannot create its segment types: " + e, e);
        } finally {
            thread.setContextClassLoader(saved);
        }
        return out;
    }

    /**
     * The settings {@code found} declares, under {@code segtype.<plugin>.}, after checking its
     * SPI version.
     */
    public static List<Setting> settingsOf(Found found) {
        checkSpi(found);
        SegmentTypeProvider p = found.provider();
        String prefix = "segtype." + p.pluginName() + ".";
        try {
            return p.settings().stream().map(s -> s.prefixed(prefix)).toList();
        } catch (RuntimeException e) {
            throw new LvstackException("plugin " + p.pluginName() + " (" + found.location()
                    + ") cannot declare its settings: " + e.getMessage(), e);
        }
    }

    /** The SPI version {@code found} was built for, refused unless this lvstack can load it. */
    private static SpiVersion checkSpi(Found found) {
        SegmentTypeProvider p = found.provider();
        SpiVersion built = p.spiVersion();
        if (!built.loadableBy(SpiVersion.CURRENT)) {
            throw new LvstackException("plugin " + p.pluginName() + " (" + found.location() + ") was built for SPI "
                    + built + " but this lvstack has SPI " + SpiVersion.CURRENT
                    + "; use a plugin built for SPI " + SpiVersion.CURRENT.major() + ".x");
        }
        return built;
    }

    /** The jar or directory a class was loaded from. */
    public static String locationOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "(unknown location)";
        }
        try {
            return Path.of(cs.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return cs.getLocation().toString();
        }
    }
}
