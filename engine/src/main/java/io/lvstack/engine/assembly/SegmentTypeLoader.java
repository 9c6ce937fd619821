package io.lvstack.engine.assembly;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.engine.plugin.PluginException;
import io.lvstack.engine.plugin.PluginLoader;
import io.lvstack.engine.segtype.ProviderDiscovery;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.configuration2.ImmutableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the registry from the providers on a class loader and the configuration's load and
 * exclude lists ({@code lvstack.segtypes.load}, {@code *} for all; {@code lvstack.segtypes.exclude}).
 * The lists name primary types; a plugin's fallback types come with it when any of its primary
 * types is loaded.
 */
public final class SegmentTypeLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentTypeLoader.class);
    static final String LOAD = "lvstack.segtypes.load";
    static final String EXCLUDE = "lvstack.segtypes.exclude";
    static final String PLUGIN_DIRS = "lvstack.plugins.dirs";
    static final String ON_ERROR = "lvstack.plugins.onError";

    /**
     * The registry, what loading it warned about (plugins skipped), and the settings the loaded
     * plugins declare ({@code segtype.<plugin>.<key>} to default).
     */
    public record Result(SegmentTypeRegistry registry, List<String> warnings, Map<String, String> settingDefaults) {
    }

    private SegmentTypeLoader() {
    }

    public static Result load(ConfigLayers layers, ClassLoader loader) {
        ImmutableConfiguration config = layers.configuration();
        Set<String> wanted = new LinkedHashSet<>(config.getList(String.class, LOAD, List.of("*")));
        Set<String> excluded = new LinkedHashSet<>(config.getList(String.class, EXCLUDE, List.of()));
        boolean all = wanted.remove("*");

        List<RegisteredType> chosen = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        List<String> locations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ProviderDiscovery.Found> providers = new ArrayList<>(ProviderDiscovery.find(loader));
        String onError = config.getString(ON_ERROR, "skip");
        if (!onError.equals("skip") && !onError.equals("fail")) {
            throw new LvstackException(ON_ERROR + " = " + onError + ": expected fail or skip");
        }
        PluginLoader plugins = new PluginLoader(SegmentTypeProvider.class.getClassLoader(),
                config.getBoolean(PluginLoader.ALLOW_INSECURE, false));
        Map<io.lvstack.engine.plugin.PluginDescriptor, String> present = new java.util.LinkedHashMap<>(
                PluginLoader.builtIn(loader));
        for (String dir : config.getList(String.class, PLUGIN_DIRS, List.of())) {
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
                    if (onError.equals("fail") || conflict) {
                        throw e;
                    }
                    warnings.add(e.getMessage() + " (skipped; " + ON_ERROR + " = fail stops instead)");
                }
            }
        }
        Map<String, String> settingDefaults = new java.util.TreeMap<>();
        for (ProviderDiscovery.Found f : providers) {
            f.provider().settings().forEach(s -> settingDefaults.put("segtype." + f.provider().pluginName()
                    + "." + s.key(), s.defaultValue()));
        }
        checkKeys(layers, settingDefaults);
        for (ProviderDiscovery.Found f : providers) {
            locations.add(f.location());
            List<RegisteredType> types = ProviderDiscovery.typesOf(f, plugin -> new ConfigPluginSettings(config, plugin));
            boolean anyPrimary = false;
            for (RegisteredType t : types) {
                if (t.type().fallback()) {
                    continue;
                }
                found.add(t.name());
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
            if (!found.contains(name)) {
                throw new LvstackException("segment type '" + name + "' is named in " + LOAD
                        + " but no plugin provides it; looked in " + (locations.isEmpty() ? "(no plugin jars)"
                                : String.join(", ", locations)) + "; found " + (found.isEmpty() ? "none" : found)
                        + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings)));
            }
        }
        if (chosen.isEmpty()) {
            throw new LvstackException("no segment type is loaded (found " + (found.isEmpty() ? "none" : found)
                    + ", " + LOAD + " = " + config.getList(String.class, LOAD, List.of("*")) + ", " + EXCLUDE + " = "
                    + excluded + ")");
        }
        for (RegisteredType t : chosen) {
            LOG.debug("segment type {}{} from plugin {} {} (SPI {}) at {}", t.name(),
                    t.type().fallback() ? " (fallback)" : "", t.origin().plugin(), t.origin().version(),
                    t.origin().spiVersion(), t.origin().location());
        }
        return new Result(new SegmentTypeRegistry(chosen), warnings, settingDefaults);
    }

    /** Every key under {@code lvstack.} or {@code segtype.} must be one the engine or a loaded plugin reads. */
    private static void checkKeys(ConfigLayers layers, Map<String, String> pluginKeys) {
        for (String key : layers.keys()) {
            boolean known = ConfigKeys.DEFAULTS.containsKey(key) || pluginKeys.containsKey(key);
            if (known || !ConfigLayers.isLvstackKey(key)) {
                continue;
            }
            List<String> candidates = new ArrayList<>(ConfigKeys.DEFAULTS.keySet());
            candidates.addAll(pluginKeys.keySet());
            String hint = ConfigKeys.suggestion(key, candidates);
            throw new LvstackException("unknown configuration key '" + key + "' (from " + layers.sourceOf(key) + ")"
                    + (hint == null ? "; lvstack config lists the keys" : "; did you mean '" + hint + "'?"));
        }
    }
}
