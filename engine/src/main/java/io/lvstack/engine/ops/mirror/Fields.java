package io.lvstack.engine.ops.mirror;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields of new mirror segments, decoded from the text LVM2 would write, so no plugin class is
 * needed (striped ones: {@link io.lvstack.engine.ops.StripedFields}).
 */
final class Fields {
    private Fields() {
    }

    static TypeFields mirror(SegmentType mirror, int legs, long regionSize) {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(new ConfigEntry("mirror_count", new ConfigValue.Int(legs), 0));
        entries.add(new ConfigEntry("region_size", new ConfigValue.Int(regionSize), 0));
        return mirror.decode(new ConfigSection("segment1", entries, 0), legs).fields();
    }
}
