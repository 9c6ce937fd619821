package io.lvstack.engine.ops.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.OpsFixture;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Whole-LV layers on the pre-pvmove VG (a on pv0:0-2, b on pv0:3-4, c on pv1:0-1) and on a corpus mirror. */
class LayersTest {
    static final String LAYER_ID = "LAYER0-0000-0000-0000-0000-0000-000000";

    private final Engine engine = OpsFixture.engine();
    private final Layers layers = new Layers(engine);
    private final ImportedVg in = OpsFixture.read(engine, OpsFixture.DIR.resolve("pvmove.before.vg"));
    private final VolumeGroup vg = in.vg();

    private String text() {
        return OpsFixture.write(engine, vg, in.header());
    }

    /** {@code edit} is refused with {@code message} and leaves the VG text as it was. */
    private void assertRefused(String message, Consumer<StackEditor> edit) {
        String before = text();
        LvstackException e = assertThrows(LvstackException.class, () -> vg.apply(edit));
        assertEquals(message, e.getMessage());
        assertEquals(before, text());
    }

    @Test
    void insertLayerMovesTheSegmentsDown() {
        LogicalVolume a = vg.lv("a");
        LogicalVolume layer = vg.change(ed -> layers.insertLayerForLv(ed, a, "_mimage_%d", LAYER_ID,
                LvProperties.NONE));
        assertEquals("a_mimage_0", layer.name());
        assertEquals(Set.of(LvStatus.READ, LvStatus.WRITE), layer.status());
        assertEquals(List.of("a_mimage_0:0+3"), layout(a));
        assertEquals(List.of("pv0:0+3"), layout(layer));
        assertEquals(3, layer.extentCount());
        assertEquals(3, a.extentCount());
        assertEquals(List.of(a.segments().get(0)), layer.users());
        OpsFixture.assertValid(vg);
        // Restored by real LVM2 (lvm2-oracle): accepted and re-exported identically.
        OpsFixture.assertTextOf(OpsFixture.DIR.resolve("layer.linear.vg"), text());
    }

    @Test
    void insertLayerUnderAReadOnlyLvIsReadOnlyToo() {
        LogicalVolume a = vg.lv("a");
        LogicalVolume layer = vg.change(ed -> {
            ed.setStatus(a, LvStatus.WRITE, false);
            return layers.insertLayerForLv(ed, a, "_tmp", LAYER_ID, LvProperties.NONE);
        });
        assertEquals("a_tmp", layer.name());
        assertEquals(Set.of(LvStatus.READ), layer.status());
        assertEquals(Set.of(LvStatus.READ, LvStatus.VISIBLE), a.status());
        OpsFixture.assertValid(vg);
    }

    @Test
    void numberedSuffixTakesTheNextIndex() {
        vg.apply(ed -> {
            layers.insertLayerForLv(ed, vg.lv("a"), "_mimage_%d", LAYER_ID, LvProperties.NONE);
            ed.renameLv(vg.lv("c"), "a_mimage_4");
        });
        LogicalVolume second = vg.change(ed -> layers.insertLayerForLv(ed, vg.lv("a"), "_mimage_%d",
                "LAYER1-0000-0000-0000-0000-0000-000000", LvProperties.NONE));
        assertEquals("a_mimage_5", second.name());
        assertEquals(List.of("a_mimage_0:0+3"), layout(second));
        OpsFixture.assertValid(vg);
    }

    @Test
    void removeLayerRestoresTheLv() {
        String before = text();
        LogicalVolume a = vg.lv("a");
        vg.apply(ed -> {
            LogicalVolume layer = layers.insertLayerForLv(ed, a, "_tmp", LAYER_ID, LvProperties.NONE);
            layers.removeLayerFromLv(ed, a, layer);
            assertEquals(0, layer.extentCount());
            ed.removeLv(layer);
        });
        assertEquals(before, text());
        OpsFixture.assertValid(vg);
    }

    @Test
    void removeLayerNeedsTheLayersOnlyUser() {
        LogicalVolume layer = vg.change(ed -> layers.insertLayerForLv(ed, vg.lv("a"), "_tmp", LAYER_ID,
                LvProperties.NONE));
        assertRefused("Failed to find layer a_tmp in b", ed -> layers.removeLayerFromLv(ed, vg.lv("b"), layer));
    }

    @Test
    void removeLayerRefusesAParentWithMoreSegments() {
        LogicalVolume a = vg.lv("a");
        LogicalVolume layer = vg.change(ed -> layers.insertLayerForLv(ed, a, "_tmp", LAYER_ID, LvProperties.NONE));
        vg.apply(ed -> {
            Segment s = ed.addSegment(a, vg.lv("c").segments().get(0).type(), vg.lv("c").segments().get(0).fields(),
                    3, 1, 1, List.of());
            ed.setPvArea(s, 0, vg.pvs().get(2), 0);
        });
        assertRefused("Layer a_tmp of a is not the single linear mapping of the whole LV",
                ed -> layers.removeLayerFromLv(ed, a, layer));
    }

    /** A disk-log mirror moves into the layer with its log: the log's upward link follows the segment. */
    @Test
    void mirrorWithLogMovesIntoALayer() {
        Engine e2 = OpsFixture.engine();
        ImportedVg m = OpsFixture.read(e2, Corpus.DIR.resolve("mirror_disklog.vg"));
        VolumeGroup mvg = m.vg();
        LogicalVolume top = mvg.lvs().stream().filter(lv -> mirrored(lv) && lv.has(LvStatus.VISIBLE))
                .findFirst().orElseThrow();
        String before = new io.lvstack.engine.format.MetadataFormat(e2).write(mvg, m.header(),
                io.lvstack.engine.format.MetadataFormat.Form.FILE);
        Layers l2 = new Layers(e2);
        LogicalVolume layer = mvg.change(ed -> l2.insertLayerForLv(ed, top, "_mimagetmp_%d", LAYER_ID,
                LvProperties.NONE));
        assertEquals(top.name() + "_mimagetmp_0", layer.name());
        Segment inner = layer.segments().get(0);
        LogicalVolume log = inner.referenceOrNull(io.lvstack.api.model.ReferenceRole.of("log"));
        assertEquals(List.of(inner), log.users());
        assertEquals(true, mirrored(layer));
        assertEquals(false, mirrored(top));
        OpsFixture.assertValid(mvg);
        // Restored by real LVM2 (lvm2-oracle): accepted and re-exported identically.
        OpsFixture.assertTextOf(OpsFixture.DIR.resolve("layer.mirror.vg"),
                new io.lvstack.engine.format.MetadataFormat(e2).write(mvg, m.header(),
                        io.lvstack.engine.format.MetadataFormat.Form.FILE));
        mvg.apply(ed -> {
            l2.removeLayerFromLv(ed, top, layer);
            ed.removeLv(layer);
        });
        assertEquals(before, new io.lvstack.engine.format.MetadataFormat(e2).write(mvg, m.header(),
                io.lvstack.engine.format.MetadataFormat.Form.FILE));
    }

    /** Layer under b and c (two layer segments); d maps 3 LEs across the layer boundary at LE 2. */
    private LogicalVolume twoSegmentLayerWithUser(long userLe, long userLen) {
        return vg.change(ed -> {
            LogicalVolume layer = ed.createLv("lay", LAYER_ID, EnumSet.of(LvStatus.READ, LvStatus.WRITE), List.of(),
                    LvProperties.NONE);
            Segment b = vg.lv("b").segments().get(0);
            LvSegments.moveSegment(ed, b, layer, 0);
            Segment c = vg.lv("c").segments().get(0);
            LvSegments.moveSegment(ed, c, layer, 2);
            ed.removeLv(vg.lv("b"));
            ed.removeLv(vg.lv("c"));
            LogicalVolume d = ed.createLv("d", "DDDDDD-0000-0000-0000-0000-0000-000000",
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE), List.of(), LvProperties.NONE);
            Segment s = ed.addSegment(d, b.type(), b.fields(), 0, userLen, 1, List.of());
            ed.setLvArea(s, 0, layer, userLe);
            return layer;
        });
    }

    @Test
    void splitParentSegmentsMatchesLayerSegments() {
        LogicalVolume layer = twoSegmentLayerWithUser(0, 4);
        vg.apply(ed -> layers.splitParentSegmentsForLayer(ed, layer));
        assertEquals(List.of("lay:0+2", "lay:2+2"), layout(vg.lv("d")));
        OpsFixture.assertValid(vg);
    }

    @Test
    void splitParentSegmentsRefusesAnIncompatibleBoundary() {
        LogicalVolume layer = twoSegmentLayerWithUser(1, 3);
        assertRefused("Incompatible layer boundary: d:0[0] on lay:1",
                ed -> layers.splitParentSegmentsForLayer(ed, layer));
    }

    @Test
    void removeLayersForSegmentsTakesThePvExtentsUp() {
        LogicalVolume layer = twoSegmentLayerWithUser(0, 4);
        List<LogicalVolume> changed = vg.change(ed -> {
            layers.splitParentSegmentsForLayer(ed, layer);
            return layers.removeLayersForSegmentsAll(ed, layer);
        });
        assertEquals(List.of("d"), changed.stream().map(LogicalVolume::name).toList());
        assertEquals(List.of("pv0:3+2", "pv1:0+2"), layout(vg.lv("d")));
        assertEquals(null, vg.lv("lay"));
        OpsFixture.assertValid(vg);
    }

    @Test
    void removeLayersForSegmentsRefusesABoundaryMismatch() {
        LogicalVolume layer = twoSegmentLayerWithUser(0, 4);
        assertRefused("Layer boundary mismatch: d:0-4 on lay:0 / 0-2 / ",
                ed -> layers.removeLayersForSegments(ed, vg.lv("d"), layer));
    }

    @Test
    void removeLayersForSegmentsReMergesAdjacentExtents() {
        // Layer under a (pv0:0-2) split in two; the parent maps both halves, then gets pv0:0-2 back in one piece.
        LogicalVolume a = vg.lv("a");
        vg.apply(ed -> {
            LogicalVolume layer = layers.insertLayerForLv(ed, a, "_tmp", LAYER_ID, LvProperties.NONE);
            ed.splitSegment(layer.segments().get(0), 1);
            layers.splitParentSegmentsForLayer(ed, layer);
            assertEquals(List.of("a_tmp:0+1", "a_tmp:1+2"), layout(a));
            assertEquals(true, layers.removeLayersForSegments(ed, a, layer));
            ed.removeLv(layer);
        });
        assertEquals(List.of("pv0:0+3"), layout(a));
        OpsFixture.assertValid(vg);
    }

    @Test
    void moveAllMovesTheCacheVolBit() {
        vg.apply(ed -> ed.setStatus(vg.lv("a"), LvStatus.CACHE_VOL, true));
        LogicalVolume layer = vg.change(ed -> layers.insertLayerForLv(ed, vg.lv("a"), "_tmp", LAYER_ID,
                LvProperties.NONE));
        assertEquals(true, layer.has(LvStatus.CACHE_VOL));
        assertEquals(false, vg.lv("a").has(LvStatus.CACHE_VOL));
        assertEquals(Set.of(LvStatus.READ, LvStatus.WRITE, LvStatus.CACHE_VOL), layer.status());
    }

    @Test
    void moveAllRefusesANonEmptyTarget() {
        assertRefused("Cannot move segments of b into a: it has segments",
                ed -> LvSegments.moveAll(ed, vg.lv("a"), vg.lv("b")));
    }

    static List<String> layout(LogicalVolume lv) {
        return lv.segments().stream().map(s -> {
            var a = s.areaOrNull(0);
            String where = a instanceof io.lvstack.api.model.Area.OnPv p ? "pv" + lv.vg().pvs().indexOf(p.pv()) + ":"
                    + p.pe() : a instanceof io.lvstack.api.model.Area.OnLv l ? l.lv().name() + ":" + l.le() : "-";
            return where + "+" + s.areaLen();
        }).toList();
    }

    /** Owns a segment whose areas are mirror legs. */
    private static boolean mirrored(LogicalVolume lv) {
        return lv.segments().stream().anyMatch(s -> s.type().has(io.lvstack.api.SegmentCapability.AREAS_MIRRORED));
    }
}
