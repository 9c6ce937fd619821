package io.lvstack.engine.thin;

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

/** Every broken thin file of ../shared/corpus/lvm2-vm/bad, checked with the thin plugin loaded. */
class ThinVerdictsTest {
    static final Path BAD = ThinCorpusTest.VM.resolve("bad");
    static final Checker CHECKER = new Checker(new MetadataFormat(Lvstack.engine()));

    static Stream<String> kinds() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("thin") && n.endsWith(".vg"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    static List<String> problems(String kind) {
        CheckReport r = CHECKER.check(BAD.resolve(kind + ".vg"));
        return r.problems().stream().map(Problem::toString).map(s -> s.replace(BAD + "/", "")).toList();
    }

    /**
     * Each kind's first problem: LVM2's first line where LVM2 refuses the file, lvstack's own
     * refusal where LVM2 accepts it (dup device_id, transaction_id, cycle).
     */
    static final java.util.Map<String, String> FIRST = java.util.Map.of(
            "thin_chunk_size", "Unsupported value 0 for chunk_size segment segment1 of logical volume pool.",
            "thin_cycle", "it would make a cycle vol1 -> pool -> pool_tdata -> vol1",
            "thin_device_id_range", "Unsupported value 16777216 for device_id segment segment1 of logical volume vol1.",
            "thin_dup_device_id", "thin LVs vol1 and vol3 have the same device_id 1",
            "thin_origin_missing", "Unknown origin nosuchlv in segment segment1 of logical volume vol3.",
            "thin_pool_meta_missing", "Unknown metadata nosuchlv in segment segment1 of logical volume pool.",
            "thin_pool_not_pool", "LV vgt/vol1, segment 1 invalid: is not referencing thin pool LV for thin segment.",
            "thin_pool_txid", "transaction_id 0 is below the transaction_id 2 of its thin LV vol1snap");

    /** Where LVM2 refuses a file, its first message line is lvstack's first problem, word for word. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void lvm2sRefusalsAreWordForWord(String kind) throws IOException {
        List<String> verdict = Files.readAllLines(BAD.resolve(kind + ".verdict"));
        // the three LVM2 accepts although the pool could not work: lvstack's own reasons
        assertEquals(java.util.Set.of("thin_cycle", "thin_dup_device_id", "thin_pool_txid").contains(kind),
                verdict.get(0).equals("exit=0"), kind);
        if (!verdict.get(0).equals("exit=0")) {
            String first = verdict.stream().filter(l -> l.startsWith("  ") && !l.contains("WARNING")).findFirst()
                    .orElseThrow().trim();
            assertEquals(first, FIRST.get(kind), kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyBrokenThinFileIsRefused(String kind) {
        List<String> p = problems(kind);
        assertFalse(p.isEmpty(), kind);
        assertTrue(p.get(0).startsWith("error: ") && p.get(0).contains(FIRST.get(kind)), p.toString());
    }

    @org.junit.jupiter.api.Test
    void allEightKindsAreCovered() throws IOException {
        assertEquals(FIRST.keySet(), java.util.Set.copyOf(kinds().toList()));
    }
}
