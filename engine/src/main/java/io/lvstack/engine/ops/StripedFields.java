package io.lvstack.engine.ops;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of new {@code striped} segments, decoded from the text LVM2 would write, so that no
 * operation needs the plugin's classes.
 */
public final class StripedFields {
    private StripedFields() {
    }

    /** {@code stripes} stripes of {@code stripeSize} sectors (the size is written only for more than one). */
    public static TypeFields of(SegmentType striped, int stripes, long stripeSize) {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(new ConfigEntry("stripe_count", new ConfigValue.Int(stripes), 0));
        if (stripes > 1) {
            entries.add(new ConfigEntry("stripe_size", new ConfigValue.Int(stripeSize), 0));
        }
        return striped.decode(new ConfigSection("segment1", entries, 0), stripes).fields();
    }

    /** One stripe: what LVM2 writes as {@code stripe_count = 1 # linear}. */
    public static TypeFields linear(SegmentType striped) {
        return of(striped, 1, 0);
    }
}
