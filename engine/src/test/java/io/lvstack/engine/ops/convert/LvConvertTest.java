package io.lvstack.engine.ops.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.FirstFreeAllocator;
import io.lvstack.engine.ops.LvConvert;
import io.lvstack.engine.ops.OpsFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's generic lvconvert: it finds and guards the LV, hands the request to the converter
 * of the LV's type, of {@code --type} or of the options' type, makes it one change, and raises
 * the seqno once when something changed.
 */
class LvConvertTest {
    private static final Engine MINIMAL = Lvstack.builder().set("lvstack.segtypes.load", "linear,striped").build();

    private static ConvertRequest request(String type, String mirrors, String log, boolean finish) {
        return new ConvertRequest(type, mirrors, log, null, null, null, List.of(), finish);
    }

    private static List<String> convert(MirrorFixture f, String lv, ConvertRequest r) {
        return new LvConvert(f.engine, new FirstFreeAllocator(), MirrorFixture.stamp()).run(f.vg, lv, r, "mirror");
    }

    /** {@code text} with seqno {@code was}: the expected files are the steps, without lvconvert's commits. */
    private static String committed(String text, long now, long was) {
        return text.replace("\tseqno = " + now + "\n", "\tseqno = " + was + "\n");
    }

    @Test
    void addingALegFinishesTheConversionInOneCommit() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        long seqno = f.vg.properties().seqno();
        assertEquals(List.of("  Logical volume vgm1/m converted."), convert(f, "m", request(null, "+1", null, true)));
        assertEquals(seqno + 1, f.vg.properties().seqno());
        assertEquals(OpsFixture.text(MirrorFixture.EXPECTED.resolve("disklog_add_leg_collapsed.vg")),
                committed(f.text(), seqno + 1, seqno));
    }

    @Test
    void withoutFinishingTheMirrorIsBeingConverted() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        long seqno = f.vg.properties().seqno();
        assertEquals(List.of("  Logical volume vgm1/m being converted."),
                convert(f, "m", request(null, "+1", null, false)));
        assertEquals(OpsFixture.text(MirrorFixture.EXPECTED.resolve("disklog_add_leg_converting.vg")),
                committed(f.text(), seqno + 1, seqno));
        assertEquals(List.of("  Logical volume vgm1/m converted."), convert(f, "m", request(null, null, null, true)));
        assertEquals(seqno + 2, f.vg.properties().seqno());
        assertEquals(OpsFixture.text(MirrorFixture.EXPECTED.resolve("disklog_add_leg_collapsed.vg")),
                committed(f.text(), seqno + 2, seqno));
    }

    @Test
    void nothingToDoChangesNothing() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        String before = f.text();
        assertEquals(List.of(), convert(f, "m", request(null, "1", "disk", true)));
        assertEquals(List.of(), convert(f, "other", request(null, "0", null, true)));
        assertEquals(before, f.text());
    }

    @Test
    void refusals() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        String before = f.text();
        assertEquals("Failed to find logical volume \"vgm1/nope\"", assertThrows(LvstackException.class,
                () -> convert(f, "nope", request(null, "0", null, true))).getMessage());
        assertEquals("Operation requires --mirrors, --mirrorlog, --splitmirrors or --type (or a conversion in"
                + " progress to finish).", assertThrows(LvstackException.class,
                        () -> convert(f, "m", request(null, null, null, true))).getMessage());
        assertEquals(before, f.text());

        ImportedVg locked = OpsFixture.read(f.engine, Corpus.DIR.resolve("pvmove.vg"));
        assertEquals("Cannot convert locked LV vgp1/a", assertThrows(LvstackException.class,
                () -> new LvConvert(f.engine, new FirstFreeAllocator(), MirrorFixture.stamp()).run(locked.vg(), "a",
                        request("mirror", "1", null, true), "mirror")).getMessage());
    }

    @Test
    void withoutAConverterTheTypeIsNamed() {
        VolumeGroup vg = OpsFixture.read(MINIMAL, OpsFixture.DIR.resolve("pvmove.before.vg")).vg();
        LvConvert op = new LvConvert(MINIMAL, new FirstFreeAllocator(), MirrorFixture.stamp());
        assertEquals("Unable to convert vgp1/a to segment type mirror: no loaded segment-type plugin converts to it.",
                assertThrows(LvstackException.class, () -> op.run(vg, "a", request("mirror", "1", null, true),
                        "mirror")).getMessage());
        assertEquals("Operation not permitted on LV vgp1/a of type striped.", assertThrows(LvstackException.class,
                () -> op.run(vg, "a", request(null, "1", null, true), "mirror")).getMessage());
    }
}
