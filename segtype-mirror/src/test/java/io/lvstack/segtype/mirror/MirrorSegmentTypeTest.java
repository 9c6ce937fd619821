package io.lvstack.segtype.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.MetadataException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.FakeLv;
import io.lvstack.testkit.FakePluginSettings;
import io.lvstack.testkit.FakeSegment;
import io.lvstack.testkit.RecordingLvTraits;
import io.lvstack.testkit.RecordingMarkEditor;
import io.lvstack.testkit.SegmentTypeContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MirrorSegmentTypeTest {
    private final MirrorSegmentType type = new MirrorSegmentType(4096);

    /** A segment section on line 9 whose fields follow from line 10. */
    private static ConfigSectionBuilder section() {
        return ConfigSectionBuilder.section("segment1").atLine(9);
    }

    @Test
    void decodesADiskLogMirror() {
        DecodedSegment d = type.decode(section().integer("mirror_count", 2).string("mirror_log", "m_mlog")
                .integer("region_size", 128).build(), 6);
        assertEquals("mirrors", d.areasKey());
        assertEquals(2, d.areaCount());
        assertEquals(new MirrorFields(128, null), d.fields());
        assertEquals(Map.of(MirrorSegmentType.LOG, "m_mlog"), d.references());
    }

    @Test
    void decodesAPvmoveSegment() {
        DecodedSegment d = type.decode(section().integer("mirror_count", 2).integer("extents_moved", 0)
                .integer("region_size", 4096).build(), 10);
        assertEquals(new MirrorFields(4096, 0L), d.fields());
        assertEquals(Map.of(), d.references());
    }

    @Test
    void aLogWithoutRegionSizeIsRefused() {
        MetadataException e = assertThrows(MetadataException.class,
                () -> type.decode(section().integer("mirror_count", 2).string("mirror_log", "m_mlog").build(), 6));
        assertEquals("Missing region size for mirror log in segment1", e.getMessage());
        assertEquals(9, e.line());
    }

    @Test
    void mirrorCountIsRequiredAndBounded() {
        MetadataException missing = assertThrows(MetadataException.class, () -> type.decode(section().build(), 6));
        assertEquals("section 'segment1' lacks 'mirror_count' (expected an integer)", missing.getMessage());
        MetadataException big = assertThrows(MetadataException.class,
                () -> type.decode(section().integer("mirror_count", 129).build(), 6));
        assertEquals("mirror_count 129 of segment1 is outside 1..128", big.getMessage());
        assertEquals(10, big.line());
        MetadataException wrong = assertThrows(MetadataException.class,
                () -> type.decode(section().string("mirror_count", "2").build(), 6));
        assertEquals("'mirror_count' in section 'segment1' must be an integer, found a string", wrong.getMessage());
    }

    @Test
    void providerStatesItsSpiVersionAndReadsItsRegionSize() {
        MirrorProvider p = new MirrorProvider();
        assertEquals(SpiVersion.CURRENT, p.spiVersion());
        assertEquals("mirror", p.pluginName());
        assertEquals("0.1.0", p.pluginVersion());
        PluginSettings settings = FakePluginSettings.of("region_size", "1024");
        assertEquals(1024, ((MirrorSegmentType) p.segmentTypes(settings).get(0)).defaultRegionSize());
        assertEquals(4096, ((MirrorSegmentType) p.segmentTypes(PluginSettings.empty()).get(0)).defaultRegionSize());
        // LVM2 2.03's default, 2 MiB (activation/raid_region_size = 2048 KiB), as lvstack config lists it.
        assertEquals(List.of("region_size"), p.settings().stream().map(s -> s.key()).toList());
        assertEquals("4096", p.settings().get(0).defaultValue());
        assertEquals("a power of two from 8 to 2147483648", p.settings().get(0).type().allowed());
        LvstackException e = assertThrows(LvstackException.class,
                () -> p.segmentTypes(FakePluginSettings.of("region_size", "lots")));
        assertEquals("setting 'region_size' = 'lots' is not a whole number", e.getMessage());
    }

    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new MirrorProvider());
        ConfigSection diskLog = ConfigSectionBuilder.segment("segment1", 0, 6, "mirror").integer("mirror_count", 2)
                .string("mirror_log", "m_mlog").integer("region_size", 1024).blank()
                .array("mirrors", "m_mimage_0", 0, "m_mimage_1", 0).build();
        SegmentTypeContract.check(type, diskLog);
        SegmentTypeContract.check(type, ConfigSectionBuilder.segment("segment1", 0, 10, "mirror")
                .integer("mirror_count", 2).integer("extents_moved", 4).blank().array("mirrors", "pv0", 0, "pv1", 20)
                .build());
    }

    @Test
    void legsAndLogAreMarkedAndTheLayerMakesAConversion() {
        FakeLv mirror = FakeLv.named("m").addStatus(LvStatus.VISIBLE);
        FakeLv layer = FakeLv.named("m_mimagetmp_2").setExtents(6);
        FakeLv log = FakeLv.named("m_mlog").setExtents(1);
        FakeSegment seg = mirror.addSegment(type, new MirrorFields(1024, null), 6, 2)
                .setLvArea(0, layer, 0).setLvArea(1, FakeLv.named("m_mimage_2").setExtents(6), 0)
                .attach(MirrorSegmentType.LOG, log);
        LinkHook hook = type.linkHook().orElseThrow();
        RecordingMarkEditor marks = new RecordingMarkEditor();
        hook.linked(seg.linkEvent(Via.area(0)), marks);
        hook.linked(seg.linkEvent(Via.role(MirrorSegmentType.LOG)), marks);
        assertEquals(List.of("set m_mimagetmp_2 mirror_image", "set m converting", "set m_mlog mirror_log"),
                marks.changes());

        RecordingLvTraits traits = RecordingLvTraits.describe(type, mirror);
        assertEquals('c', traits.attr(0));
        assertEquals('m', traits.attr(6));
        assertEquals("mirror", traits.layout());
        assertEquals(Map.of("mirror_log", new FieldValue.Lv(log), "convert_lv", new FieldValue.Lv(layer)),
                traits.fields());
        assertEquals("public,mirror,image", RecordingLvTraits.describe(type, layer).role());
        assertEquals(Set.of(MirrorMarks.LOG), log.marks());
    }
}
