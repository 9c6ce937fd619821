package io.lvstack.engine.ops.pvmove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.StatusEditor;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.GraphException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.FirstFreeAllocator;
import io.lvstack.engine.ops.OpsFixture;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A link hook that throws at the Nth link event, for every N until the operation gets through:
 * each failed attempt must leave the graph text-identical to before and valid.
 */
class PvmoveFaultInjectionTest {

    /** Throws at event number {@code failAt} (1-based) once armed; counts linked and unlinked events. */
    static final class FailingHook implements LinkHook {
        int failAt = Integer.MAX_VALUE;
        int seen;

        void arm(int n) {
            failAt = n;
            seen = 0;
        }

        @Override
        public void linked(LinkEvent event, StatusEditor status) {
            tick();
        }

        @Override
        public void unlinked(LinkEvent event, StatusEditor status) {
            tick();
        }

        private void tick() {
            if (++seen == failAt) {
                throw new IllegalStateException("injected fault at link event " + failAt);
            }
        }
    }

    private static PvmoveSpec range(VolumeGroup vg) {
        return new PvmoveSpec(List.of(new PvRange(vg.pvs().get(0), 1, 3)), List.of(vg.pvs().get(3)),
                AllocPolicy.CONTIGUOUS, 1024, PvmoveTest.ID, LvProperties.NONE, null);
    }

    /**
     * Runs {@code prepare} unarmed, then {@code op} with a fault at event 1, 2, ... until it
     * succeeds; returns how many faults were injected.
     */
    private static int injectUntilSuccess(BiConsumer<Pvmove, VolumeGroup> prepare,
            BiConsumer<Pvmove, VolumeGroup> op) {
        FailingHook hook = new FailingHook();
        Engine engine = Lvstack.builder().linkHook(hook).build();
        ImportedVg in = OpsFixture.read(engine, PvmoveTest.BEFORE);
        VolumeGroup vg = in.vg();
        Pvmove pvmove = new Pvmove(engine, new FirstFreeAllocator());
        prepare.accept(pvmove, vg);
        String before = OpsFixture.write(engine, vg, in.header());
        for (int n = 1;; n++) {
            hook.arm(n);
            try {
                op.accept(pvmove, vg);
                hook.arm(Integer.MAX_VALUE);
                OpsFixture.assertValid(vg);
                return n - 1;
            } catch (GraphException e) {
                assertTrue(e.getMessage().endsWith(": injected fault at link event " + n), e.getMessage());
                hook.arm(Integer.MAX_VALUE);
                assertEquals(before, OpsFixture.write(engine, vg, in.header()), "after a fault at event " + n);
                OpsFixture.assertValid(vg);
            }
        }
    }

    @Test
    void setUpRollsBackAtEveryLinkEvent() {
        int faults = injectUntilSuccess((p, vg) -> {
        }, (p, vg) -> p.setUp(vg, range(vg)));
        assertTrue(faults >= 2, "the set-up links a and b to the layer: " + faults);
    }

    @Test
    void completeRollsBackAtEveryLinkEvent() {
        int faults = injectUntilSuccess((p, vg) -> p.setUp(vg, range(vg)),
                (p, vg) -> p.complete(vg, vg.lv("pvmove0")));
        assertTrue(faults >= 2, "completion unlinks a and b from the layer: " + faults);
    }

    @Test
    void abortRollsBackAtEveryLinkEvent() {
        int faults = injectUntilSuccess((p, vg) -> p.setUp(vg, range(vg)),
                (p, vg) -> p.abort(vg, vg.lv("pvmove0")));
        assertTrue(faults >= 2, "abort unlinks a and b from the layer: " + faults);
    }

    @Test
    void setUpAndCompleteInOneChangeRollBackAtEveryLinkEvent() {
        int faults = injectUntilSuccess((p, vg) -> {
        }, (p, vg) -> vg.apply(ed -> {
            // Both steps in one outer change: a fault in the completion undoes the set-up too.
            LogicalVolume layer = p.setUp(vg, PvmoveSpec.wholePv(vg.pvs().get(0), List.of(), 1024, PvmoveTest.ID,
                    LvProperties.NONE));
            p.complete(vg, layer);
        }));
        assertEquals(4, faults);
    }
}
