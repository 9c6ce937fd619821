package io.lvstack.testkit;

import io.lvstack.api.PluginSettings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link PluginSettings} from a map, for testing how a provider reads its settings
 * ({@code segmentTypes(settings)}) without the engine's configuration. Keys are relative to the
 * plugin's prefix ({@code region_size}, not {@code segtype.mirror.region_size}). Immutable.
 */
public final class FakePluginSettings implements PluginSettings {
    private final Map<String, String> values;

    private FakePluginSettings(Map<String, String> values) {
        this.values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Settings holding {@code values}. */
    public static FakePluginSettings of(Map<String, String> values) {
        return new FakePluginSettings(values);
    }

    /** Settings holding one key. */
    public static FakePluginSettings of(String key, String value) {
        return new FakePluginSettings(Map.of(key, value));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The keys set, sorted. */
    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
