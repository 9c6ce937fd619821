package io.lvstack.engine.format;

import io.lvstack.engine.graph.VolumeGroup;
import java.util.List;

/** A volume group read from metadata text, its header, and the warnings reading gave. */
public record ImportedVg(VolumeGroup vg, MetadataHeader header, List<String> warnings) {
    public ImportedVg {
        warnings = List.copyOf(warnings);
    }
}
