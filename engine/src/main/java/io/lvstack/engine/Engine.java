package io.lvstack.engine;

import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.List;
import org.apache.commons.configuration2.ImmutableConfiguration;

/**
 * An assembled engine: the segment types it loaded and the link hooks it gives every volume
 * group it makes. Immutable and safe to share between threads. Get one from {@link Lvstack}.
 */
public final class Engine {
    private final SegmentTypeRegistry segmentTypes;
    private final List<LinkHook> hooks;
    private final ImmutableConfiguration config;
    private final List<String> warnings;

    public Engine(SegmentTypeRegistry segmentTypes, List<LinkHook> hooks, ImmutableConfiguration config,
            List<String> warnings) {
        this.segmentTypes = segmentTypes;
        this.hooks = List.copyOf(hooks);
        this.config = config;
        this.warnings = List.copyOf(warnings);
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
        return config;
    }

    /** An empty volume group whose links fire this engine's hooks. */
    public VolumeGroup newVolumeGroup(String name, VgProperties properties) {
        return new VolumeGroup(name, properties, hooks);
    }
}
