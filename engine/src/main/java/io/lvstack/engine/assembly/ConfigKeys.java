package io.lvstack.engine.assembly;

import java.util.LinkedHashMap;
import java.util.Map;

/** The engine's own configuration keys and their built-in defaults (empty text: no value). */
public final class ConfigKeys {
    /** Key to default, in the order {@code lvstack config} lists them. */
    public static final Map<String, String> DEFAULTS = defaults();

    private ConfigKeys() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lvstack.segtypes.load", "*");
        m.put("lvstack.segtypes.exclude", "");
        m.put("lvstack.plugins.dirs", "");
        m.put("lvstack.plugins.onError", "skip");
        m.put("lvstack.plugins.allowInsecure", "false");
        m.put("lvstack.input.max_bytes", Integer.toString(64 * 1024 * 1024));
        m.put("lvstack.input.max_depth", "128");
        m.put("lvstack.alloc.policy", "normal");
        // The program `lvstack graph --format svg|png` runs; a path, or a name looked up on PATH.
        m.put("lvstack.graphviz.dot", "dot");
        return java.util.Collections.unmodifiableMap(m);
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
