package io.lvstack.engine.ops.pvmove;

import io.lvstack.segtype.mirror.MirrorMarks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.FirstFreeAllocator;
import io.lvstack.engine.ops.OpsFixture;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which LVs a pvmove takes: {@code -n}, locked LVs, and mirrors (their images move, not the mirror). */
class PvmoveSelectionTest {
    private final Engine engine = OpsFixture.engine();
    private final Pvmove pvmove = new Pvmove(engine, new FirstFreeAllocator());

    static final String NEW_ID = "PVMOVE-0000-0000-0000-0000-0000-000000";

    private static PvmoveSpec spec(VolumeGroup vg, int from, int to, String lvName) {
        return new PvmoveSpec(List.of(PvRange.whole(vg.pvs().get(from))), List.of(vg.pvs().get(to)),
                AllocPolicy.CONTIGUOUS, 1024, NEW_ID, LvProperties.NONE, lvName);
    }

    @Test
    void anIdInUseIsRefused() {
        VolumeGroup vg = OpsFixture.read(engine, PvmoveTest.BEFORE).vg();
        String id = vg.lv("a").id();
        LvstackException e = assertThrows(LvstackException.class, () -> pvmove.setUp(vg, new PvmoveSpec(
                List.of(PvRange.whole(vg.pvs().get(0))), List.of(), AllocPolicy.CONTIGUOUS, 1024, id,
                LvProperties.NONE, null)));
        assertEquals("LV id " + id + " is already used by LV vgp1/a", e.getMessage());
        assertEquals(null, vg.lv("pvmove0"));
    }

    @Test
    void namedLvOnlyMovesThatLv() {
        ImportedVg in = OpsFixture.read(engine, PvmoveTest.BEFORE);
        VolumeGroup vg = in.vg();
        LogicalVolume layer = pvmove.setUp(vg, spec(vg, 0, 3, "b"));
        assertEquals(List.of("pv0:0+3"), PvmoveTest.layout(vg.lv("a")));
        assertEquals(List.of("pvmove0:0+2"), PvmoveTest.layout(vg.lv("b")));
        assertEquals(List.of("pv0:3+2|pv3:0"), PvmoveTest.layout(layer));
        assertEquals(false, vg.lv("a").has(LvStatus.LOCKED));
        OpsFixture.assertValid(vg);
    }

    @Test
    void unknownNamedLvIsRefused() {
        VolumeGroup vg = OpsFixture.read(engine, PvmoveTest.BEFORE).vg();
        LvstackException e = assertThrows(LvstackException.class, () -> pvmove.setUp(vg, spec(vg, 0, 3, "zz")));
        assertEquals("Logical volume zz not found.", e.getMessage());
        assertEquals(null, vg.lv("pvmove0"));
    }

    @Test
    void lockedLvsAreSkipped() {
        VolumeGroup vg = OpsFixture.read(engine, PvmoveTest.BEFORE).vg();
        vg.apply(ed -> ed.setStatus(vg.lv("a"), LvStatus.LOCKED, true));
        LogicalVolume layer = pvmove.setUp(vg, spec(vg, 0, 3, null));
        assertEquals(List.of("pv0:0+3"), PvmoveTest.layout(vg.lv("a")));
        assertEquals(List.of("pv0:3+2|pv3:0"), PvmoveTest.layout(layer));
    }

    @Test
    void onlyLockedDataIsRefusedInLvm2sWords() {
        VolumeGroup vg = OpsFixture.read(engine, PvmoveTest.BEFORE).vg();
        vg.apply(ed -> {
            ed.setStatus(vg.lv("a"), LvStatus.LOCKED, true);
            ed.setStatus(vg.lv("b"), LvStatus.LOCKED, true);
        });
        LvstackException e = assertThrows(LvstackException.class, () -> pvmove.setUp(vg, spec(vg, 0, 3, null)));
        assertEquals("All data on source PV skipped. It contains locked, hidden or non-top level LVs only.",
                e.getMessage());
    }

    /** pvmove -n m of the leg on pv0: the image moves under pvmove0, the mirror and "other" stay. */
    @Test
    void mirrorImageMovesNotTheMirror() {
        ImportedVg in = OpsFixture.read(engine, Corpus.DIR.resolve("mirror_disklog.vg"));
        VolumeGroup vg = in.vg();
        String before = OpsFixture.write(engine, vg, in.header());
        long len = vg.lv("m_mimage_0").extentCount();
        LogicalVolume layer = pvmove.setUp(vg, spec(vg, 0, 3, "m"));
        OpsFixture.assertValid(vg);
        assertEquals(List.of("pvmove0:0+" + len), PvmoveTest.layout(vg.lv("m_mimage_0")));
        assertEquals(List.of("pv0:0+" + len + "|pv3:0"), PvmoveTest.layout(layer));
        assertEquals(List.of("pv0:6+" + vg.lv("other").extentCount()), PvmoveTest.layout(vg.lv("other")));
        assertEquals(true, vg.lv("m_mimage_0").has(LvStatus.LOCKED));
        assertEquals(true, vg.lv("m_mimage_0").has(MirrorMarks.IMAGE));
        assertEquals(false, vg.lv("m").has(LvStatus.LOCKED));

        pvmove.complete(vg, layer);
        OpsFixture.assertValid(vg);
        assertEquals(List.of("pv3:0+" + len), PvmoveTest.layout(vg.lv("m_mimage_0")));
        assertEquals(before.replace("\"pv0\", 0", "\"pv3\", 0"), OpsFixture.write(engine, vg, in.header()));
    }

    @Test
    void convertingLvOnTheSourceRefusesTheMove() {
        ImportedVg in = OpsFixture.read(engine, Corpus.DIR.resolve("mirror_disklog.vg"));
        VolumeGroup vg = in.vg();
        // A _mimagetmp_ layer under m makes m CONVERTING, as lvconvert -m+1 does (lvm2-semantics 5.4).
        vg.apply(ed -> new io.lvstack.engine.ops.layer.Layers(engine).insertLayerForLv(ed, vg.lv("m"),
                "_mimagetmp_2", "TMPLAY-0000-0000-0000-0000-0000-000000", LvProperties.NONE));
        vg.apply(ed -> {
            var top = vg.lv("m");
            var seg = top.segments().get(0);
            var mirror = engine.segmentTypes().byName("mirror");
            var tmp = vg.lv("m_mimagetmp_2");
            ed.removeSegment(seg);
            var fields = mirror.decode(new io.lvstack.api.text.ConfigSection("segment1", List.of(
                    new io.lvstack.api.text.ConfigEntry("mirror_count", new io.lvstack.api.text.ConfigValue.Int(1), 0),
                    new io.lvstack.api.text.ConfigEntry("region_size", new io.lvstack.api.text.ConfigValue.Int(128), 0)),
                    0), 1).fields();
            var mseg = ed.addSegment(top, mirror, fields, 0, tmp.extentCount(), 1, List.of());
            ed.setLvArea(mseg, 0, tmp, 0);
        });
        assertEquals(true, vg.lv("m").has(MirrorMarks.CONVERTING));
        LvstackException e = assertThrows(LvstackException.class, () -> pvmove.setUp(vg, spec(vg, 0, 3, null)));
        assertEquals("Unable to pvmove when converting volume vgm1/m is present.", e.getMessage());
    }
}
