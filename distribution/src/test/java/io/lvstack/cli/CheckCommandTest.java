package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lvstack check}: lines, JSON and exit status. */
class CheckCommandTest {
    private static final Path CORPUS = FmtCommandTest.CORPUS;

    @Test
    void aValidVgPrintsNothingAndExitsZero() {
        CliRun r = CliRun.of("check", CORPUS.resolve("mirror_mirroredlog.vg").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void warningsAloneStillExitZero() {
        CliRun r = CliRun.of("check", CORPUS.resolve("bad/unknowntype.vg").toString());
        assertEquals(0, r.exitCode());
        assertEquals(List.of("warning: vgx: line 65: WARNING: Unrecognised segment type frobnicate"), r.outLines());
    }

    @Test
    void everyProblemIsOneLineAndTheExitIsFive() {
        CliRun r = CliRun.of("check", CORPUS.resolve("bad/imagesize.vg").toString());
        assertEquals(5, r.exitCode());
        assertEquals(List.of(
                "error: vgx/m segment 1: LV m: mirrored LV segment 0 has wrong size 4 (should be 2).",
                "error: vgx/m segment 1: LV m: mirrored LV segment 1 has wrong size 4 (should be 2)."), r.outLines());
        assertEquals("", r.err());
    }

    @Test
    void aCycleIsRefused() {
        CliRun r = CliRun.of("check", CORPUS.resolve("bad/cycle.vg").toString());
        assertEquals(5, r.exitCode());
        assertEquals(List.of("error: vgx/good2 segment 1 area 0: refusing the reference -> LV good: it would make a "
                + "cycle good2 -> good -> good2"), r.outLines());
    }

    @Test
    void jsonCarriesTheSameProblems() throws Exception {
        Path file = CORPUS.resolve("bad/gap.vg");
        CliRun r = CliRun.of("check", "--json", file.toString());
        assertEquals(5, r.exitCode());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(file.toString(), doc.get("file").asText());
        assertEquals("vgx", doc.get("vg").asText());
        assertEquals(false, doc.get("valid").asBoolean());
        assertEquals(1, doc.get("problems").size());
        JsonNode p = doc.get("problems").get(0);
        assertEquals("error", p.get("severity").asText());
        assertEquals("vgx/good2 segment 1", p.get("where").asText());
        assertEquals("LV good2 invalid: segment 1 should begin at LE 0 (found 1).", p.get("message").asText());
    }

    @Test
    void unreadableInputIsOneProblemAndUsageErrorsExitThree() {
        CliRun syntax = CliRun.of("check", CORPUS.resolve("bad/hugeint.vg").toString());
        assertEquals(5, syntax.exitCode());
        assertEquals(List.of("error: " + CORPUS.resolve("bad/hugeint.vg") + ":64:20: integer 999999999999999999994 "
                + "is out of range (64-bit)"), syntax.outLines());
        assertEquals(3, CliRun.of("check").exitCode());
        assertEquals(3, CliRun.of("check", "--bogus", "x").exitCode());
    }
}
