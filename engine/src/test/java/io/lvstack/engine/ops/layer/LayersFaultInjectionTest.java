package io.lvstack.engine.ops.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.ops.FaultInjection;
import io.lvstack.engine.ops.OpsFixture;
import org.junit.jupiter.api.Test;

/** Layer operations failing at every one of their link events in turn leave the VG as it was. */
class LayersFaultInjectionTest {

    /**
     * A layer under a disk-log mirror: its two legs and its log move down (3 unlinks, 3 links),
     * the parent links to the layer (1).
     */
    @Test
    void insertLayerUnderAMirrorRollsBackAtEveryLinkEvent() {
        assertEquals(7, FaultInjection.untilSuccess(Corpus.DIR.resolve("mirror_disklog.vg"), (e, vg) -> {
        }, (e, vg) -> vg.apply(ed -> new Layers(e).insertLayerForLv(ed, vg.lv("m"), "_mimagetmp_%d",
                LayersTest.LAYER_ID, LvProperties.NONE))));
    }

    /** Unlink the parent (1), move legs and log back up (6). */
    @Test
    void removeLayerRollsBackAtEveryLinkEvent() {
        assertEquals(7, FaultInjection.untilSuccess(Corpus.DIR.resolve("mirror_disklog.vg"),
                (e, vg) -> vg.apply(ed -> new Layers(e).insertLayerForLv(ed, vg.lv("m"), "_mimagetmp_%d",
                        LayersTest.LAYER_ID, LvProperties.NONE)),
                (e, vg) -> vg.apply(ed -> {
                    LogicalVolume layer = vg.lv("m_mimagetmp_0");
                    new Layers(e).removeLayerFromLv(ed, vg.lv("m"), layer);
                    ed.removeLv(layer);
                })));
    }

    /** a over a two-segment layer: splitting the parent links the tail (1), removal unlinks both (2). */
    @Test
    void splitAndRemoveLayersForSegmentsRollBackAtEveryLinkEvent() {
        assertEquals(3, FaultInjection.untilSuccess(OpsFixture.DIR.resolve("pvmove.before.vg"),
                (e, vg) -> vg.apply(ed -> {
                    LogicalVolume layer = new Layers(e).insertLayerForLv(ed, vg.lv("a"), "_tmp", LayersTest.LAYER_ID,
                            LvProperties.NONE);
                    ed.splitSegment(layer.segments().get(0), 1);
                }),
                (e, vg) -> vg.apply(ed -> {
                    Layers layers = new Layers(e);
                    LogicalVolume layer = vg.lv("a_tmp");
                    layers.splitParentSegmentsForLayer(ed, layer);
                    layers.removeLayersForSegmentsAll(ed, layer);
                })));
    }
}
