package io.lvstack.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Corpus;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What reading makes of each broken input of the corpus. Syntax-level kinds and an unknown
 * status word fail as in LVM2; the others fail at the first problem the graph refuses (the
 * checker reports every problem; see docs/ARCHITECTURE.md).
 */
class BadInputTest {
    private static final Map<String, String> READ_ERRORS = new TreeMap<>(Map.ofEntries(
            Map.entry("arealen", "arealen.vg:83: vgx/good2 segment 1 area 0: PV /dev/loop5 extents 0-0 are "
                    + "already used by LV vgx/good segment 1 (LE 0-4) area 1"),
            Map.entry("badstatus", "badstatus.vg:57: Unknown status flag 'TELEPORT'."),
            Map.entry("beyond", "beyond.vg:67: vgx/good segment 1 area 0: extents 100000-100003 lie "
                    + "outside PV /dev/loop4 (31 extents)"),
            Map.entry("cycle", "cycle.vg:82: vgx/good2 segment 1 area 0: refusing the reference -> LV good: it would "
                    + "make a cycle good2 -> good -> good2"),
            Map.entry("dangling", "dangling.vg:67: vgx/good segment 1 area 0: Couldn't find volume 'nosuch' for segment "
                    + "'segment1'."),
            Map.entry("deepnest", "deepnest.vg:12:384: sections nest deeper than 128 levels"),
            Map.entry("hugeint", "hugeint.vg:64:20: integer 999999999999999999994 is out of range (64-bit)"),
            Map.entry("nolog", "nolog.vg:60: vgx/m segment 1 log: Unrecognised mirror log in segment segment1 of logical volume m."),
            Map.entry("overlap", "overlap.vg:82: vgx/good2 segment 1 area 0: PV /dev/loop4 extents 2-3 "
                    + "are already used by LV vgx/good segment 1 (LE 0-3) area 0"),
            Map.entry("self", "self.vg:67: vgx/good segment 1 area 0: refusing the reference -> LV good: it would make "
                    + "a cycle good -> good"),
            Map.entry("syntax", "syntax.vg:10:2: unexpected 'status' (expected '=' or '{' after key 'lvm2\"'); the "
                    + "string opened at line 7 runs to line 9: is its closing quote missing?")));

    @Test
    void eachBrokenInputFailsWithItsOwnOneLineMessage() {
        for (Map.Entry<String, String> e : READ_ERRORS.entrySet()) {
            Path file = Corpus.BAD.resolve(e.getKey() + ".vg");
            MetadataSourceException ex = assertThrows(MetadataSourceException.class,
                    () -> CorpusRoundTripTest.FORMAT.read(file), e.getKey());
            assertEquals(Corpus.BAD + "/" + e.getValue(), ex.getMessage());
            assertEquals(1, ex.getMessage().lines().count());
        }
    }

    @Test
    void kindsForTheCheckerRead() {
        // dupid, gap, imagesize, regionsize: well-formed text whose problems the checker reports;
        // unknowntype: LVM2 accepts it with a warning, and so does lvstack.
        for (String kind : new String[] {"dupid", "gap", "imagesize", "regionsize"}) {
            CorpusRoundTripTest.FORMAT.read(Corpus.BAD.resolve(kind + ".vg"));
        }
        ImportedVg unknown = CorpusRoundTripTest.FORMAT.read(Corpus.BAD.resolve("unknowntype.vg"));
        assertEquals(java.util.List.of("line 65: WARNING: Unrecognised segment type frobnicate"), unknown.warnings());
    }

    @Test
    void theVerdictsCoverEveryBadKind() {
        assertEquals(16, Corpus.vgFiles(Corpus.BAD).size());
        assertTrue(Corpus.readString(Corpus.BAD.resolve("badstatus.verdict")).contains("Unknown status flag 'TELEPORT'."));
    }
}
