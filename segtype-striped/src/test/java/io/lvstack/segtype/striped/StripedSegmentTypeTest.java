package io.lvstack.segtype.striped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.MetadataException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.Setting;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.FakeLv;
import io.lvstack.testkit.FakePv;
import io.lvstack.testkit.FakeSegment;
import io.lvstack.testkit.FakeTargetContext;
import io.lvstack.testkit.RecordingLvTraits;
import io.lvstack.testkit.RecordingProblemSink;
import io.lvstack.testkit.RecordingSegmentWriter;
import io.lvstack.testkit.SegmentTypeContract;
import java.util.List;
import java.util.stream.Stream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripedSegmentTypeTest {
    private final StripedSegmentType type = (StripedSegmentType) new StripedProvider()
            .segmentTypes(PluginSettings.empty()).get(0);

    private static ConfigSection section(long stripes, Long size) {
        ConfigSectionBuilder b = ConfigSectionBuilder.section("segment2").atLine(4).integer("stripe_count", stripes);
        return (size == null ? b : b.integer("stripe_size", size)).build();
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

    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new StripedProvider());
        SegmentTypeContract.check(type, ConfigSectionBuilder.segment("segment1", 0, 8, "striped")
                .integer("stripe_count", 2).integer("stripe_size", 128).blank().array("stripes", "pv0", 0, "pv1", 4)
                .build());
        SegmentTypeContract.check(type, ConfigSectionBuilder.segment("segment1", 0, 8, "striped")
                .integer("stripe_count", 1).blank().array("stripes", "lower", 0).build());
    }

    @Test
    void twoStripesAreWrittenValidatedAndLoaded() {
        FakePv sdb = FakePv.named("pv0").setDevice("/dev/sdb");
        FakePv sdc = FakePv.named("pv1").setDevice("/dev/sdc");
        FakeSegment seg = FakeLv.named("s").addSegment(type, new StripedFields(128), 8, 2).setPvArea(0, sdb, 0)
                .setPvArea(1, sdc, 10);
        assertEquals(List.of("stripe_count = 2", "stripe_size = 128 (size)", "stripes = [\"pv0\", 0, \"pv1\", 10]"),
                RecordingSegmentWriter.encode(seg).lines());
        assertEquals(List.of(), RecordingProblemSink.validate(seg).problems());
        assertEquals(Optional.of("striped 2 128 /dev/sdb 2048 /dev/sdc " + (2048 + 10 * 8192)),
                type.targetLine(seg, new FakeTargetContext()));
        assertEquals("striped", RecordingLvTraits.describe(type, seg.lv()).layout());
        FakeSegment odd = FakeLv.named("o").addSegment(type, new StripedFields(0), 9, 2);
        assertEquals(List.of("error: stripe count 2 does not divide the length 9", "error: stripe size is zero"),
                RecordingProblemSink.validate(odd).problems());
    }

    @Test
    void onlyContiguousPvStripesMerge() {
        FakePv pv = FakePv.named("pv0");
        FakeLv lv = FakeLv.named("s");
        FakeSegment first = lv.addSegment(type, new StripedFields(0), 4, 1).setPvArea(0, pv, 0);
        FakeSegment next = lv.addSegment(type, new StripedFields(0), 4, 1).setPvArea(0, pv, 4);
        assertTrue(type.canMerge(first, next));
        next.setPvArea(0, pv, 5);
        assertFalse(type.canMerge(first, next));
        next.setLvArea(0, FakeLv.named("lower"), 4);
        assertFalse(type.canMerge(first, next));
    }
}
