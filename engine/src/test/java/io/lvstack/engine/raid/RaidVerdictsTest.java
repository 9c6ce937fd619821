package io.lvstack.engine.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.format.MetadataFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every broken raid file of ../shared/corpus/lvm2-vm/bad, checked with the raid plugin loaded. */
class RaidVerdictsTest {
    static final Path BAD = RaidCorpusTest.VM.resolve("bad");
    static final Checker CHECKER = new Checker(new MetadataFormat(Lvstack.engine()));

    static Stream<String> kinds() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("raid") && n.endsWith(".vg"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    static List<String> problems(String kind) {
        CheckReport r = CHECKER.check(BAD.resolve(kind + ".vg"));
        return r.problems().stream().map(Problem::toString).map(s -> s.replace(BAD + "/", "")).toList();
    }

    /** Each kind's first problem: LVM2 refuses every one, and lvstack's first problem is LVM2's first line. */
    static final java.util.Map<String, String> FIRST = java.util.Map.of(
            "raid5_stripe_size", "LV vgr/r5 invalid: non power of 2 stripe size (is 100) for raid5 segment",
            "raid_device_count", "Incorrect number of areas in area array for segment 'segment1'.",
            "raid_image_size", "LV r1_rimage_1 invalid: segment 2 should begin at LE 3 (found 4).",
            "raid_meta_missing", "Couldn't find volume 'nosuchlv' for segment 'segment1'.",
            "raid_region_size", "LV vgr/r1 invalid: non power of 2 region size (is 3) for raid1 segment");

    /** Where LVM2 refuses a file, its first message line is lvstack's first problem, word for word. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void lvm2sRefusalsAreWordForWord(String kind) throws IOException {
        List<String> verdict = Files.readAllLines(BAD.resolve(kind + ".verdict"));
        assertEquals("exit=5", verdict.get(0), kind);
        String first = verdict.stream().filter(l -> l.startsWith("  ") && !l.contains("WARNING")).findFirst()
                .orElseThrow().trim();
        assertEquals(first, FIRST.get(kind), kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyBrokenRaidFileIsRefused(String kind) {
        List<String> p = problems(kind);
        assertFalse(p.isEmpty(), kind);
        assertTrue(p.get(0).startsWith("error: ") && p.get(0).contains(FIRST.get(kind)), p.toString());
    }

    @org.junit.jupiter.api.Test
    void allFiveKindsAreCovered() throws IOException {
        assertEquals(FIRST.keySet(), java.util.Set.copyOf(kinds().toList()));
    }
}
