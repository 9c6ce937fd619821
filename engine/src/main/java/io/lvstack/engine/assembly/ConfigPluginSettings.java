package io.lvstack.engine.assembly;

import io.lvstack.api.PluginSettings;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.configuration2.ImmutableConfiguration;

/** A plugin's view of the configuration: the keys under {@code segtype.<plugin>.}, prefix removed. */
final class ConfigPluginSettings implements PluginSettings {
    private final ImmutableConfiguration config;
    private final String prefix;

    ConfigPluginSettings(ImmutableConfiguration config, String plugin) {
        this.config = config;
        this.prefix = "segtype." + plugin + ".";
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(config.getString(prefix + key, null));
    }

    @Override
    public Set<String> keys() {
        Set<String> out = new LinkedHashSet<>();
        config.getKeys(prefix.substring(0, prefix.length() - 1)).forEachRemaining(k -> {
            if (k.startsWith(prefix)) {
                out.add(k.substring(prefix.length()));
            }
        });
        return out;
    }
}
