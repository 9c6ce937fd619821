package io.lvstack.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules the corpus does not exercise, on small texts; each problem is reported, not only the first. */
class CheckerRulesTest {
    private static final Checker CHECKER = new Checker(new MetadataFormat(Lvstack.engine()));

    @TempDir
    Path dir;

    private List<String> check(String lvs) throws Exception {
        Path f = dir.resolve("t.vg");
        Files.writeString(f, """
                contents = "Text Format Volume Group"
                version = 1
                vg {
                id = "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaaa"
                seqno = 1
                status = ["READ", "WRITE"]
                extent_size = 8192
                max_lv = 0
                max_pv = 0
                physical_volumes {
                pv0 {
                id = "bbbbbb-bbbb-bbbb-bbbb-bbbb-bbbb-bbbbbb"
                device = "/dev/sdb"
                status = ["ALLOCATABLE"]
                pe_start = 2048
                pe_count = 100
                }
                }
                logical_volumes {
                """ + lvs + "}\n}\n");
        return CHECKER.check(f).problems().stream().map(Problem::toString).toList();
    }

    private static String linear(String name, String id, String status, String area) {
        return name + " {\nid = \"" + id + "\"\nstatus = [" + status + "]\nsegment_count = 1\nsegment1 {\n"
                + "start_extent = 0\nextent_count = 2\ntype = \"striped\"\nstripe_count = 1\nstripes = [" + area
                + "]\n}\n}\n";
    }

    private static final String ID1 = "cccccc-cccc-cccc-cccc-cccc-cccc-cccccc";
    private static final String ID2 = "dddddd-dddd-dddd-dddd-dddd-dddd-dddddd";
    private static final String RWV = "\"READ\", \"WRITE\", \"VISIBLE\"";

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() throws Exception {
        List<String> problems = check(linear("a", ID1, RWV, "\"nosuch\", 0") + linear("b", ID2, RWV, "\"pv0\", 99")
                + linear("c", ID2, RWV, "\"missing\", 1"));
        assertEquals(List.of(
                "error: vg/a segment 1 area 0: Couldn't find volume 'nosuch' for segment 'segment1'.",
                "error: vg/b segment 1 area 0: extents 99-100 lie outside PV /dev/sdb (100 extents)",
                "error: vg/c segment 1 area 0: Couldn't find volume 'missing' for segment 'segment1'.",
                "error: vg/c: Duplicate LV id " + ID2 + " detected for c in vg (also LV b)."), problems);
    }

    @Test
    void namesAndIdsMustBeWellFormed() throws Exception {
        assertEquals(List.of(
                "error: vg/a: Invalid ID format for LV a: \"short-id\" (expected 32 characters of 0-9, a-z, A-Z, ! and "
                        + "#, dashes aside).",
                "error: vg/b$: Logical volume name \"b$\" is invalid: character '$' is not one of A-Z a-z 0-9 . _ + -."),
                check(linear("a", "short-id", RWV, "\"pv0\", 0") + linear("\"b$\"", ID2, RWV, "\"pv0\", 2")));
    }

    @Test
    void theVgNameMustBeWellFormedAndIsShownOnOneLine() throws Exception {
        Path f = dir.resolve("t.vg");
        Files.writeString(f, "contents = \"Text Format Volume Group\"\nversion = 1\nv" + (char) 0x15 + "g {\n"
                + "id = \"aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaaa\"\nseqno = 1\nstatus = [\"READ\", \"WRITE\"]\n"
                + "extent_size = 8192\nmax_lv = 0\nmax_pv = 0\nphysical_volumes {\n}\n}\n");
        assertEquals(List.of("error: v\\x15g: Volume group name \"v\\x15g\" is invalid: character '\\x15' is not one of "
                + "A-Z a-z 0-9 . _ + -."), CHECKER.check(f).problems().stream().map(Problem::toString).toList());
    }

    @Test
    void imagesAndLogsHaveExactlyOneUser() throws Exception {
        String mirror = """
                m {
                id = "%s"
                status = ["READ", "WRITE", "VISIBLE"]
                segment_count = 1
                segment1 {
                start_extent = 0
                extent_count = 2
                type = "mirror"
                mirror_count = 2
                mirrors = ["leg", 0, "leg", 0]
                region_size = 8
                }
                }
                """.formatted(ID1);
        assertEquals(List.of("error: vg/leg: LV vg/leg is expected to have only one segment using it, but it is used "
                + "by LV vg/m segment 1 (LE 0-1) (2 references)"),
                check(mirror + linear("leg", ID2, "\"READ\", \"WRITE\"", "\"pv0\", 0")));
    }

    @Test
    void pvmoveSegmentsAreTwoWayMirrorsOrSingleAreas() throws Exception {
        String pvmove = """
                pvmove0 {
                id = "%s"
                status = ["READ", "WRITE", "PVMOVE", "LOCKED"]
                segment_count = 1
                segment1 {
                start_extent = 0
                extent_count = 2
                type = "striped"
                stripe_count = 2
                stripe_size = 128
                stripes = ["pv0", 0, "pv0", 1]
                }
                }
                """.formatted(ID1);
        assertEquals(List.of("error: vg/pvmove0 segment 1: Segment 1 in pvmove0 is not 2-way."), check(pvmove));
    }

    @Test
    void anLvWithoutSegmentsIsReportedExceptAnEmptyPvmoveLayer() throws Exception {
        String empty = "e {\nid = \"" + ID1 + "\"\nstatus = [" + RWV + "]\nsegment_count = 0\n}\n"
                + "pvmove3 {\nid = \"" + ID2 + "\"\nstatus = [\"READ\", \"PVMOVE\"]\nsegment_count = 0\n}\n";
        assertEquals(List.of("error: vg/e: LV e has no segment."), check(empty));
    }
}
