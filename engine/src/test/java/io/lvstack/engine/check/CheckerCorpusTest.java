package io.lvstack.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every accepted corpus file checks clean; every broken one gets LVM2's verdict, in its words. */
class CheckerCorpusTest {
    static final Checker CHECKER = new Checker(new MetadataFormat(Lvstack.engine()));

    static Stream<Path> accepted() {
        return Corpus.acceptedFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedFilesCheckClean(Path file) {
        CheckReport r = CHECKER.check(file);
        assertEquals(List.of(), r.problems());
    }

    private static List<String> lines(String kind) {
        return CHECKER.check(Corpus.BAD.resolve(kind + ".vg")).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void brokenInputsGetLvm2sVerdictInLvm2sWords() {
        String bad = Corpus.BAD + "/";
        // LVM2 stops at its first message; lvstack also finds the overlap the short stripes
        // cause, and the striped plugin's own rule.
        assertEquals(List.of(
                "error: vgx/good2 segment 1 area 0: PV /dev/loop5 extents 0-0 are already used by LV vgx/good "
                        + "segment 1 (LE 0-4) area 1",
                "error: vgx/good segment 1: LV good: segment 1 with len=5  has inconsistent area_len 1",
                "error: vgx/good segment 1: LV vgx/good, segment 1 invalid: stripe count 3 does not divide the "
                        + "length 5 for striped segment."), lines("arealen"));
        assertEquals(List.of("error: " + bad + "badstatus.vg:57: Unknown status flag 'TELEPORT'."), lines("badstatus"));
        assertEquals(List.of("error: vgx/good segment 1 area 0: extents 100000-100003 lie outside PV /dev/loop4 "
                + "(31 extents)"), lines("beyond"));
        assertEquals(List.of("error: vgx/good segment 1 area 0: Couldn't find volume 'nosuch' for segment "
                + "'segment1'."), lines("dangling"));
        assertEquals(List.of("error: " + bad + "deepnest.vg:12:384: sections nest deeper than 128 levels"),
                lines("deepnest"));
        assertEquals(List.of("error: vgx/good2: Duplicate LV id 8eR2Wy-2N8E-OHUY-Yl2c-lW2Z-5fai-RvMKpT detected for "
                + "good2 in vgx (also LV good)."), lines("dupid"));
        assertEquals(List.of("error: vgx/good2 segment 1: LV good2 invalid: segment 1 should begin at LE 0 (found 1)."),
                lines("gap"));
        assertEquals(List.of("error: " + bad + "hugeint.vg:64:20: integer 999999999999999999994 is out of range "
                + "(64-bit)"), lines("hugeint"));
        assertEquals(List.of(
                "error: vgx/m segment 1: LV m: mirrored LV segment 0 has wrong size 4 (should be 2).",
                "error: vgx/m segment 1: LV m: mirrored LV segment 1 has wrong size 4 (should be 2)."),
                lines("imagesize"));
        assertEquals(List.of("error: vgx/m segment 1 log: Unrecognised mirror log in segment segment1 of logical "
                + "volume m."), lines("nolog"));
        assertEquals(List.of("error: vgx/good2 segment 1 area 0: PV /dev/loop4 extents 2-3 are already used by "
                + "LV vgx/good segment 1 (LE 0-3) area 0"), lines("overlap"));
        assertEquals(List.of("error: vgx/m segment 1: LV vgx/m, segment 1 invalid: region size is bigger then LV "
                + "itself for mirror segment."), lines("regionsize"));
        assertEquals(List.of("error: vgx/good segment 1 area 0: refusing the reference -> LV good: it would make a "
                + "cycle good -> good"), lines("self"));
        assertEquals(List.of("error: " + bad + "syntax.vg:10:2: unexpected 'status' (expected '=' or '{' after key "
                + "'lvm2\"'); the string opened at line 7 runs to line 9: is its closing quote missing?"),
                lines("syntax"));
        assertEquals(List.of("warning: vgx: line 65: WARNING: Unrecognised segment type frobnicate"),
                lines("unknowntype"));
    }

    /** LVM2 accepts the cycle and then crashes in vgremove; lvstack refuses it. */
    @Test
    void aCyclicStackIsRefusedWithTheCycleNamed() {
        assertEquals(List.of("error: vgx/good2 segment 1 area 0: refusing the reference -> LV good: it would make a "
                + "cycle good2 -> good -> good2"), lines("cycle"));
        assertEquals(true, Corpus.readString(Corpus.BAD.resolve("cycle.verdict")).startsWith("exit=0"));
    }
}
