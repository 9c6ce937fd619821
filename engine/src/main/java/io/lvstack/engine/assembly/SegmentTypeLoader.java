package io.lvstack.engine.assembly;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.Setting;
import io.lvstack.engine.plugin.PluginDescriptor;
import io.lvstack.engine.plugin.PluginException;
import io.lvstack.engine.plugin.PluginLoader;
import io.lvstack.engine.segtype.ProviderDiscovery;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.configuration2.ImmutableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the registry from the providers on a class loader and in the plugin directories, and
 * the configuration's load and exclude lists ({@code lvstack.segtypes.load}, {@code *} for all;
 * {@code lvstack.segtypes.exclude}). The lists name primary types; a plugin's fallback types come
 * with it when any of its primary types is loaded.
 */
public final class SegmentTypeLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentTypeLoader.class);
    private static final String LOAD = ConfigKeys.SEGTYPES_LOAD.key();
    private static final String EXCLUDE = ConfigKeys.SEGTYPES_EXCLUDE.key();
    private static final String ON_ERROR = ConfigKeys.PLUGINS_ON_ERROR.key();

    /** The registry, what loading it warned about (plugins skipped), and every declared setting. */
    public record Result(SegmentTypeRegistry registry, List<String> warnings, Settings settings) {
    }

    /** The providers found, where they were looked for, and the plugins skipped. */
    private record Found(List<ProviderDiscovery.Found> providers, List<String> locations, List<String> warnings) {
    }

    private SegmentTypeLoader() {
    }

    public static Result load(ConfigLayers layers, ClassLoader loader) {
        // The engine's own values first: finding the plugins reads them.
        for (Setting s : ConfigKeys.ALL) {
            Settings.checked(layers, s);
        }
        Found found = find(layers, loader);
        List<Setting> declared = new ArrayList<>(ConfigKeys.ALL);
        for (ProviderDiscovery.Found f : found.providers()) {
            declared.addAll(ProviderDiscovery.settingsOf(f));
        }
        Settings settings = new Settings(layers, declared);
        return new Result(choose(layers.configuration(), found), found.warnings(), settings);
    }

    private static Found find(ConfigLayers layers, ClassLoader loader) {
        ImmutableConfiguration config = layers.configuration();
        boolean fail = Settings.checked(layers, ConfigKeys.PLUGINS_ON_ERROR).equals("fail");
        List<ProviderDiscovery.Found> providers = new ArrayList<>(ProviderDiscovery.find(loader));
        List<String> locations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PluginLoader plugins = new PluginLoader(SegmentTypeProvider.class.getClassLoader(),
                Boolean.parseBoolean(Settings.checked(layers, ConfigKeys.PLUGINS_ALLOW_INSECURE).strip()));
        Map<PluginDescriptor, String> present = new LinkedHashMap<>(PluginLoader.builtIn(loader));
        for (String dir : config.getList(String.class, ConfigKeys.PLUGINS_DIRS.key(), List.of())) {
            locations.add(dir + "/");
            for (Path plugin : PluginLoader.plugins(Path.of(dir))) {
                try {
                    PluginLoader.Loaded loaded = plugins.load(plugin, present);
                    present.put(loaded.descriptor(), plugin.toString());
                    warnings.addAll(loaded.warnings());
                    for (SegmentTypeProvider p : loaded.providers()) {
                        providers.add(new ProviderDiscovery.Found(p, plugin.toString(), false));
                    }
                } catch (PluginException e) {
                    // Two versions of one plugin: which to trust is the user's call, never ours.
                    boolean conflict = e.kind() == PluginException.Kind.DUPLICATE && e.getMessage().contains(" conflicts with ");
                    if (fail || conflict) {
                        throw e;
                    }
                    warnings.add(e.getMessage() + " (skipped; " + ON_ERROR + " = fail stops instead)");
                }
            }
        }
        return new Found(providers, locations, warnings);
    }

    private static SegmentTypeRegistry choose(ImmutableConfiguration config, Found found) {
        Set<String> wanted = new LinkedHashSet<>(config.getList(String.class, LOAD, List.of("*")));
        Set<String> excluded = new LinkedHashSet<>(config.getList(String.class, EXCLUDE, List.of()));
        boolean all = wanted.remove("*");
        List<RegisteredType> chosen = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        List<String> locations = new ArrayList<>(found.locations());
        for (ProviderDiscovery.Found f : found.providers()) {
            locations.add(f.location());
            List<RegisteredType> types = ProviderDiscovery.typesOf(f,
                    plugin -> new ConfigPluginSettings(config, plugin));
            boolean anyPrimary = false;
            for (RegisteredType t : types) {
                if (t.type().fallback()) {
                    continue;
                }
                names.add(t.name());
                if ((all || wanted.contains(t.name())) && !excluded.contains(t.name())) {
                    chosen.add(t);
                    anyPrimary = true;
                }
            }
            for (RegisteredType t : types) {
                if (t.type().fallback() && anyPrimary) {
                    chosen.add(t);
                }
            }
        }
        for (String name : wanted) {
            if (!names.contains(name)) {
                throw new LvstackException("segment type '" + name + "' is named in " + LOAD
                        + " but no plugin provides it; looked in " + (locations.isEmpty() ? "(no plugin jars)"
                                : String.join(", ", locations)) + "; found " + (names.isEmpty() ? "none" : names)
                        + (found.warnings().isEmpty() ? "" : "; " + String.join("; ", found.warnings())));
            }
        }
        if (chosen.isEmpty()) {
            throw new LvstackException("no segment type is loaded (found " + (names.isEmpty() ? "none" : names)
                    + ", " + LOAD + " = " + config.getList(String.class, LOAD, List.of("*")) + ", " + EXCLUDE + " = "
                    + excluded + ")");
        }
        for (RegisteredType t : chosen) {
            LOG.debug("segment type {}{} from plugin {} {} (SPI {}) at {}", t.name(),
                    t.type().fallback() ? " (fallback)" : "", t.origin().plugin(), t.origin().version(),
                    t.origin().spiVersion(), t.origin().location());
        }
        return new SegmentTypeRegistry(chosen);
    }
}
