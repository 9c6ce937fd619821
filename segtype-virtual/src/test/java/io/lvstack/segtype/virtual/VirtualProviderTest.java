package io.lvstack.segtype.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.FakeLv;
import io.lvstack.testkit.FakeSegment;
import io.lvstack.testkit.FakeTargetContext;
import io.lvstack.testkit.RecordingSegmentWriter;
import io.lvstack.testkit.SegmentTypeContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualProviderTest {
    private final List<SegmentType> types = new VirtualProvider().segmentTypes(PluginSettings.empty());

    @Test
    void providesErrorAndZero() {
        assertEquals(List.of("error", "zero"), types.stream().map(SegmentType::name).toList());
        assertEquals("0.1.0", new VirtualProvider().pluginVersion());
        for (SegmentType t : types) {
            assertTrue(t.has(SegmentCapability.VIRTUAL) && t.has(SegmentCapability.CAN_SPLIT), t.name());
        }
    }

    @Test
    void aSegmentHasNoAreasAndNoFieldsAndItsTargetIsItsName() {
        for (SegmentType t : types) {
            assertEquals(DecodedSegment.of(null, 0, TypeFields.NONE),
                    t.decode(ConfigSectionBuilder.segment("segment1", 0, 4, t.name()).build(), 4));
            FakeSegment seg = FakeLv.named("v").addSegment(t, TypeFields.NONE, 4, 0);
            assertEquals(List.of(), RecordingSegmentWriter.encode(seg).lines());
            assertEquals(Optional.of(t.name()), t.targetLine(seg, new FakeTargetContext()));
            assertTrue(t.canMerge(seg, seg));
            assertEquals(Optional.of(NewSegment.of(TypeFields.NONE)), t.newSegment(0, SegmentOptions.DEFAULTS));
            assertEquals(Optional.empty(), t.newSegment(1, SegmentOptions.DEFAULTS));
        }
    }

    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new VirtualProvider());
        for (SegmentType type : types) {
            SegmentTypeContract.check(type, ConfigSectionBuilder.segment("segment1", 0, 8, type.name()).build());
        }
    }
}
