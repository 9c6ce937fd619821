package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.Area;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plugin in a real engine, against what LVM2 itself wrote and printed for a cache pool. */
class CachePoolCorpusTest {
    static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine()).withZone(ZoneOffset.UTC);
    /** The fields of the corpus's {@code NAME.lvs.json} and {@code NAME.lvs.txt}. */
    static final String FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,"
            + "stripes,stripe_size,region_size,mirror_log,lv_attr";

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCachePool")
    void fileFormIsWrittenBackByteForByte(String name) throws IOException {
        Path path = Corpus.file(name);
        ImportedVg vg = FORMAT.read(path);
        assertEquals(Set.of(), vg.vg().unknownSegmentTypes());
        assertEquals(Files.readString(path), FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
    }

    /** The step before the pool was created holds none; it round-trips all the same. */
    @Test
    void stepWithoutAPoolRoundTripsToo() throws IOException {
        Path path = Corpus.file("cachepool.step1.vg");
        ImportedVg vg = FORMAT.read(path);
        assertEquals(Files.readString(path), FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCachePool")
    void diskFormReadsBackToTheSameText(String name) {
        ImportedVg vg = FORMAT.read(Corpus.file(name));
        String disk = FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.ON_DISK);
        assertTrue(disk.contains("type = \"cache-pool\"\ndata = \"cpool_cdata\"\nmetadata = \"cpool_cmeta\"\n"
                + "chunk_size = 128\n}"), disk);
        ImportedVg again = FORMAT.read(disk, "disk");
        assertEquals(disk, FORMAT.write(again.vg(), again.header(), MetadataFormat.Form.ON_DISK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCachePool")
    void theStackIsLinkedAndMarkedAsLvm2MarksIt(String name) {
        VolumeGroup vg = FORMAT.read(Corpus.file(name)).vg();
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

    // ---------------------------------------------------------------- reports

    private static String lvm2(String suffix) throws IOException {
        return Files.readString(Corpus.file("cachepool" + suffix));
    }

    private static VolumeGroup corpusVg() {
        return FORMAT.read(Corpus.file("cachepool.vg")).vg();
    }

    @Test
    void lvsJsonInSectorsIsLvm2s() throws IOException {
        Report r = ReportBuilder.build(corpusVg(), ReportKind.LVS, FIELDS, null, true);
        assertEquals(lvm2(".lvs.json"), ReportFormat.json(r, Units.parse("s", true)));
    }

    @Test
    void lvsBasicInSectorsIsLvm2s() throws IOException {
        Report r = ReportBuilder.build(corpusVg(), ReportKind.LVS, FIELDS, null, true);
        assertEquals(lvm2(".lvs.txt"), ReportFormat.basic(r, Units.parse("s", true), ReportFormat.Basic.DEFAULT));
    }

    @Test
    void lvsWithDefaultColumnsIsLvm2s() throws IOException {
        Report r = ReportBuilder.build(corpusVg(), ReportKind.LVS, null, null, true);
        assertEquals(lvm2(".lvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @Test
    void pvsWithDefaultColumnsIsLvm2s() throws IOException {
        Report r = ReportBuilder.build(corpusVg(), ReportKind.PVS, null, null, false);
        assertEquals(lvm2(".pvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    /** {@code pvs --segments ... -S vg_name=VG}: every PV of the VG with its ranges and gaps. */
    @Test
    void pvSegmentsOfTheVgAreLvm2s() throws IOException {
        Report r = ReportBuilder.build(corpusVg(), ReportKind.PVSEGS, "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges",
                null, false);
        assertEquals(lvm2(".pvsegs.json"), ReportFormat.json(r, Units.parse("s", true)));
        assertEquals(lvm2(".pvsegs.txt"), ReportFormat.basic(r, Units.parse("s", true), ReportFormat.Basic.DEFAULT));
    }

    // ---------------------------------------------------------------- checking

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCachePool")
    void checksWithoutAnyProblem(String name) {
        CheckReport report = new Checker(FORMAT).check(Corpus.file(name));
        assertEquals(List.of(), report.problems());
        assertTrue(report.valid());
    }
}
