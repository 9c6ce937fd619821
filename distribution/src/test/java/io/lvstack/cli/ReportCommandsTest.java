package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lvs, pvs and vgs from the command line: LVM2's options, output and errors. */
class ReportCommandsTest {
    private static final Path CORPUS = FmtCommandTest.CORPUS;

    @Test
    void lvsPrintsWhatLvm2Prints() throws Exception {
        CliRun json = CliRun.of("lvs", "-a", "--reportformat", "json", "--units", "s", "--nosuffix", "-o",
                "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,stripes,stripe_size,"
                        + "region_size,mirror_log,lv_attr", CORPUS.resolve("pvmove.vg").toString());
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(Files.readString(CORPUS.resolve("pvmove.lvs.json")), json.out());

        CliRun plain = CliRun.of("lvs", "-a", CORPUS.resolve("mirror_3way.vg").toString());
        assertEquals(Files.readString(CORPUS.resolve("mirror_3way.lvs.default.txt")), plain.out());
    }

    @Test
    void hiddenLvsOnlyWithAll() {
        CliRun r = CliRun.of("lvs", "-o", "lv_name", CORPUS.resolve("mirror_disklog.vg").toString());
        assertEquals(List.of("  LV   ", "  m    ", "  other"), r.outLines());
    }

    @Test
    void plusAddsToTheDefaultsAndSortKeysMayDescend() {
        CliRun r = CliRun.of("lvs", "--noheadings", "-O", "-lv_name", "-o", "+seg_count", "--units", "m",
                CORPUS.resolve("attrs.vg").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(
                "  ro      vg5 -ri-XX---- 16.00m                                                        1",
                "  renamed vg5 -wi-XX---- 16.00m                                                        1",
                "  contig  vg5 -wc-XX---- 16.00m                                                        1"),
                r.outLines());
    }

    @Test
    void pvsAndVgs() {
        CliRun pvs = CliRun.of("pvs", CORPUS.resolve("mirror_disklog.vg").toString());
        assertEquals(0, pvs.exitCode());
        assertTrue(pvs.out().startsWith("  PV         VG   Fmt  Attr PSize   PFree  \n"), pvs.out());

        CliRun vgs = CliRun.of("vgs", CORPUS.resolve("pvmove.vg").toString());
        assertEquals(List.of("  VG   #PV #LV #SN Attr   VSize   VFree  ", "  vgp1   4   3   0 wz--n- 496.00m 448.00m"),
                vgs.outLines());
    }

    @Test
    void unknownFieldsAndNamesAreErrors() {
        CliRun field = CliRun.of("lvs", "-o", "bogus", CORPUS.resolve("linear.vg").toString());
        assertEquals(5, field.exitCode());
        assertTrue(field.err().startsWith("lvstack: Unrecognised field: bogus. Valid fields: [lv_uuid, lv_name,"),
                field.err());
        CliRun help = CliRun.of("lvs", "-o", "help", CORPUS.resolve("linear.vg").toString());
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Valid fields: lv_uuid, lv_name, lv_full_name,"), help.out());

        CliRun pv = CliRun.of("pvs", CORPUS.resolve("linear.vg").toString(), "/dev/nosuch");
        assertEquals(5, pv.exitCode());
        assertEquals("", pv.out());
        assertEquals(List.of("lvstack: Failed to find physical volume \"/dev/nosuch\"."), pv.errLines());
    }
}
