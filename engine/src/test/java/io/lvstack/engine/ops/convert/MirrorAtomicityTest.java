package io.lvstack.engine.ops.convert;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.ops.FaultInjection;
import io.lvstack.segtype.mirror.MirrorLog;
import io.lvstack.engine.ops.FaultInjection.FailingHook;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation is one atomic change: a link hook failing at the Nth link event, for every N
 * until the operation gets through, leaves the VG text-identical to before and valid.
 */
class MirrorAtomicityTest {

    static Stream<Arguments> operations() {
        return Stream.of(
                op("mirror_disklog", "toLinear", f -> f.converter.toLinear(f.vg, "m")),
                op("mirror_disklog", "addLegs (disk log)", f -> f.converter.addLegs(f.vg, "m", 1, List.of())),
                op("mirror_corelog", "addLegs (core log)", f -> f.converter.addLegs(f.vg, "m", 1, List.of())),
                op("mirror_3way", "removeLegs on pv0", f -> f.converter.removeLegs(f.vg, "db", 1, List.of(f.pv(0)))),
                op("mirror_3way", "splitLeg", f -> f.converter.splitLegs(f.vg, "db", 1, "x", List.of())),
                op("mirror_disklog", "disk to core", f -> f.converter.changeLog(f.vg, "m", MirrorLog.CORE, List.of())),
                op("mirror_corelog", "core to disk", f -> f.converter.changeLog(f.vg, "m", MirrorLog.DISK, List.of())),
                op("mirror_mirroredlog", "mirrored to disk",
                        f -> f.converter.changeLog(f.vg, "m", MirrorLog.DISK, List.of())),
                op("mirror_mirroredlog", "mirrored log mirror to linear", f -> f.converter.toLinear(f.vg, "m")));
    }

    private static Arguments op(String corpus, String name, Consumer<MirrorFixture> op) {
        return Arguments.of(corpus, name, (Consumer<MirrorFixture>) f -> { }, op);
    }

    /** From a linear {@code m} (the disk-log corpus mirror taken back to linear), after {@code setup}. */
    private static Arguments fromLinear(String name, Consumer<MirrorFixture> setup, Consumer<MirrorFixture> op) {
        return Arguments.of("mirror_disklog", name, (Consumer<MirrorFixture>) f -> {
            f.converter.toLinear(f.vg, "m");
            setup.accept(f);
        }, op);
    }

    static Stream<Arguments> conversions() {
        Consumer<MirrorFixture> none = f -> { };
        Consumer<MirrorFixture> toMirror = f -> f.converter.convertToMirror(f.vg, "m", 2, MirrorLog.DISK, 1024,
                List.of());
        return Stream.of(
                fromLinear("linear to disk-log mirror", none, f -> f.converter.convertToMirror(f.vg, "m", 2,
                        MirrorLog.DISK, MirrorFixture.REGION, List.of())),
                fromLinear("linear to mirrored-log mirror", none, f -> f.converter.convertToMirror(f.vg, "m",
                        2, MirrorLog.MIRRORED, MirrorFixture.REGION, List.of())),
                fromLinear("lvcreate mirror", none, f -> f.converter.createMirror(f.vg, "n", 3, 2,
                        MirrorLog.DISK, MirrorFixture.REGION, List.of())),
                fromLinear("collapse", toMirror.andThen(f -> f.converter.addLegs(f.vg, "m", 1, List.of())),
                        f -> f.converter.collapse(f.vg, "m")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource({"operations", "conversions"})
    void failureAtEveryLinkEventRollsBack(String corpus, String name, Consumer<MirrorFixture> setup,
            Consumer<MirrorFixture> op) {
        FailingHook hook = new FailingHook();
        MirrorFixture f = new MirrorFixture(corpus, hook);
        setup.accept(f);
        String before = f.text();
        int faults = FaultInjection.untilSuccess(hook, f.vg, f::text, () -> op.accept(f));
        assertTrue(faults > 0, name + " made no link event");
        assertNotEquals(before, f.text(), name + " changed nothing");
    }
}
