package io.lvstack.engine.ops;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of new segments, decoded by the segment type from the text LVM2 would write, so that
 * no operation needs a plugin's classes.
 */
public final class SegmentFields {
    private SegmentFields() {
    }

    /** {@code striped}: {@code stripes} stripes of {@code stripeSize} sectors (a size only for more than one). */
    public static TypeFields striped(SegmentType striped, int stripes, long stripeSize) {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(int64("stripe_count", stripes));
        if (stripes > 1) {
            entries.add(int64("stripe_size", stripeSize));
        }
        return decode(striped, stripes, entries);
    }

    /** One stripe: what LVM2 writes as {@code stripe_count = 1 # linear}. */
    public static TypeFields linear(SegmentType striped) {
        return striped(striped, 1, 0);
    }

    /** {@code mirror} of {@code legs} legs with regions of {@code regionSize} sectors. */
    public static TypeFields mirror(SegmentType mirror, int legs, long regionSize) {
        return decode(mirror, legs, List.of(int64("mirror_count", legs), int64("region_size", regionSize)));
    }

    /** A pvmove segment: a 2-way {@code mirror} (source, destination) with nothing moved yet. */
    public static TypeFields pvmove(SegmentType mirror, long regionSize) {
        return decode(mirror, 2, List.of(int64("mirror_count", 2), int64("extents_moved", 0),
                int64("region_size", regionSize)));
    }

    private static ConfigEntry int64(String key, long value) {
        return new ConfigEntry(key, new ConfigValue.Int(value), 0);
    }

    private static TypeFields decode(SegmentType type, int areas, List<ConfigEntry> entries) {
        ConfigSection section = new ConfigSection("segment1", entries, 0);
        return io.lvstack.engine.segtype.PluginCall.call(type, "decode", "new " + section.key(),
                () -> type.decode(section, areas)).fields();
    }
}
