package io.lvstack.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.VgEditor;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvCreate;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import io.lvstack.engine.segtype.Origin;
import io.lvstack.engine.segtype.PluginFailure;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A type's own {@code lvcreate} ({@link LvCreator}) works through the engine's {@link VgEditor}:
 * one atomic change, links and marks kept by the engine, a plugin's bug named. The type is the
 * test-only {@link TestPoolType}.
 */
class TypeCreatorTest {
    private static final String VGID = "vgid00-0000-0000-0000-0000-0000-000000";

    /** Makes {@code NAME}, {@code NAME_meta} (2 extents) and {@code NAME_data} (the size) as LVM2 makes pools. */
    private static LvCreator pool(SegmentType self) {
        return (request, editor) -> {
            LvView pool = editor.createLv(request.name(), true);
            Allocated a = editor.allocate(new AreaRequest(1, 2 + request.extents(), 0, request.candidates(), Set.of(),
                    null, request.name()));
            List<PvExtents> pieces = new ArrayList<>();
            a.chunks().forEach(c -> pieces.addAll(c.areas()));
            PvExtents all = pieces.get(0);
            LvView meta = editor.createLv(request.name() + "_meta", false);
            LvView data = editor.createLv(request.name() + "_data", false);
            SegmentType plain = editor.plainType();
            TypeFields linear = plain.newSegment(1, SegmentOptions.DEFAULTS).orElseThrow().fields();
            editor.appendOnPvs(meta, plain, linear, 2, List.of(new PvExtents(all.pv(), all.start(), 2)));
            editor.appendOnPvs(data, plain, linear, request.extents(),
                    List.of(new PvExtents(all.pv(), all.start() + 2, request.extents())));
            SegmentView seg = editor.addSegment(pool, self, TypeFields.NONE, 0, request.extents(), 1);
            editor.setLvArea(seg, 0, data, 0);
            editor.attach(seg, TestPoolType.META_ROLE, meta);
            editor.message("  made by the test pool");
            return pool;
        };
    }

    private static Engine engine(java.util.function.Function<SegmentType, LvCreator> creator) {
        Engine base = Lvstack.engine();
        List<RegisteredType> types = new ArrayList<>(base.segmentTypes().active());
        TestPoolType type = new TestPoolType(creator);
        types.add(new RegisteredType(type, new Origin("testpool", "1", SpiVersion.CURRENT, "the test class path",
                false)));
        return new Engine(new SegmentTypeRegistry(types), List.of(),
                new io.lvstack.engine.assembly.Settings(base.configLayers(), base.settings()), List.of());
    }

    private static VolumeGroup vg(Engine engine) {
        VolumeGroup vg = engine.newVolumeGroup("vg", VgProperties.simple(VGID, 8192));
        vg.apply(ed -> ed.addPv(PvProperties.simple("pvid00-0000-0000-0000-0000-0000-000000", "/dev/sdb", 2048, 100,
                8194048)));
        return vg;
    }

    private static LvCreate.Request request(String name, long extents) {
        return new LvCreate.Request(name, LvSize.ofExtents(Long.toString(extents)), 1, null, AllocPolicy.INHERIT,
                List.of(), null, "testpool", null);
    }

    private static LvStamp stamp() {
        AtomicInteger n = new AtomicInteger();
        return new LvStamp(() -> String.format("lvid%02d-0000-0000-0000-0000-0000-000000", n.getAndIncrement()),
                1_700_000_000L, "host");
    }

    private static String text(Engine engine, VolumeGroup vg) {
        return new MetadataFormat(engine).write(vg, io.lvstack.engine.format.MetadataHeader.fresh("test", "host", 1L),
                MetadataFormat.Form.FILE);
    }

    @Test
    void theTypeMakesItsLvsThroughTheEditorAndTheEngineLinksAndMarksThem() {
        Engine engine = engine(TypeCreatorTest::pool);
        VolumeGroup vg = vg(engine);
        long seqno = vg.properties().seqno();
        List<String> messages = new LvCreate(engine, new LvmAllocator(), stamp()).run(vg, request("p", 8));
        assertEquals(List.of("  made by the test pool", "  Logical volume \"p\" created."), messages);
        assertEquals(List.of("p", "p_meta", "p_data"), vg.lvs().stream().map(LvView::name).toList());
        assertEquals(Set.of(TestPoolType.POOL), vg.lv("p").marks());
        assertEquals(Set.of(TestPoolType.META), vg.lv("p_meta").marks());
        assertEquals(Set.of(TestPoolType.DATA), vg.lv("p_data").marks());
        assertEquals(1, vg.lv("p_data").userCount());
        assertEquals(0, vg.lv("p_meta").segments().get(0).areaOrNull(0) instanceof io.lvstack.api.model.Area.OnPv on
                ? on.pe() : -1);
        assertEquals(2, ((io.lvstack.api.model.Area.OnPv) vg.lv("p_data").segments().get(0).areaOrNull(0)).pe());
        assertEquals(seqno + 1, vg.properties().seqno());
        assertEquals(List.of(), io.lvstack.engine.check.Checker.check(vg).problems().stream()
                .map(Object::toString).toList());
    }

    @Test
    void aRefusalHalfwayLeavesTheVgAsItWas() {
        Engine engine = engine(self -> (request, editor) -> {
            editor.createLv(request.name(), true);
            editor.createLv(request.name() + "_meta", false);
            throw new LvstackException("Refused halfway.");
        });
        VolumeGroup vg = vg(engine);
        String before = text(engine, vg);
        LvstackException e = assertThrows(LvstackException.class,
                () -> new LvCreate(engine, new LvmAllocator(), stamp()).run(vg, request("p", 8)));
        assertEquals("Refused halfway.", e.getMessage());
        assertEquals(before, text(engine, vg));
    }

    @Test
    void aPluginBugIsNamedAndUndone() {
        Engine engine = engine(self -> (request, editor) -> {
            editor.createLv(request.name(), true);
            throw new IllegalStateException("boom");
        });
        VolumeGroup vg = vg(engine);
        String before = text(engine, vg);
        PluginFailure e = assertThrows(PluginFailure.class,
                () -> new LvCreate(engine, new LvmAllocator(), stamp()).run(vg, request("p", 8)));
        assertEquals("segment type 'testpool' (io.lvstack.engine.spi.TestPoolType) failed in creator.create of p:"
                + " java.lang.IllegalStateException: boom", e.getMessage());
        assertEquals(before, text(engine, vg));
    }

    @Test
    void aViewFromAnotherVgIsRefused() {
        Engine engine = engine(null);
        VolumeGroup other = vg(engine);
        new LvCreate(engine, new LvmAllocator(), stamp()).run(other, new LvCreate.Request("x", LvSize.ofExtents("1"), 1,
                null, AllocPolicy.INHERIT, List.of(), null));
        Engine withCreator = engine(self -> (request, editor) -> {
            LvView mine = editor.createLv(request.name(), true);
            editor.moveSegments(mine, other.lv("x"));
            return mine;
        });
        VolumeGroup vg = vg(withCreator);
        PluginFailure e = assertThrows(PluginFailure.class,
                () -> new LvCreate(withCreator, new LvmAllocator(), stamp()).run(vg, request("p", 8)));
        assertEquals("segment type 'testpool' (io.lvstack.engine.spi.TestPoolType) failed in creator.create of p:"
                + " java.lang.IllegalArgumentException: LV x is not of VG vg", e.getMessage());
        assertEquals(List.of(), vg.lvs());
    }

    @Test
    void anLvTheTypeDoesNotReturnIsItsBug() {
        Engine engine = engine(self -> (request, editor) -> null);
        VolumeGroup vg = vg(engine);
        PluginFailure e = assertThrows(PluginFailure.class,
                () -> new LvCreate(engine, new LvmAllocator(), stamp()).run(vg, request("p", 8)));
        assertEquals("segment type 'testpool' (io.lvstack.engine.spi.TestPoolType) failed in creator.create of p:"
                + " java.lang.IllegalStateException: returned no LV of VG vg", e.getMessage());
    }
}
