package io.lvstack.engine;

import io.lvstack.api.Setting;
import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.assembly.ConfigLayers;
import io.lvstack.engine.assembly.Settings;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.List;
import org.apache.commons.configuration2.ImmutableConfiguration;

/**
 * An assembled engine: the segment types it loaded, the settings it was built with and the link
 * hooks it gives every volume group it makes. Immutable and safe to share between threads. Get
 * one from {@link Lvstack}.
 */
public final class Engine {
    private final SegmentTypeRegistry segmentTypes;
    private final List<LinkHook> hooks;
    private final Settings settings;
    private final List<String> warnings;

    public Engine(SegmentTypeRegistry segmentTypes, List<LinkHook> hooks, Settings settings, List<String> warnings) {
        this.segmentTypes = segmentTypes;
        this.hooks = List.copyOf(hooks);
        this.settings = settings;
        this.warnings = List.copyOf(warnings);
    }

    /** The configuration's named layers, for showing where each value came from. */
    public ConfigLayers configLayers() {
        return settings.layers();
    }

    /** Every setting the engine and its plugins declare (plugins' keys in full). */
    public List<Setting> settings() {
        return settings.declared();
    }

    /** The effective value of a declared setting, already checked against its type. */
    public String setting(String key) {
        return settings.value(key);
    }

    /** Where the value of a declared setting comes from: a layer's name, a default, or "not set". */
    public String settingSource(String key) {
        return settings.source(key);
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
        return settings.layers().configuration();
    }

    /** An empty volume group whose links fire this engine's hooks. */
    public VolumeGroup newVolumeGroup(String name, VgProperties properties) {
        return new VolumeGroup(name, properties, hooks, segmentTypes::guard);
    }
}
