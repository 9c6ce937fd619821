package io.lvstack.engine.ops.mirror;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/** Fields of new segments, decoded from the text LVM2 would write, so no plugin class is needed. */
final class Fields {
    private Fields() {
    }

    static TypeFields linear(SegmentType striped) {
        return decode(striped, 1, List.of(new ConfigEntry("stripe_count", new ConfigValue.Int(1), 0)));
    }

    static TypeFields mirror(SegmentType mirror, int legs, long regionSize) {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(new ConfigEntry("mirror_count", new ConfigValue.Int(legs), 0));
        entries.add(new ConfigEntry("region_size", new ConfigValue.Int(regionSize), 0));
        return decode(mirror, legs, entries);
    }

    private static TypeFields decode(SegmentType type, int areas, List<ConfigEntry> entries) {
        return type.decode(new ConfigSection("segment1", entries, 0), areas).fields();
    }
}
