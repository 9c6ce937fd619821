package io.lvstack.engine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VgGeneratorTest {
    private static final io.lvstack.engine.Engine ENGINE = Lvstack.engine();
    private static final MetadataFormat FORMAT = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC);

    private static String text(int lvs, long seed) {
        ImportedVg vg = new VgGenerator(ENGINE).generate("vgbig", lvs, seed);
        return FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
    }

    @Test
    void makesExactlyTheLvsAskedForWithEveryKindAndConsistentLinks() {
        ImportedVg vg = new VgGenerator(ENGINE).generate("vgbig", 2000, 7);
        List<LogicalVolume> lvs = vg.vg().lvs();
        assertEquals(2000, lvs.size());
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        long mirrors = lvs.stream().filter(lv -> lv.name().endsWith("_mlog")).count();
        long striped = lvs.stream().filter(lv -> lv.name().startsWith("stripe")).count();
        long multiSegment = lvs.stream().filter(lv -> lv.segments().size() > 1).count();
        assertEquals(true, mirrors > 50 && striped > 200 && multiSegment > 200, mirrors + " " + striped + " "
                + multiSegment);
    }

    /**
     * With a raid1 type named, raid LVs join the mix: each top LV over two images with a metadata
     * LV each, marked and linked by the raid plugin's hook, clean for the checker, read back
     * byte for byte; without one, the same seed gives the same VG as before.
     */
    @Test
    void raidLvsJoinTheMixWhenTheCallerNamesTheirType() {
        ImportedVg vg = new VgGenerator(ENGINE, "raid1").generate("vgbig", 2000, 7);
        List<LogicalVolume> lvs = vg.vg().lvs();
        assertEquals(2000, lvs.size());
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        assertEquals(List.of(), io.lvstack.engine.check.Checker.check(vg.vg()).problems().stream()
                .map(Object::toString).toList());
        List<LogicalVolume> raids = lvs.stream().filter(lv -> lv.name().matches("raid\\d+")).toList();
        assertEquals(true, raids.size() > 50, "raid LVs: " + raids.size());
        for (LogicalVolume raid : raids) {
            assertEquals("raid1", raid.segments().get(0).type().name());
            assertEquals(java.util.Set.of(io.lvstack.segtype.raid.RaidMarks.METADATA),
                    vg.vg().lv(raid.name() + "_rmeta_1").marks());
        }
        String text = FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
        ImportedVg back = FORMAT.read(text, "generated");
        assertEquals(text, FORMAT.write(back.vg(), back.header().regenerated(), MetadataFormat.Form.FILE));
        assertEquals(text(500, 42), FORMAT.write(new VgGenerator(ENGINE, null).generate("vgbig", 500, 42).vg(),
                new VgGenerator(ENGINE).generate("vgbig", 500, 42).header(), MetadataFormat.Form.FILE));
        assertThrows(io.lvstack.api.LvstackException.class, () -> new VgGenerator(ENGINE, "vdo"));
    }

    @Test
    void sameSeedSameBytesAndTheTextReadsBackUnchanged() {
        String a = text(500, 42);
        assertEquals(a, text(500, 42));
        assertNotEquals(a, text(500, 43));
        ImportedVg back = FORMAT.read(a, "generated");
        assertEquals(a, FORMAT.write(back.vg(), back.header().regenerated(), MetadataFormat.Form.FILE));
        assertEquals(List.of(), LinkConsistency.problems(back.vg()));
    }

    @Test
    void theDataStartLeavesLvm2RoomForTwoCopiesOfTheMetadataInWholeMib() {
        assertEquals(2048, VgGenerator.peStartFor(0));
        // The largest metadata that two copies (and the margin) still fit below 1 MiB, and one byte more.
        assertEquals(2048, VgGenerator.peStartFor(517_376));
        assertEquals(4096, VgGenerator.peStartFor(517_377));
        // 16000 LVs, seed 1: LVM2 reported 5593814 bytes and restored it at 11 MiB.
        assertEquals(22528, VgGenerator.peStartFor(5_593_778));
    }

    @Test
    void smallVgsKeepPvcreatesDataStartAndLargerOnesMoveItAndTheDeviceEnd() {
        assertPeStart(new VgGenerator(ENGINE).generate("vgbig", 1000, 1), 2048);
        assertPeStart(new VgGenerator(ENGINE).generate("vgbig", 2000, 1), 4096);
    }

    private static void assertPeStart(ImportedVg vg, long peStart) {
        assertEquals(4, vg.vg().pvs().size());
        for (PhysicalVolume pv : vg.vg().pvs()) {
            assertEquals(peStart, pv.peStart(), pv.name());
            assertEquals(pv.peCount() * VgGenerator.EXTENT_SIZE + peStart, pv.properties().devSize(), pv.name());
        }
    }
}
