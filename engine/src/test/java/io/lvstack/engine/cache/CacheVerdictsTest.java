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
     * Every problem of each kind: LVM2's words where LVM2 refuses (an unknown cache mode is one
     * line holding LVM2's two), located by the engine; lvstack's own refusal where LVM2 restores
     * what the kernel would refuse. lvstack also finds the sub-LV a broken reference leaves
     * without a user.
     */
    static final Map<String, List<String>> PROBLEMS = Map.of(
            "cache_mode_bogus", List.of("error: cache_mode_bogus.vg:189: Unknown cache mode: bogus. Unknown cache_mode "
                    + "in segment segment1 of logical volume cpool4."),
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

    /**
     * LVM2 refuses three (exit 5) and restores the writecache block size the kernel refuses
     * (exit 0); where it refuses, its lines before its summary ({@code Couldn't read all logical
     * volumes}, {@code Internal error}) are lvstack's first problem, word for word.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void lvm2sRefusalsAreWordForWord(String kind) {
        List<String> verdict = Corpus.readString(BAD.resolve(kind + ".verdict")).lines().toList();
        assertEquals(kind.equals("writecache_block_size") ? "exit=0" : "exit=5", verdict.get(0));
        if (kind.equals("writecache_block_size")) {
            assertEquals(List.of("exit=0", "  Restored volume group vgk."), verdict);
            return;
        }
        List<String> said = new java.util.ArrayList<>();
        for (String l : verdict.subList(1, verdict.size())) {
            if (l.startsWith("  Couldn't read all logical volumes") || l.startsWith("  Internal error")) {
                break;
            }
            said.add(l.strip());
        }
        String first = problems(kind).get(0);
        assertEquals(String.join(" ", said), first.substring(first.indexOf(": ", first.indexOf(": ") + 1) + 2));
    }

    @Test
    void allFourKindsAreCovered() throws IOException {
        assertEquals(PROBLEMS.keySet(), java.util.Set.copyOf(kinds().toList()));
    }
}
