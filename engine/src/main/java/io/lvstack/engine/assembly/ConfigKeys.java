package io.lvstack.engine.assembly;

import io.lvstack.api.Setting;
import io.lvstack.api.SettingType;
import io.lvstack.engine.plugin.PluginLoader;
import io.lvstack.engine.text.ParseOptions;
import java.util.List;
import java.util.Map;

/** The engine's own configuration keys, each declared once; plugins declare theirs. */
public final class ConfigKeys {
    public static final Setting SEGTYPES_LOAD = new Setting("lvstack.segtypes.load", SettingType.list(), "*",
            "The segment types to load, by name; * loads every type found.");
    public static final Setting SEGTYPES_EXCLUDE = new Setting("lvstack.segtypes.exclude", SettingType.list(), "",
            "Segment types not to load, even when lvstack.segtypes.load names them or is *.");
    public static final Setting PLUGINS_DIRS = new Setting("lvstack.plugins.dirs", SettingType.list(), "",
            "Directories of plugins: each jar in one, and each of its subdirectories, is one plugin.");
    public static final Setting PLUGINS_ON_ERROR = new Setting("lvstack.plugins.onError",
            SettingType.oneOf("skip", "fail"), "skip",
            "A plugin that cannot be loaded: skip it with a warning, or fail.");
    // Its name is the plugin loader's, which words its refusals with it and may not use this package.
    public static final Setting PLUGINS_ALLOW_INSECURE = new Setting(PluginLoader.ALLOW_INSECURE,
            SettingType.bool(), "false",
            "Load plugins from locations other users may write or own (with a warning) instead of refusing them.");
    /** The largest byte array a JVM allocates; readers ask for one byte more than the limit to see it passed. */
    private static final int LARGEST_INPUT = Integer.MAX_VALUE - 9;
    public static final Setting INPUT_MAX_BYTES = new Setting("lvstack.input.max_bytes",
            SettingType.integer(1, LARGEST_INPUT), Integer.toString(ParseOptions.DEFAULT_MAX_BYTES),
            "The largest metadata text read, in bytes; larger input is refused before it is parsed.");
    public static final Setting INPUT_MAX_DEPTH = new Setting("lvstack.input.max_depth",
            SettingType.integer(1, Integer.MAX_VALUE), Integer.toString(ParseOptions.DEFAULT_MAX_DEPTH),
            "How deep sections may nest in a metadata text; deeper input is refused.");
    public static final Setting GRAPHVIZ_DOT = new Setting("lvstack.graphviz.dot", SettingType.text(), "dot",
            "The program lvstack graph runs for svg and png: a path, or a name looked up on PATH.");

    /** Every engine key, in the order {@code lvstack config} lists them. */
    public static final List<Setting> ALL = List.of(SEGTYPES_LOAD, SEGTYPES_EXCLUDE, PLUGINS_DIRS, PLUGINS_ON_ERROR,
            PLUGINS_ALLOW_INSECURE, INPUT_MAX_BYTES, INPUT_MAX_DEPTH, GRAPHVIZ_DOT);

    /** Keys that were removed, with what to do instead: a configuration that still sets one learns why. */
    static final Map<String, String> REMOVED = Map.of("lvstack.alloc.policy",
            "new LVs follow the VG's allocation policy, as in LVM2; --alloc of lvcreate and lvextend overrides it");

    private ConfigKeys() {
    }

    /** The closest of {@code candidates} to {@code key}, if close enough to be a typo. */
    public static String suggestion(String key, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(key, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
