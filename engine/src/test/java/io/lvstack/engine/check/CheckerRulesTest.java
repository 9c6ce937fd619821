package io.lvstack.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                "error: vg/b$: LV name b$ has invalid form. Name contains invalid character, valid set includes:"
                        + " [a-zA-Z0-9.-_+]."),
                check(linear("a", "short-id", RWV, "\"pv0\", 0") + linear("\"b$\"", ID2, RWV, "\"pv0\", 2")));
    }

    /**
     * A visible LV of each name, as lvstack's lvcreate wrote it before it checked names, restored
     * with real LVM2 2.03.16 ({@code lvm2-oracle}, vgcfgrestore into VG vg4). LVM2 refused:
     * {@code .}, {@code ..}, {@code -x} and {@code a"b} with {@code Internal error: LV name -x has
     * invalid form.}, exit 5; 200 characters with {@code Internal error: LV name "vg4/aaa..." length
     * 206 is not supported.} and {@code ... has invalid form.}; {@code bad name} with {@code Parse
     * error at byte 1898 (line 92): unexpected token}; {@code x/y} with {@code Could not find status
     * flags.} LVM2 restored every reserved name ({@code Restored volume group vg4.}, exit 0): it
     * checks reserved words only in names users give, so the checker does not flag them.
     */
    @Test
    void lvNamesGetLvm2sRestoreVerdict() throws Exception {
        String invalid = " has invalid form. Name ";
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put(".", List.of("error: vg/.: LV name ." + invalid + "starts with . or .. and has no following character(s)."));
        cases.put("..", List.of("error: vg/..: LV name .." + invalid + "starts with . or .. and has no following"
                + " character(s)."));
        cases.put("-x", List.of("error: vg/-x: LV name -x" + invalid + "cannot start with hyphen."));
        cases.put("a\"b", List.of("error: vg/a\"b: LV name a\"b" + invalid + "contains invalid character, valid set"
                + " includes: [a-zA-Z0-9.-_+]."));
        String l200 = "a".repeat(200);
        cases.put(l200, List.of("error: vg/" + l200 + ": LV name \"vg/" + l200 + "\" length 205 is not supported.",
                "error: vg/" + l200 + ": LV name " + l200 + invalid + "length exceeds maximum limit of 127."));
        String l125 = "b".repeat(125);
        cases.put(l125, List.of("error: vg/" + l125 + ": LV name \"vg/" + l125 + "\" length 130 is not supported."));
        cases.put("b".repeat(122), List.of());
        for (String ok : List.of("snapshot", "snapshot1", "pvmove0", "foo_mlog", "foo_mimage_0", "foo_rimage_1",
                "foo_tmeta", "foo_cdata", "lvol0_pmspare", "a.b+c-d_e")) {
            cases.put(ok, List.of());
        }
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            assertEquals(c.getValue(), check(linear(c.getKey(), ID1, RWV, "\"pv0\", 0")), c.getKey());
        }
        // names LVM2's parser cannot read are refused by lvstack's reader too, each in its own words
        assertEquals(List.of("error: " + dir.resolve("t.vg") + ":20:5: unexpected 'name' (expected '=' or '{'"
                + " after key 'bad')"), check(linear("bad name", ID1, RWV, "\"pv0\", 0")));
        assertEquals(List.of("error: " + dir.resolve("t.vg") + ":20: section 'x' lacks 'status' (expected an array)"),
                check(linear("x/y", ID1, RWV, "\"pv0\", 0")));
    }

    @Test
    void theVgNameMustBeWellFormedAndIsShownOnOneLine() throws Exception {
        Path f = dir.resolve("t.vg");
        Files.writeString(f, "contents = \"Text Format Volume Group\"\nversion = 1\nv" + (char) 0x15 + "g {\n"
                + "id = \"aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaaa\"\nseqno = 1\nstatus = [\"READ\", \"WRITE\"]\n"
                + "extent_size = 8192\nmax_lv = 0\nmax_pv = 0\nphysical_volumes {\n}\n}\n");
        assertEquals(List.of("error: v\\x15g: Volume group name \"v\\x15g\" is invalid. Name contains invalid character,"
                + " valid set includes: [a-zA-Z0-9.-_+]."), CHECKER.check(f).problems().stream().map(Problem::toString)
                .toList());
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
