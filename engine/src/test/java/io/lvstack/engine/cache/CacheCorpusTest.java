package io.lvstack.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.VmCorpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache plugin on LVM2's own files: every {@code .vg} of ../shared/corpus/lvm2-vm and of the
 * activation-off corpus with a cache-pool, cache or writecache segment round-trips byte for byte
 * with complete upward links and checks clean; every metadata version left in the PV heads
 * (LVM2's intermediate commits: a bare pool LV, an uncache half done) round-trips in the on-disk
 * form; and the reports of the cache case are LVM2's.
 */
class CacheCorpusTest {
    static final Path VM = Path.of("../../shared/corpus/lvm2-vm");
    static final Engine ENGINE = Lvstack.engine();
    static final MetadataFormat FORMAT = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC);
    /** The fields of the lvm2-vm corpus's {@code NAME.lvs.json} and {@code NAME.lvs.txt}. */
    static final String CORPUS_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,"
            + "stripes,stripe_size,region_size,chunk_size,mirror_log,pool_lv,origin,data_lv,metadata_lv,lv_layout,"
            + "lv_role,lv_attr";
    private static final Pattern CACHE_TYPE = Pattern.compile("type = \"(cache-pool|cache|writecache)[\"+]");

    /** Every LVM2-written file of both corpora with a cache-pool, cache or writecache segment. */
    static Stream<Path> cacheFiles() {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(VM, Corpus.DIR)) {
            Corpus.vgFiles(dir).stream().filter(p -> CACHE_TYPE.matcher(Corpus.readString(p)).find()).forEach(out::add);
        }
        return out.stream();
    }

    @Test
    void theCorporaHaveCacheFiles() {
        assertEquals(List.of("cache.step10.vg", "cache.step11.vg", "cache.step12.vg", "cache.step13.vg",
                "cache.step14.vg", "cache.step2.vg", "cache.step3.vg", "cache.step4.vg", "cache.step5.vg",
                "cache.step6.vg", "cache.step7.vg", "cache.step8.vg", "cache.step9.vg", "cache.vg",
                "cachepool.step2.vg", "cachepool.vg"),
                cacheFiles().map(p -> p.getFileName().toString()).toList());
    }

    /** The lab case cacheops (made in lvm2-vm by make-cacheops.sh): every step's file and every commit LVM2 archived. */
    static final Path LAB_VM = Path.of("src/test/resources/corpus/lab-vm");

    static Stream<Path> labFiles() {
        List<Path> out = new ArrayList<>(Corpus.vgFiles(LAB_VM));
        out.addAll(Corpus.vgFiles(LAB_VM.resolve("cacheops.archive")));
        return out.stream().filter(p -> CACHE_TYPE.matcher(Corpus.readString(p)).find());
    }

    /** 36 of cacheops' 40 step files hold a cache-type segment, and 31 of the 38 versions LVM2 archived. */
    @Test
    void theLabCaseHasCacheFiles() {
        assertEquals(67, labFiles().count());
        assertEquals(36, labFiles().filter(p -> p.getFileName().toString().startsWith("cacheops.step")).count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cacheFiles", "labFiles"})
    void readThenWriteGivesLvm2sBytes(Path file) throws IOException {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        ImportedVg vg = FORMAT.read(file);
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        assertEquals(original, FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cacheFiles", "labFiles"})
    void everyFileChecksClean(Path file) {
        CheckReport r = new Checker(new MetadataFormat(ENGINE)).check(file);
        assertEquals(List.of(), r.problems());
    }

    /** Every metadata version with a cache-type segment in the first PV head of every case. */
    static Stream<VmCorpus.HeadText> headTexts() throws IOException {
        return VmCorpus.headTexts(t -> CACHE_TYPE.matcher(t).find());
    }

    /**
     * LVM2's writes of the cache case: seqno 5 (the new pool) to 21 (the last write of --uncache);
     * the snap case's disks were the cache case's before, so its head still holds seqno 12 to 22
     * of vgk (22: vgremove, half done).
     */
    @Test
    void theHeadsHoldEveryCommitOfTheCacheCase() throws IOException {
        List<String> expected = new ArrayList<>();
        for (long seqno = 5; seqno <= 21; seqno++) {
            expected.add("cache seqno " + seqno);
        }
        for (long seqno = 12; seqno <= 22; seqno++) {
            expected.add("snap seqno " + seqno);
        }
        assertEquals(expected, headTexts().map(VmCorpus.HeadText::toString).toList());
        assertTrue(headTexts().allMatch(h -> h.text().startsWith("vgk {")));
    }

    /** The VG part of each version is written back as LVM2 wrote it, and checks clean. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("headTexts")
    void everyVersionInTheHeadsRoundTripsOnDisk(VmCorpus.HeadText head) {
        VmCorpus.assertRoundTripsOnDisk(ENGINE, head);
    }

    private static String lvm2(String suffix) {
        return Corpus.readString(VM.resolve("cache" + suffix));
    }

    private static VolumeGroup cache() {
        return FORMAT.read(VM.resolve("cache.vg")).vg();
    }

    @Test
    void lvsJsonInTheCorpusFieldsIsLvm2s() {
        Report r = ReportBuilder.build(cache(), ReportKind.LVS, CORPUS_FIELDS, null, true);
        assertEquals(lvm2(".lvs.json"), ReportFormat.json(r, Units.parse("s", true)));
    }

    @Test
    void lvsPlainInTheCorpusFieldsIsLvm2s() {
        Report r = ReportBuilder.build(cache(), ReportKind.LVS, CORPUS_FIELDS, null, true);
        assertEquals(lvm2(".lvs.txt"), ReportFormat.basic(r, Units.parse("s", true), ReportFormat.Basic.DEFAULT));
    }

    @Test
    void lvsWithDefaultColumnsIsLvm2s() {
        Report r = ReportBuilder.build(cache(), ReportKind.LVS, null, null, true);
        assertEquals(lvm2(".lvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @Test
    void vgsIsLvm2s() {
        Report r = ReportBuilder.build(cache(), ReportKind.VGS, null, null, false);
        assertEquals(lvm2(".vgs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @Test
    void pvsIsLvm2s() {
        Report r = ReportBuilder.build(cache(), ReportKind.PVS, null, null, false);
        assertEquals(lvm2(".pvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @Test
    void pvSegmentsAreLvm2s() {
        Report r = ReportBuilder.build(cache(), ReportKind.PVSEGS, "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges",
                null, false);
        assertEquals(lvm2(".pvsegs.json"), ReportFormat.json(r, Units.parse("s", true)));
    }
}
