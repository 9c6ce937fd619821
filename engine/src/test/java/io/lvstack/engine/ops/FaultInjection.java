package io.lvstack.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.GraphException;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs an operation with a link hook that throws at link event 1, 2, ... until the operation
 * gets through; after each fault the graph must be text-identical to before and valid. Shared
 * by the fault-injection tests of every operation package.
 */
public final class FaultInjection {
    /** Throws at event number {@code failAt} (1-based) once armed; counts linked and unlinked events. */
    public static final class FailingHook implements LinkHook {
        private int failAt = Integer.MAX_VALUE;
        private int seen;

        /** Fails at the {@code n}th event from now. */
        public void arm(int n) {
            failAt = n;
            seen = 0;
        }

        public void disarm() {
            failAt = Integer.MAX_VALUE;
        }

        @Override
        public void linked(LinkEvent event, MarkEditor status) {
            tick();
        }

        @Override
        public void unlinked(LinkEvent event, MarkEditor status) {
            tick();
        }

        private void tick() {
            if (++seen == failAt) {
                throw new IllegalStateException("injected fault at link event " + failAt);
            }
        }
    }

    private FaultInjection() {
    }

    /**
     * Reads {@code file}, runs {@code prepare} without faults, then {@code op} with a fault at
     * every link event in turn; returns how many faults were injected before it succeeded.
     */
    public static int untilSuccess(Path file, BiConsumer<Engine, VolumeGroup> prepare,
            BiConsumer<Engine, VolumeGroup> op) {
        FailingHook hook = new FailingHook();
        Engine engine = Lvstack.builder().linkHook(hook).build();
        ImportedVg in = OpsFixture.read(engine, file);
        VolumeGroup vg = in.vg();
        prepare.accept(engine, vg);
        return untilSuccess(hook, vg, () -> OpsFixture.write(engine, vg, in.header()), () -> op.accept(engine, vg));
    }

    /**
     * Runs {@code op} on {@code vg}, whose engine has {@code hook}, with a fault at every link event
     * in turn: each fault must leave {@code text} as it was and the graph valid. Returns how many
     * faults were injected before it succeeded (the succeeding run is checked as valid too).
     */
    public static int untilSuccess(FailingHook hook, VolumeGroup vg, Supplier<String> text, Runnable op) {
        String before = text.get();
        for (int n = 1;; n++) {
            hook.arm(n);
            try {
                op.run();
                hook.disarm();
                OpsFixture.assertValid(vg);
                return n - 1;
            } catch (GraphException e) {
                assertTrue(e.getMessage().endsWith(": injected fault at link event " + n), e.getMessage());
                hook.disarm();
                assertEquals(before, text.get(), "after a fault at event " + n);
                OpsFixture.assertValid(vg);
            }
        }
    }
}
