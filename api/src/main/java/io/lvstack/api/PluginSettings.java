package io.lvstack.api;

import java.util.Optional;
import java.util.Set;

/**
 * A plugin's own settings: the configuration keys under {@code segtype.<type>.}, with that prefix
 * removed. Plugins read their settings through this view so that they need no configuration
 * library of their own.
 */
public interface PluginSettings {
    /** The raw value of {@code key} (relative to the plugin's prefix), if set. */
    Optional<String> get(String key);

    /** The keys set under the plugin's prefix. */
    Set<String> keys();

    /** {@code key} as a number, or {@code fallback} when unset; a malformed value is an error. */
    default long getLong(String key, long fallback) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new LvstackException("setting '" + key + "' = '" + v.get() + "' is not a whole number");
        }
    }

    /** Settings with nothing set. */
    static PluginSettings empty() {
        return new PluginSettings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.empty();
            }

            @Override
            public Set<String> keys() {
                return Set.of();
            }
        };
    }
}
