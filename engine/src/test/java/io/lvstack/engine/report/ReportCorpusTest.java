package io.lvstack.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** lvs and pvs parity with LVM2's own output, for every corpus case that has reports. */
class ReportCorpusTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());
    /** The fields of the corpus's {@code NAME.lvs.json} and {@code NAME.lvs.txt}. */
    static final String CORPUS_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,"
            + "stripes,stripe_size,region_size,mirror_log,lv_attr";

    static Stream<String> cases() {
        return Corpus.acceptedFiles().stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".vg") && !n.contains(".step") && !n.contains(".input"))
                .map(n -> n.substring(0, n.length() - 3))
                .filter(n -> Files.exists(Corpus.DIR.resolve(n + ".lvs.json")));
    }

    private static String lvm2(String name, String suffix) throws Exception {
        return Files.readString(Corpus.DIR.resolve(name + suffix));
    }

    private static ImportedVg vg(String name) {
        return FORMAT.read(Corpus.DIR.resolve(name + ".vg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lvsJsonInSectorsIsLvm2s(String name) throws Exception {
        Report r = ReportBuilder.build(vg(name).vg(), ReportKind.LVS, CORPUS_FIELDS, null, true);
        assertEquals(lvm2(name, ".lvs.json"), ReportFormat.json(r, Units.parse("s", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lvsBasicInSectorsIsLvm2s(String name) throws Exception {
        Report r = ReportBuilder.build(vg(name).vg(), ReportKind.LVS, CORPUS_FIELDS, null, true);
        assertEquals(lvm2(name, ".lvs.txt"), ReportFormat.basic(r, Units.parse("s", true), ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lvsWithDefaultColumnsIsLvm2s(String name) throws Exception {
        Report r = ReportBuilder.build(vg(name).vg(), ReportKind.LVS, null, null, true);
        assertEquals(lvm2(name, ".lvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }

    /**
     * {@code pvs --segments ... -S vg_name=VG}: every PV of the VG, each with its allocated
     * ranges and free gaps, as LVM2 reports them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pvSegmentsOfTheVgAreLvm2s(String name) throws Exception {
        ImportedVg vg = vg(name);
        Report r = ReportBuilder.build(vg.vg(), ReportKind.PVSEGS, "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges",
                null, false);
        assertEquals(lvm2(name, ".pvsegs.json"), ReportFormat.json(r, Units.parse("s", true)));
        assertEquals(lvm2(name, ".pvsegs.txt"), ReportFormat.basic(r, Units.parse("s", true),
                ReportFormat.Basic.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pvsWithDefaultColumnsIsLvm2s(String name) throws Exception {
        Report r = ReportBuilder.build(vg(name).vg(), ReportKind.PVS, null, null, false);
        assertEquals(lvm2(name, ".pvs.default.txt"), ReportFormat.basic(r, Units.human(), ReportFormat.Basic.DEFAULT));
    }
}
