package io.lvstack.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.engine.ops.pvmove.Pvmove;
import io.lvstack.engine.ops.pvmove.PvmoveSpec;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Writes to stacks holding segments of types no loaded plugin provides are refused; the rest stays writable. */
class WriteGuardTest {
    /** Every built-in plugin but the cache one: the cachepool case stands for a type no loaded plugin provides. */
    private static final Engine ALL = Lvstack.builder().set("lvstack.segtypes.exclude", "cache-pool,cache,writecache")
            .build();
    private static final Engine MINIMAL = Lvstack.builder().set("lvstack.segtypes.load", "linear,striped").build();
    private static final String NO_PLUGIN = " no loaded segment-type plugin provides.";

    private static ImportedVg read(Engine engine, String name) {
        return new MetadataFormat(engine).read(Corpus.DIR.resolve(name));
    }

    private static String text(Engine engine, ImportedVg vg) {
        return new MetadataFormat(engine).write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
    }

    /** The operation is refused with {@code message} and the VG is written back exactly as before. */
    private static void assertRefused(Engine engine, String file, String message, Consumer<VolumeGroup> operation) {
        ImportedVg vg = read(engine, file);
        String before = text(engine, vg);
        LvstackException e = assertThrows(LvstackException.class, () -> operation.accept(vg.vg()));
        assertEquals(message, e.getMessage());
        assertEquals(before, text(engine, vg));
    }

    @Test
    void anLvHoldingAnUnknownSegmentIsNeitherRemovedNorRenamed() {
        assertRefused(ALL, "cachepool.vg", "Cannot remove vg7/cpool: it holds segments of type cache-pool, which"
                + NO_PLUGIN, vg -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "cpool"));
        assertRefused(ALL, "cachepool.vg", "Cannot rename vg7/cpool: it holds segments of type cache-pool, which"
                + NO_PLUGIN, vg -> new LvRename().run(vg, "cpool", "pool2"));
        assertRefused(ALL, "cachepool.vg", "Cannot change the permission of vg7/cpool: it holds segments of type"
                + " cache-pool, which" + NO_PLUGIN, vg -> new LvChange("r", List.of(), List.of()).run(vg, "cpool"));
    }

    @Test
    void anLvThatAnUnknownSegmentNamesIsInItsStack() {
        // cpool's "data = cpool_cdata" is text to the engine: no link, but a name the guard finds
        assertRefused(ALL, "cachepool.vg", "Cannot change the permission of vg7/cpool_cdata: it is in a stack with"
                + " vg7/cpool, which holds segments of type cache-pool that" + NO_PLUGIN,
                vg -> new LvChange("r", List.of(), List.of()).run(vg, "cpool_cdata"));
        assertRefused(ALL, "cachepool.vg", "Cannot remove vg7/cpool_cmeta: it is in a stack with vg7/cpool, which"
                + " holds segments of type cache-pool that" + NO_PLUGIN, vg -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "cpool_cmeta"));
    }

    @Test
    void anLvAboveAnUnknownSegmentIsInItsStack() {
        // Without the mirror plugin, pvmove0's mirror segments are unknown; a and b map onto pvmove0.
        assertRefused(MINIMAL, "pvmove.vg", "Cannot rename vgp1/a: it is in a stack with vgp1/pvmove0, which holds"
                + " segments of type mirror that" + NO_PLUGIN, vg -> new LvRename().run(vg, "a", "a2"));
        assertRefused(MINIMAL, "pvmove.vg", "Cannot resize vgp1/b: it is in a stack with vgp1/pvmove0, which holds"
                + " segments of type mirror that" + NO_PLUGIN, vg -> new LvResize(io.lvstack.engine.Lvstack.engine(), new FirstFreeAllocator()).reduce(vg,
                        "b", LvSize.ofExtents("-1")));
    }

    @Test
    void aMirrorWithoutItsPluginIsNotConvertedOrResized() {
        assertRefused(MINIMAL, "mirror_disklog.vg", "Cannot resize vgm1/m: it holds segments of type mirror, which"
                + NO_PLUGIN, vg -> new LvResize(io.lvstack.engine.Lvstack.engine(), new FirstFreeAllocator()).extend(vg, "m", LvSize.ofExtents("+1"),
                        AllocPolicy.INHERIT, List.of()));
        // With the plugin, a mirror in a VG holding an unknown type is converted only outside that type's stack.
        assertRefused(ALL, "cachepool.vg", "Cannot convert vg7/cpool_cdata: it is in a stack with vg7/cpool, which"
                + " holds segments of type cache-pool that" + NO_PLUGIN, vg -> new LvConvert(ALL,
                        new FirstFreeAllocator(), LvStamp.now()).run(vg, "cpool_cdata", new ConvertRequest("mirror", "1",
                                "core", 1024L, null, null, List.of(), true), null));
        assertRefused(MINIMAL, "mirror_disklog.vg", "Cannot convert vgm1/m: it holds segments of type mirror, which"
                + NO_PLUGIN, vg -> new LvConvert(MINIMAL, new FirstFreeAllocator(), LvStamp.now()).run(vg, "m",
                        new ConvertRequest(null, "0", null, null, null, null, List.of(), true), "mirror"));
    }

    @Test
    void extentsOfAnUnknownStackAreNotMoved() {
        assertRefused(ALL, "cachepool.vg", "Cannot move extents of vg7/cpool_cmeta: it is in a stack with vg7/cpool,"
                + " which holds segments of type cache-pool that" + NO_PLUGIN, vg -> new Pvmove(ALL,
                        new FirstFreeAllocator()).setUp(vg, new PvmoveSpec(List.of(new PvRange(vg.pvs().get(0), 6, 2)),
                                List.of(vg.pvs().get(1)), AllocPolicy.CONTIGUOUS, 1024, LvStamp.now().newId(),
                                LvStamp.now().properties(), null)));
    }

    @Test
    void aMoveUnderAnUnknownStackIsNeitherCompletedNorAborted() {
        // pvmove.vg with a segment of a type no plugin provides (snapshot-like, naming a), which pvmove0 is moving
        String text = Corpus.readString(Corpus.DIR.resolve("pvmove.vg")).replace("\tlogical_volumes {\n", """
                \tlogical_volumes {

                \t\tsnap {
                \t\t\tid = "S00000-0000-0000-0000-0000-0000-000001"
                \t\t\tstatus = ["READ", "VISIBLE"]
                \t\t\tflags = []
                \t\t\tsegment_count = 1

                \t\t\tsegment1 {
                \t\t\t\tstart_extent = 0
                \t\t\t\textent_count = 2
                \t\t\t\ttype = "frobnicate"
                \t\t\t\tchunk_size = 8
                \t\t\t\torigin = "a"
                \t\t\t\tcow_store = "c"
                \t\t\t}
                \t\t}
                """);
        MetadataFormat format = new MetadataFormat(ALL);
        for (boolean complete : List.of(true, false)) {
            ImportedVg vg = format.read(text, "pvmove+snap.vg");
            String before = format.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
            Pvmove pvmove = new Pvmove(ALL, new FirstFreeAllocator());
            LvstackException e = assertThrows(LvstackException.class, () -> {
                if (complete) {
                    pvmove.complete(vg.vg(), vg.vg().lv("pvmove0"));
                } else {
                    pvmove.abort(vg.vg(), vg.vg().lv("pvmove0"));
                }
            });
            assertEquals("Cannot " + (complete ? "complete" : "abort") + " the move vgp1/pvmove0: it is in a stack"
                    + " with vgp1/snap, which holds segments of type frobnicate that" + NO_PLUGIN, e.getMessage());
            assertEquals(before, format.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
        }
    }

    @Test
    void anLvOfTheLiteralLinearTypeIsExtendedAndReduced() {
        // LVM2 reads type = "linear" too; extension goes by the type's striped areas, not its name
        String text = Corpus.readString(Corpus.DIR.resolve("linear.vg")).replace("type = \"striped\"",
                "type = \"linear\"");
        MetadataFormat format = new MetadataFormat(ALL);
        ImportedVg vg = format.read(text, "literal-linear.vg");
        String lv = vg.vg().lvs().get(0).name();
        long size = vg.vg().lv(lv).extentCount();
        new LvResize(io.lvstack.engine.Lvstack.engine(), new LvmAllocator()).extend(vg.vg(), lv, LvSize.ofExtents("+2"), AllocPolicy.INHERIT,
                List.of());
        assertEquals(size + 2, vg.vg().lv(lv).extentCount());
        assertEquals(List.of("linear"), vg.vg().lv(lv).segments().stream().map(s -> s.type().name()).distinct()
                .toList());
        new LvResize(io.lvstack.engine.Lvstack.engine(), new FirstFreeAllocator()).reduce(vg.vg(), lv, LvSize.ofExtents("-1"));
        assertEquals(size + 1, vg.vg().lv(lv).extentCount());
        OpsFixture.assertValid(vg.vg());
    }

    @Test
    void lvsOutsideUnknownStacksStayWritable() {
        ImportedVg vg = read(ALL, "cachepool.vg");
        new LvRename().run(vg.vg(), "plain", "plain2");
        new LvChange("r", List.of("t"), List.of()).run(vg.vg(), "plain2");
        // tags mean nothing to a cache pool: an LV in its stack gets them
        new LvChange(null, List.of("t"), List.of()).run(vg.vg(), "cpool");
        assertEquals(List.of("t"), vg.vg().lv("cpool").tags());
        assertEquals("plain2", vg.vg().lv("plain2").name());
        ImportedVg pvmove = read(MINIMAL, "pvmove.vg");
        new LvRename().run(pvmove.vg(), "c", "c2");
        assertEquals("c2", pvmove.vg().lv("c2").name());
    }

    @Test
    void pvmoveWithoutTheMirrorPluginSaysSo() {
        LvstackException e = assertThrows(LvstackException.class, () -> new Pvmove(MINIMAL, new FirstFreeAllocator()));
        assertEquals("pvmove needs a segment type that mirrors extents while they move (LVM2's mirror), and no"
                + " loaded segment-type plugin provides one.", e.getMessage());
    }
}
