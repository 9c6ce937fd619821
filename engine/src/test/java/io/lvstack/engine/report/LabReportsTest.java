package io.lvstack.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reports real LVM2 printed for corpus VGs beyond the corpus's own (see lvm2-lab/README.md). */
class LabReportsTest {
    private static final Path LAB = Path.of("src/test/resources/lvm2-lab");
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());

    static Stream<String> cases() throws Exception {
        try (Stream<Path> s = Files.list(LAB)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static String lvm2(String name, String file) throws Exception {
        return Files.readString(LAB.resolve(name).resolve(file));
    }

    private static VolumeGroup vg(String name) {
        return FORMAT.read(Corpus.DIR.resolve(name + ".vg")).vg();
    }

    private static String basic(Report r, String units) {
        return ReportFormat.basic(r, Units.parse(units, false), ReportFormat.Basic.DEFAULT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pvSegments(String name) throws Exception {
        VolumeGroup vg = vg(name);
        assertEquals(lvm2(name, "pvs-segments.txt"), basic(ReportBuilder.build(vg, ReportKind.PVSEGS, null, null,
                false), "h"));
        assertEquals(lvm2(name, "pvs-segments-lv.json"), ReportFormat.json(ReportBuilder.build(vg, ReportKind.PVSEGS,
                "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges", null, false), Units.human()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vgs(String name) throws Exception {
        VolumeGroup vg = vg(name);
        assertEquals(lvm2(name, "vgs.txt"), basic(ReportBuilder.build(vg, ReportKind.VGS, null, null, false), "h"));
        assertEquals(lvm2(name, "vgs-k.txt"), basic(ReportBuilder.build(vg, ReportKind.VGS,
                "+vg_extent_size,vg_extent_count,vg_free_count", null, false), "k"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lvsWithOtherFieldsUnitsSeparatorsAndSorting(String name) throws Exception {
        VolumeGroup vg = vg(name);
        assertEquals(lvm2(name, "lvs-m.txt"), basic(ReportBuilder.build(vg, ReportKind.LVS,
                "lv_name,lv_full_name,seg_count,seg_le_ranges,seg_start,seg_size,lv_size", null, true), "m"));
        assertEquals(lvm2(name, "lvs-sep.txt"), ReportFormat.basic(ReportBuilder.build(vg, ReportKind.LVS,
                "lv_name,lv_attr,lv_size,devices", null, true), Units.human(), new ReportFormat.Basic(false, ":", false)));
        assertEquals(lvm2(name, "lvs-sort-G.txt"), basic(ReportBuilder.build(vg, ReportKind.LVS, "lv_name,lv_size",
                "-lv_name", true), "G"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noHeadingsKeepTheHeadingWidths(String name) throws Exception {
        assertEquals(lvm2(name, "lvs-noheadings.txt"), ReportFormat.basic(ReportBuilder.build(vg(name),
                ReportKind.LVS, "+seg_count", "-lv_name", false), Units.parse("m", false),
                new ReportFormat.Basic(false, null, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void layoutRoleIdsTagsAndVgFields(String name) throws Exception {
        assertEquals(lvm2(name, "lvs-layout.txt"), basic(ReportBuilder.build(vg(name), ReportKind.LVS,
                "lv_name,lv_layout,lv_role,lv_uuid,lv_tags,pv_count,vg_size,vg_free", null, true), "h"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pvsWithMoreFields(String name) throws Exception {
        assertEquals(lvm2(name, "pvs-more.txt"), basic(ReportBuilder.build(vg(name), ReportKind.PVS,
                "pv_name,pv_size,pv_free,pv_used,pv_pe_count,pv_pe_alloc_count,pv_attr", null, false, List.of()), "h"));
    }
}
