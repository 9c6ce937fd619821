package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.Area;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.testkit.harness.PluginHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plugin in a real engine, against what LVM2 itself wrote and printed for a cache pool. */
class CachePoolCorpusTest {
    /** An engine with the built-in plugins and this one. */
    static final PluginHarness HARNESS = PluginHarness.withProvider(new CachePoolProvider());

    /** Every {@code cachepool*.vg} of the corpus that holds a cache pool. */
    static Stream<String> withCachePool() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("cachepool") && n.endsWith(".vg")).sorted().toList();
            List<String> out = new java.util.ArrayList<>();
            for (String n : names) {
                if (Files.readString(Corpus.file(n)).contains("type = \"cache-pool\"")) {
                    out.add(n);
                }
            }
            return out.stream();
        }
    }

    @Test
    void theCorpusHasTheCachePoolFilesExpected() throws IOException {
        assertEquals(List.of("cachepool.step2.vg", "cachepool.vg"), withCachePool().toList());
    }

    @Test
    void theEngineLoadsThePluginFromTheClassPath() {
        assertInstanceOf(CachePoolSegmentType.class, Lvstack.engine().segmentTypes().byName("cache-pool"));
    }

    /** Read with the plugin, written back byte for byte; the on-disk form reads back to itself. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withCachePool")
    void roundTripsAsLvm2WroteIt(String name) {
        HARNESS.assertRoundTrip(Corpus.file(name));
    }

    /** The step before the pool was created holds none; it round-trips all the same. */
    @Test
    void stepWithoutAPoolRoundTripsToo() {
        HARNESS.assertRoundTrip(Corpus.file("cachepool.step1.vg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCachePool")
    void diskFormIsLvm2sCompactForm(String name) {
        String disk = HARNESS.write(HARNESS.read(Corpus.file(name)), MetadataFormat.Form.ON_DISK);
        assertTrue(disk.contains("type = \"cache-pool\"\ndata = \"cpool_cdata\"\nmetadata = \"cpool_cmeta\"\n"
                + "chunk_size = 128\n}"), disk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCachePool")
    void theStackIsLinkedAndMarkedAsLvm2MarksIt(String name) {
        VolumeGroup vg = HARNESS.read(Corpus.file(name)).vg();
        LogicalVolume pool = vg.lv("cpool");
        LogicalVolume data = vg.lv("cpool_cdata");
        LogicalVolume meta = vg.lv("cpool_cmeta");
        Segment seg = pool.segments().get(0);
        assertInstanceOf(CachePoolSegmentType.class, seg.type());
        assertEquals(CachePoolFields.of(128), seg.fields());
        assertEquals(1, seg.areaCount());
        assertEquals(8, seg.areaLen());
        assertEquals(new Area.OnLv(data, 0), seg.areaOrNull(0));
        assertEquals(meta, seg.referenceOrNull(CachePoolSegmentType.METADATA_ROLE));
        assertEquals(List.of(seg), data.users());
        assertEquals(List.of(seg), meta.users());

        assertEquals(Set.of(CachePoolMarks.POOL), pool.marks());
        assertEquals(Set.of(CachePoolMarks.DATA), data.marks());
        assertEquals(Set.of(CachePoolMarks.METADATA), meta.marks());
        assertEquals(Set.of(), vg.lv("lvol0_pmspare").marks());
        assertEquals(Set.of(), vg.lv("plain").marks());
    }

    /**
     * {@code lvs} (JSON and plain, the corpus's fields and the defaults), {@code pvs} and
     * {@code pvs --segments} as LVM2 printed them for the VG.
     */
    @Test
    void reportsAreLvm2s() {
        assertEquals(List.of("cachepool.lvs.json", "cachepool.lvs.txt", "cachepool.lvs.default.txt",
                "cachepool.pvs.default.txt", "cachepool.pvsegs.json", "cachepool.pvsegs.txt"),
                HARNESS.assertLvm2Reports(Corpus.file("cachepool.vg")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCachePool")
    void checksWithoutAnyProblem(String name) {
        CheckReport report = HARNESS.check(Corpus.file(name));
        assertEquals(List.of(), report.problems());
        assertTrue(report.valid());
    }

    /** What LVM2 wrote of the VG, read with the plugin. */
    /**
     * {@code lvremove vg7/cpool}: the pool goes with its data and metadata LVs and, being the last
     * pool, with the VG's {@code lvol0_pmspare}, as LVM2 2.03.16 removes them (checked on loop
     * devices: after {@code lvcreate --type cache-pool} and {@code lvremove}, only {@code plain} is left).
     * A pool part on its own is refused in LVM2's words.
     */
    @Test
    void removingThePoolRemovesItsPartsAndTheLastSpare() {
        VolumeGroup vg = corpusVg().vg();
        io.lvstack.api.LvstackException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.lvstack.api.LvstackException.class, () -> new io.lvstack.engine.ops.LvRemove(Lvstack.engine()).run(vg, "cpool_cdata"));
        assertEquals("Can't remove logical volume vg7/cpool_cdata used by a pool.", e.getMessage());
        assertEquals(List.of("  Logical volume \"cpool\" successfully removed."),
                new io.lvstack.engine.ops.LvRemove(Lvstack.engine()).run(vg, "cpool"));
        assertEquals(List.of("plain"), vg.lvs().stream().map(LogicalVolume::name).toList());
        assertEquals(List.of(), io.lvstack.engine.check.Checker.check(vg).problems());
    }

    static ImportedVg corpusVg() {
        return HARNESS.read(Corpus.file("cachepool.vg"));
    }
}
