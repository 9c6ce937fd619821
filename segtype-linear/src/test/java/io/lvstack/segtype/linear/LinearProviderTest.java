package io.lvstack.segtype.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.SegmentTypeContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearProviderTest {
    private final List<SegmentType> types = new LinearProvider().segmentTypes(PluginSettings.empty());

    private static ConfigSection section(ConfigValue count) {
        return ConfigSectionBuilder.section("segment1").atLine(2).value("stripe_count", count).build();
    }

    @Test
    void providesLinearAndAStripedFallback() {
        assertEquals(List.of("linear", "striped"), types.stream().map(SegmentType::name).toList());
        assertFalse(types.get(0).fallback());
        assertTrue(types.get(1).fallback());
        assertEquals("0.1.0", new LinearProvider().pluginVersion());
    }

    @Test
    void acceptsOnlyOneStripe() {
        SegmentType fallback = types.get(1);
        assertTrue(fallback.accepts(section(new ConfigValue.Int(1))));
        assertFalse(fallback.accepts(section(new ConfigValue.Int(2))));
        assertFalse(fallback.accepts(section(ConfigValue.Str.of("1"))));
        assertFalse(fallback.accepts(ConfigSectionBuilder.section("segment1").atLine(2).build()));
        assertEquals(DecodedSegment.of("stripes", 1, TypeFields.NONE), fallback.decode(section(new ConfigValue.Int(1)), 4));
    }

    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new LinearProvider());
        for (SegmentType type : types) {
            SegmentTypeContract.check(type, ConfigSectionBuilder.segment("segment1", 0, 8, type.name())
                    .integer("stripe_count", 1).blank().array("stripes", "pv0", 0).build());
        }
    }
}
