package io.lvstack.segtype.striped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.MetadataException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.Setting;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StripedSegmentTypeTest {
    private final StripedSegmentType type = (StripedSegmentType) new StripedProvider()
            .segmentTypes(PluginSettings.empty()).get(0);

    private static ConfigSection section(long stripes, Long size) {
        List<ConfigEntry> nodes = size == null
                ? List.of(new ConfigEntry("stripe_count", new ConfigValue.Int(stripes), 5))
                : List.of(new ConfigEntry("stripe_count", new ConfigValue.Int(stripes), 5),
                        new ConfigEntry("stripe_size", new ConfigValue.Int(size), 6));
        return new ConfigSection("segment2", nodes, 4);
    }

    @Test
    void oneStripeNeedsNoStripeSizeAndIgnoresOne() {
        assertEquals(DecodedSegment.of("stripes", 1, new StripedFields(0)), type.decode(section(1, null), 8));
        assertEquals(DecodedSegment.of("stripes", 1, new StripedFields(0)), type.decode(section(1, 128L), 8));
    }

    @Test
    void severalStripesNeedAStripeSize() {
        assertEquals(DecodedSegment.of("stripes", 3, new StripedFields(128)), type.decode(section(3, 128L), 9));
        MetadataException e = assertThrows(MetadataException.class, () -> type.decode(section(2, null), 8));
        assertEquals("section 'segment2' lacks 'stripe_size' (expected an integer)", e.getMessage());
        assertEquals(4, e.line());
    }

    @Test
    void stripeCountIsBounded() {
        MetadataException e = assertThrows(MetadataException.class, () -> type.decode(section(0, null), 8));
        assertEquals("stripe_count 0 of segment2 is outside 1..128", e.getMessage());
        assertEquals(5, e.line());
    }

    @Test
    void declaresLvm2sDefaultStripeSize() {
        StripedProvider p = new StripedProvider();
        assertEquals("0.1.0", p.pluginVersion());
        assertEquals(List.of(StripedProvider.STRIPE_SIZE), p.settings());
        Setting s = p.settings().get(0);
        assertEquals("stripe_size", s.key());
        assertEquals("128", s.defaultValue());
        // A power of two of at least a 4 KiB page, as LVM2's lvcreate requires.
        assertEquals(List.of(true, true, false, false, false), Stream.of("8", "2147483648", "4", "96", "4294967296")
                .map(s.type()::accepts).toList());
    }
}
