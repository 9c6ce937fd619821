package io.lvstack.engine;

import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import io.lvstack.engine.assembly.ConfigLayers;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.ImmutableConfiguration;

/**
 * An assembled engine: the segment types it loaded and the link hooks it gives every volume
 * group it makes. Immutable and safe to share between threads. Get one from {@link Lvstack}.
 */
public final class Engine {
    private final SegmentTypeRegistry segmentTypes;
    private final List<LinkHook> hooks;
    private final ConfigLayers config;
    private final List<String> warnings;
    private final Map<String, String> pluginSettings;

    public Engine(SegmentTypeRegistry segmentTypes, List<LinkHook> hooks, ConfigLayers config, List<String> warnings,
            Map<String, String> pluginSettings) {
        this.segmentTypes = segmentTypes;
        this.hooks = List.copyOf(hooks);
        this.config = config;
        this.warnings = List.copyOf(warnings);
        this.pluginSettings = Map.copyOf(pluginSettings);
    }

    /** The configuration's named layers, for showing where each value came from. */
    public ConfigLayers configLayers() {
        return config;
    }

    /** The settings the loaded plugins read, with their defaults. */
    public Map<String, String> pluginSettings() {
        return pluginSettings;
    }

    /** What assembling the engine warned about: plugins skipped, each with its reason. */
    public List<String> warnings() {
        return warnings;
    }

    public SegmentTypeRegistry segmentTypes() {
        return segmentTypes;
    }

    /** The effective configuration the engine was built from. */
    public ImmutableConfiguration configuration() {
        return config.configuration();
    }

    /** An empty volume group whose links fire this engine's hooks. */
    public VolumeGroup newVolumeGroup(String name, VgProperties properties) {
        return new VolumeGroup(name, properties, hooks);
    }
}
