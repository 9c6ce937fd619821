package io.lvstack.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.format.MetadataFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken cache file of ../shared/corpus/lvm2-vm/bad, checked with the cache plugin loaded:
 * LVM2's verdict (exit 5) in LVM2's words where LVM2 refuses, lvstack's own refusal where LVM2
 * restores what the kernel would refuse (exit 0).
 */
class CacheVerdictsTest {
    static final Path BAD = CacheCorpusTest.VM.resolve("bad");
    static final Checker CHECKER = new Checker(new MetadataFormat(Lvstack.engine()));

    static Stream<String> kinds() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> (n.startsWith("cache") || n.startsWith("writecache")) && n.endsWith(".vg"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    /**
     * Every problem of each kind. Import errors lack LVM2's {@code of logical volume LV} tail (the
     * host does not tell a type which LV it reads) and say LVM2's two lines in one; a reference
     * naming no LV is LVM2's whole line, located by the engine; the checker's rule is LVM2's line.
     * lvstack also finds the sub-LV that the broken reference leaves without a user.
     */
    static final Map<String, List<String>> PROBLEMS = Map.of(
            "cache_mode_bogus", List.of("error: cache_mode_bogus.vg:189: Unknown cache mode: bogus. Unknown cache_mode in segment "
                    + "segment1."),
            "cache_pool_not_pool", List.of("error: vgk/slow segment 1: LV vgk/slow, segment 1 invalid: is not "
                    + "referencing cache pool LV for cache segment.", "error: vgk/cpool_cpool: LV vgk/cpool_cpool is a "
                    + "hidden sub-LV (_cpool) that no segment uses: it is orphaned."),
            "writecache_block_size", List.of("error: vgk/slow3 segment 1: LV vgk/slow3, segment 1 invalid: writecache "
                    + "block size 3000 is not a power of 2 from 512 to 4096 bytes, so the kernel's writecache target "
                    + "refuses it for writecache segment."),
            "writecache_origin_missing", List.of("error: vgk/slow3 segment 1 area 0: Unknown LV specified for "
                    + "writecache origin nosuchlv in segment segment1 of logical volume slow3.", "error: "
                    + "vgk/slow3_wcorig: LV vgk/slow3_wcorig is a hidden sub-LV (_wcorig) that no segment uses: it is "
                    + "orphaned."));

    static List<String> problems(String kind) {
        return CHECKER.check(BAD.resolve(kind + ".vg")).problems().stream().map(Problem::toString)
                .map(s -> s.replace(BAD + "/", "")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyBrokenCacheFileGetsItsVerdict(String kind) {
        assertEquals(PROBLEMS.get(kind), problems(kind));
    }

    /** LVM2 refuses three (exit 5) and restores the writecache block size the kernel refuses (exit 0). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void lvm2sExitStatusIsAsExpected(String kind) {
        String verdict = Corpus.readString(BAD.resolve(kind + ".verdict"));
        assertEquals(kind.equals("writecache_block_size") ? "exit=0" : "exit=5", verdict.lines().findFirst().orElseThrow());
    }

    /** The lines of LVM2's verdict that lvstack's problems say, word for word. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void lvm2sFirstMessageIsSaid(String kind) {
        String first = Corpus.readString(BAD.resolve(kind + ".verdict")).lines().skip(1).findFirst().orElseThrow().strip();
        String ours = String.join("\n", problems(kind));
        if (kind.equals("writecache_block_size")) {
            assertEquals("Restored volume group vgk.", first);
        } else if (kind.equals("cache_mode_bogus")) {
            String second = Corpus.readString(BAD.resolve(kind + ".verdict")).lines().skip(2).findFirst().orElseThrow()
                    .strip();
            assertEquals(true, ours.contains(first) && ours.contains(second.replace(" of logical volume cpool4", "")),
                    ours);
        } else {
            assertEquals(true, ours.contains(first), ours);
        }
    }

    @Test
    void allFourKindsAreCovered() throws IOException {
        assertEquals(PROBLEMS.keySet(), java.util.Set.copyOf(kinds().toList()));
    }
}
