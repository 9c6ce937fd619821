package io.lvstack.engine.thin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Engine;
import io.lvstack.engine.VmCorpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The thin plugin on LVM2's own thin files (../shared/corpus/lvm2-vm, written by LVM2 2.03.16
 * with device-mapper): every {@code .vg} with a thin segment round-trips byte for byte; every
 * metadata version left in the PV heads (pending {@code messageN} sections included) round-trips
 * in the on-disk form; and the reports of every thin case are LVM2's.
 */
class ThinCorpusTest {
    static final Path VM = Path.of("../../shared/corpus/lvm2-vm");
    static final Engine ENGINE = Lvstack.engine();
    static final MetadataFormat FORMAT = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC);

    /** Every LVM2-written file of the corpus with a thin or thin-pool segment. */
    static Stream<Path> thinFiles() throws IOException {
        return VmCorpus.files(t -> t.contains("type = \"thin"));
    }

    @Test
    void theCorpusHasThinFiles() throws IOException {
        assertEquals(19, thinFiles().count(), "thin.vg, thin.step1..12, node.vg, node.step3..7");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thinFiles")
    void readThenWriteGivesLvm2sBytes(Path file) throws IOException {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        ImportedVg vg = FORMAT.read(file);
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        assertEquals(original, FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
    }

    /** Every metadata version with a thin segment in the first PV head of every case (older ones included). */
    static Stream<VmCorpus.HeadText> headTexts() throws IOException {
        return VmCorpus.headTexts(t -> t.contains("type = \"thin"));
    }

    @Test
    void theHeadsHoldPendingMessagesOfBothKinds() throws IOException {
        List<VmCorpus.HeadText> texts = headTexts().toList();
        assertTrue(texts.size() >= 25, "found " + texts.size());
        assertTrue(texts.stream().anyMatch(t -> t.text().contains("message1 {\ncreate = \"")));
        assertTrue(texts.stream().anyMatch(t -> t.text().contains("message1 {\ndelete = 2\n}")));
    }

    /** The VG part of each version, pending messages included, is written back as LVM2 wrote it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("headTexts")
    void everyVersionInTheHeadsRoundTripsOnDisk(VmCorpus.HeadText head) {
        String file = VmCorpus.assertRoundTripsOnDisk(ENGINE, head);
        assertFalse(file.contains("message1 {\ncreate"), "the file form indents messages");
    }

    static final String CORPUS_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,"
            + "stripes,stripe_size,region_size,chunk_size,mirror_log,pool_lv,origin,data_lv,metadata_lv,lv_layout,"
            + "lv_role,lv_attr";

    static Stream<String> thinCases() {
        return Stream.of("thin", "node");
    }

    private static String lvm2(String name, String suffix) throws IOException {
        return Files.readString(VM.resolve(name + suffix));
    }

    private static io.lvstack.engine.graph.VolumeGroup vg(String name) {
        return FORMAT.read(VM.resolve(name + ".vg")).vg();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thinCases")
    void lvsJsonInTheCorpusFieldsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.LVS, CORPUS_FIELDS, null, true);
        assertEquals(lvm2(name, ".lvs.json"), ReportFormat.json(r, Units.parse("s", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thinCases")
    void lvsPlainInTheCorpusFieldsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.LVS, CORPUS_FIELDS, null, true);
        assertEquals(lvm2(name, ".lvs.txt"), ReportFormat.basic(r, Units.parse("s", true), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thinCases")
    void lvsWithDefaultColumnsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.LVS, null, null, true);
        assertEquals(lvm2(name, ".lvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thinCases")
    void vgsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.VGS, null, null, false);
        assertEquals(lvm2(name, ".vgs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thinCases")
    void pvsIsLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.PVS, null, null, false);
        assertEquals(lvm2(name, ".pvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thinCases")
    void pvSegmentsAreLvm2s(String name) throws IOException {
        Report r = ReportBuilder.build(vg(name), ReportKind.PVSEGS, "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges",
                null, false);
        assertEquals(lvm2(name, ".pvsegs.json"), ReportFormat.json(r, Units.parse("s", true)));
    }
}
