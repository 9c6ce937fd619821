package io.lvstack.testkit;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;
import java.util.Map;

/**
 * The toy type's provider, registered for ServiceLoader and described by the test resources'
 * {@code META-INF/lvstack-plugin.properties}. Its fields let a test break one rule at a time; public,
 * as ServiceLoader needs.
 */
public class ToyProvider implements SegmentTypeProvider {
    String name = "toy";
    String version = "1.0";
    SpiVersion spi = SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    List<SegmentType> types = List.of(new ToyType());
    Map<String, String> defaults = Map.of("region_size", "1024");

    @Override
    public SpiVersion spiVersion() {
        return spi;
    }

    @Override
    public String pluginName() {
        return name;
    }

    @Override
    public String pluginVersion() {
        return version;
    }

    @Override
    public List<io.lvstack.api.Setting> settings() {
        return defaults.entrySet().stream()
                .map(e -> new io.lvstack.api.Setting(e.getKey(), io.lvstack.api.SettingType.text(), e.getValue(), ""))
                .toList();
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        settings.getLong("region_size", 1024);
        return types;
    }
}
