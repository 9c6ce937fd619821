package io.lvstack.engine.segtype.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.FirstFreeAllocator;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.engine.ops.OpsFixture;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.engine.ops.LvConvert;
import io.lvstack.engine.ops.pvmove.Pvmove;
import io.lvstack.engine.ops.pvmove.PvmoveSpec;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Call;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operations that call a plugin while they change the graph (split, merge, new fields, roles,
 * link hooks, the region size), with the plugin failing at every call
 * in turn: each failure names the plugin and leaves the whole graph as it was, and valid.
 */
class PluginOperationFaultTest {
    private static final Path PVMOVE = OpsFixture.DIR.resolve("pvmove.before.vg");
    private static final Path DISKLOG = Corpus.DIR.resolve("mirror_disklog.vg");
    private static final Path CORELOG = Corpus.DIR.resolve("mirror_corelog.vg");
    private static final String LAYER_ID = "W00000-0000-0000-0000-0000-0000-000001";

    private static Pvmove pvmove(FaultyVg f) {
        return new Pvmove(f.faulty.engine, new FirstFreeAllocator());
    }

    /** pvmove of extents 1-3 of the first PV (inside a's and b's segments) to the fourth PV. */
    private static void setUp(FaultyVg f) {
        VolumeGroup vg = f.vg;
        pvmove(f).setUp(vg, new PvmoveSpec(List.of(new PvRange(vg.pvs().get(0), 1, 3)), List.of(vg.pvs().get(3)),
                AllocPolicy.CONTIGUOUS, 1024, LAYER_ID, LvProperties.NONE, null));
    }

    /** lvconvert of {@code lv} as {@code request} asks, the mirror's options going to the mirror type. */
    private static void convert(FaultyVg f, String lv, ConvertRequest request) {
        AtomicInteger n = new AtomicInteger();
        new LvConvert(f.faulty.engine, new FirstFreeAllocator(), new LvStamp(
                () -> String.format("FAULT%d-0000-0000-0000-0000-0000-000000", n.incrementAndGet()), 1795580000L, "vm"))
                .run(f.vg, lv, request, "mirror");
    }

    /** {@code -m}, {@code --mirrorlog}, {@code --type}; the legs added are not collapsed. */
    private static ConvertRequest request(String type, String mirrors, String log, Long regionSize) {
        return new ConvertRequest(type, mirrors, log, regionSize, null, null, List.of(), false);
    }

    private static Arguments op(String type, Call call, Path file, String name, Consumer<FaultyVg> setup,
            Consumer<FaultyVg> op) {
        return Arguments.of(type, call, file, name, setup, op);
    }

    static Stream<Arguments> operations() {
        Consumer<FaultyVg> nothing = f -> { };
        return Stream.of(
                op("striped", Call.SPLIT_FIELDS, PVMOVE, "pvmove set-up splits users", nothing,
                        PluginOperationFaultTest::setUp),
                op("mirror", Call.NEW_SEGMENT, PVMOVE, "pvmove set-up makes the layer's mirror fields", nothing,
                        PluginOperationFaultTest::setUp),
                op("striped", Call.CAN_MERGE, PVMOVE, "pvmove completion re-merges",
                        PluginOperationFaultTest::setUp, f -> pvmove(f).complete(f.vg, f.vg.lv("pvmove0"))),
                op("mirror", Call.LINK_HOOK, DISKLOG, "mirror to linear", nothing,
                        f -> convert(f, "m", request(null, "0", null, null))),
                op("mirror", Call.HOOK_EVENT, DISKLOG, "mirror to linear", nothing,
                        f -> convert(f, "m", request(null, "0", null, null))),
                op("mirror", Call.HOOK_EVENT, DISKLOG, "add a leg", nothing,
                        f -> convert(f, "m", request(null, "+1", null, null))),
                op("mirror", Call.NEW_SEGMENT, DISKLOG, "linear to mirror makes the mirror's fields", nothing,
                        f -> convert(f, "other", request("mirror", "1", "core", 1024L))),
                op("striped", Call.NEW_SEGMENT, DISKLOG, "add a leg makes the new leg's fields", nothing,
                        f -> convert(f, "m", request(null, "+1", null, null))),
                op("mirror", Call.REFERENCE_ROLES, CORELOG, "core log to disk log", nothing,
                        f -> convert(f, "m", request(null, null, "disk", null))),
                op("mirror", Call.REGION_SIZE, CORELOG, "core log to disk log reads the region size", nothing,
                        f -> convert(f, "m", request(null, null, "disk", null))),
                op("mirror", Call.HOOK_EVENT, CORELOG, "core log to disk log", nothing,
                        f -> convert(f, "m", request(null, null, "disk", null))));
    }

    static Stream<Arguments> faults() {
        return operations().flatMap(a -> Stream.of(Kind.values()).map(k -> {
            Object[] in = a.get();
            return Arguments.of(in[0], in[1], in[2], in[3], in[4], in[5], k);
        }));
    }

    @ParameterizedTest(name = "{3}: {0} {1} {6}")
    @MethodSource("faults")
    void everyFaultRollsBackTheWholeOperation(String type, Call call, Path file, String name,
            Consumer<FaultyVg> setup, Consumer<FaultyVg> op, Kind kind) {
        FaultyVg f = new FaultyVg(type, file);
        setup.accept(f);
        String before = f.validState();
        PluginFaults.Result r = PluginFaults.untilSuccess(f.faulty.type, call, kind, f::validState,
                () -> op.accept(f));
        assertTrue(r.faults() > 0, name + " made no " + call.method + " call");
        for (int n = 1; n <= r.faults(); n++) {
            String m = r.messages().get(n - 1);
            if (call == Call.HOOK_EVENT) {
                assertTrue(m.startsWith("link hook of segment type " + type + " failed while "), m);
                assertTrue(m.endsWith(": " + FaultySegmentType.detail(call, n)), m);
            } else {
                assertTrue(m.startsWith(f.faulty.plugin() + " failed in " + call.method), m);
                assertTrue(m.endsWith(": " + PluginFaults.thrown(call, kind, n)), m);
            }
        }
        OpsFixture.assertValid(f.vg);
        assertNotEquals(before, f.state(), name + " changed nothing");
    }

    @org.junit.jupiter.api.Test
    void aFailingLinkHookIsNamedWithTheLinkItWasMaking() {
        FaultyVg f = new FaultyVg("mirror", DISKLOG);
        String before = f.state();
        f.faulty.type.arm(Call.HOOK_EVENT, 1, Kind.CHECKED);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(io.lvstack.api.LvstackException.class,
                () -> convert(f, "m", request(null, "0", null, null)));
        assertEquals("link hook of segment type mirror failed while unlinking LV vgm1/m segment 1 (LE 0-5) log"
                + " from LV m_mlog: injected fault at link hook call 1", e.getMessage());
        f.faulty.type.disarm();
        assertEquals(before, f.state());
    }
}
