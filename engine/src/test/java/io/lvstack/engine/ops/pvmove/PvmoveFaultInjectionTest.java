package io.lvstack.engine.ops.pvmove;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.FaultInjection;
import io.lvstack.engine.ops.FirstFreeAllocator;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pvmove set-up, completion and abort, each failing at every one of its link events in turn. */
class PvmoveFaultInjectionTest {

    private static PvmoveSpec range(VolumeGroup vg) {
        return new PvmoveSpec(List.of(new PvRange(vg.pvs().get(0), 1, 3)), List.of(vg.pvs().get(3)),
                AllocPolicy.CONTIGUOUS, 1024, PvmoveTest.ID, LvProperties.NONE, null);
    }

    private static Pvmove pvmove(io.lvstack.engine.Engine engine) {
        return new Pvmove(engine, new FirstFreeAllocator());
    }

    /** Links a's and b's split tails to the layer: 2 link events. */
    @Test
    void setUpRollsBackAtEveryLinkEvent() {
        assertEquals(2, FaultInjection.untilSuccess(PvmoveTest.BEFORE, (e, vg) -> {
        }, (e, vg) -> pvmove(e).setUp(vg, range(vg))));
    }

    /** Unlinks a and b from the layer: 2 link events. */
    @Test
    void completeRollsBackAtEveryLinkEvent() {
        assertEquals(2, FaultInjection.untilSuccess(PvmoveTest.BEFORE, (e, vg) -> pvmove(e).setUp(vg, range(vg)),
                (e, vg) -> pvmove(e).complete(vg, vg.lv("pvmove0"))));
    }

    @Test
    void abortRollsBackAtEveryLinkEvent() {
        assertEquals(2, FaultInjection.untilSuccess(PvmoveTest.BEFORE, (e, vg) -> pvmove(e).setUp(vg, range(vg)),
                (e, vg) -> pvmove(e).abort(vg, vg.lv("pvmove0"))));
    }

    /** Both steps in one outer change: a fault in the completion undoes the set-up too. */
    @Test
    void setUpAndCompleteInOneChangeRollBackAtEveryLinkEvent() {
        assertEquals(4, FaultInjection.untilSuccess(PvmoveTest.BEFORE, (e, vg) -> {
        }, (e, vg) -> vg.apply(ed -> {
            LogicalVolume layer = pvmove(e).setUp(vg, PvmoveSpec.wholePv(vg.pvs().get(0), List.of(), 1024,
                    PvmoveTest.ID, LvProperties.NONE));
            pvmove(e).complete(vg, layer);
        })));
    }

    /** A mirror image under pvmove0, then completion: the image is linked and unlinked as a user. */
    @Test
    void mirrorLegMoveRollsBackAtEveryLinkEvent() {
        assertEquals(2, FaultInjection.untilSuccess(Corpus.DIR.resolve("mirror_disklog.vg"), (e, vg) -> {
        }, (e, vg) -> vg.apply(ed -> {
            LogicalVolume layer = pvmove(e).setUp(vg, new PvmoveSpec(List.of(PvRange.whole(vg.pvs().get(0))),
                    List.of(vg.pvs().get(3)), AllocPolicy.CONTIGUOUS, 1024, PvmoveSelectionTest.NEW_ID,
                    LvProperties.NONE, "m"));
            pvmove(e).complete(vg, layer);
        })));
    }
}
