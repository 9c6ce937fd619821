package io.lvstack.engine.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.GraphDump;
import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import io.lvstack.engine.text.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The raid plugin on LVM2's own raid files (../shared/corpus/lvm2-vm, written by LVM2 2.03.16
 * with device-mapper): every {@code .vg} with a raid or integrity segment round-trips byte for
 * byte; every metadata version left in the PV heads (the interim raid0, raid0_meta and rebuilding
 * states of a takeover, the visible rmeta LVs LVM2 wipes, an integrity layer's first commit with
 * {@code recalculate}) round-trips in the on-disk form; and the reports of both raid cases are
 * LVM2's.
 */
class RaidCorpusTest {
    static final Path VM = Path.of("../../shared/corpus/lvm2-vm");
    static final Engine ENGINE = Lvstack.engine();
    static final MetadataFormat FORMAT = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC);

    /** Every LVM2-written file of the corpus with a raid or integrity segment. */
    static Stream<Path> raidFiles() throws IOException {
        try (Stream<Path> s = Files.list(VM)) {
            return s.filter(p -> p.toString().endsWith(".vg")).filter(RaidCorpusTest::hasRaid).sorted().toList().stream();
        }
    }

    private static boolean hasRaid(Path p) {
        try {
            return isRaid(Files.readString(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean isRaid(String text) {
        return text.contains("type = \"raid") || text.contains("type = \"integrity\"");
    }

    @Test
    void theCorpusHasRaidFiles() throws IOException {
        assertEquals(19, raidFiles().count(), "raid.vg, raid.step1..9, raidconv.vg and its steps 2..4, 7..11");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raidFiles")
    void readThenWriteGivesLvm2sBytes(Path file) throws IOException {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        ImportedVg vg = FORMAT.read(file);
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        assertEquals(original, FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
    }

    /** One metadata version found in a PV head: its case, seqno and text (VG part first, then LVM2's header). */
    record HeadText(String caseName, long seqno, String text) {
        @Override
        public String toString() {
            return caseName + " seqno " + seqno;
        }
    }

    /** Every metadata version with a raid segment in the first PV head of every case (older ones included). */
    static Stream<HeadText> headTexts() throws IOException {
        List<HeadText> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(VM)) {
            for (Path tar : s.filter(p -> p.toString().endsWith(".heads.tar.gz")).sorted().toList()) {
                String caseName = tar.getFileName().toString().replace(".heads.tar.gz", "");
                for (io.lvstack.engine.VmHeads.Version v : io.lvstack.engine.VmHeads.versions(tar)) {
                    String text = v.text();
                    if (isRaid(text)) {
                        out.add(new HeadText(caseName, v.seqno(), text));
                    }
                }
            }
        }
        return out.stream();
    }

    @Test
    void theHeadsHoldTheInterimStatesOfATakeover() throws IOException {
        List<HeadText> texts = headTexts().toList();
        assertTrue(texts.size() >= 25, "found " + texts.size());
        assertTrue(texts.stream().anyMatch(t -> t.text().contains("type = \"raid0_meta\"")));
        assertTrue(texts.stream().anyMatch(t -> t.text().contains("recalculate = 1")));
    }

    /** The VG part of each version, pending messages included, is written back as LVM2 wrote it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("headTexts")
    void everyVersionInTheHeadsRoundTripsOnDisk(HeadText head) {
        MetadataFormat disk = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC)
                .withParseOptions(ParseOptions.onDiskForm());
        ImportedVg vg = disk.read(head.text(), head.toString());
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        String ours = disk.write(vg.vg(), vg.header(), MetadataFormat.Form.ON_DISK);
        String vgPart = head.text().substring(0, head.text().indexOf("}\n# Generated by ") + 2);
        assertEquals(vgPart, ours.substring(0, ours.indexOf("}\n# Generated by ") + 2));
        // and the file form of the same version reads back to the same graph
        String file = FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
        assertEquals(GraphDump.of(vg.vg()), GraphDump.of(FORMAT.read(file, "file").vg()));
    }

    static final String CORPUS_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,"
            + "stripes,stripe_size,region_size,chunk_size,mirror_log,pool_lv,origin,data_lv,metadata_lv,lv_layout,"
            + "lv_role,lv_attr";

    static Stream<String> raidCases() {
        return Stream.of("raid", "raidconv");
    }

    private static String lvm2(String name, String suffix) throws IOException {
        return Files.readString(VM.resolve(name + suffix));
    }

    private static io.lvstack.engine.graph.VolumeGroup vg(String name) {
        return FORMAT.read(VM.resolve(name + ".vg")).vg();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raidCases")
    void lvsJsonInTheCorpusFieldsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.LVS, CORPUS_FIELDS, null, true);
        assertEquals(lvm2(name, ".lvs.json"), ReportFormat.json(r, Units.parse("s", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raidCases")
    void lvsPlainInTheCorpusFieldsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.LVS, CORPUS_FIELDS, null, true);
        assertEquals(lvm2(name, ".lvs.txt"), ReportFormat.basic(r, Units.parse("s", true), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raidCases")
    void lvsWithDefaultColumnsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.LVS, null, null, true);
        assertEquals(lvm2(name, ".lvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raidCases")
    void vgsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.VGS, null, null, false);
        assertEquals(lvm2(name, ".vgs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raidCases")
    void pvsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.PVS, null, null, false);
        assertEquals(lvm2(name, ".pvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raidCases")
    void pvSegmentsAreLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.PVSEGS, "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges",
                null, false);
        assertEquals(lvm2(name, ".pvsegs.json"), ReportFormat.json(r, Units.parse("s", true)));
    }
}
