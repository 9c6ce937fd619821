package io.lvstack.engine.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Engine;
import io.lvstack.engine.VmCorpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The raid plugin on LVM2's own raid files (../shared/corpus/lvm2-vm, written by LVM2 2.03.16
 * with device-mapper): every {@code .vg} with a raid or integrity segment round-trips byte for
 * byte; every metadata version left in the PV heads (the interim raid0, raid0_meta and rebuilding
 * states of a takeover, the visible rmeta LVs LVM2 wipes, an integrity layer's first commit with
 * {@code recalculate}) round-trips in the on-disk form. The reports of both raid cases are
 * compared with LVM2's by the tool's {@code VmReportsTest}, the kernel tables by {@code VmTablesTest}.
 */
class RaidCorpusTest {
    static final Path VM = Path.of("../../shared/corpus/lvm2-vm");
    static final Engine ENGINE = Lvstack.engine();
    static final MetadataFormat FORMAT = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC);

    /** Every LVM2-written file of the corpus with a raid or integrity segment. */
    static Stream<Path> raidFiles() throws IOException {
        return VmCorpus.files(RaidCorpusTest::isRaid);
    }

    static boolean isRaid(String text) {
        return text.contains("type = \"raid") || text.contains("type = \"integrity\"");
    }

    @Test
    void theCorpusHasRaidFiles() throws IOException {
        assertEquals(19, raidFiles().count(), "raid.vg, raid.step1..9, raidconv.vg and its steps 2..4, 7..11");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raidFiles")
    void readThenWriteGivesLvm2sBytes(Path file) throws IOException {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        ImportedVg vg = FORMAT.read(file);
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        assertEquals(original, FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
    }

    /** Every metadata version with a raid segment in the first PV head of every case (older ones included). */
    static Stream<VmCorpus.HeadText> headTexts() throws IOException {
        return VmCorpus.headTexts(RaidCorpusTest::isRaid);
    }

    @Test
    void theHeadsHoldTheInterimStatesOfATakeover() throws IOException {
        List<VmCorpus.HeadText> texts = headTexts().toList();
        assertTrue(texts.size() >= 25, "found " + texts.size());
        assertTrue(texts.stream().anyMatch(t -> t.text().contains("type = \"raid0_meta\"")));
        assertTrue(texts.stream().anyMatch(t -> t.text().contains("recalculate = 1")));
    }

    /** The VG part of each version, pending messages included, is written back as LVM2 wrote it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("headTexts")
    void everyVersionInTheHeadsRoundTripsOnDisk(VmCorpus.HeadText head) {
        VmCorpus.assertRoundTripsOnDisk(ENGINE, head);
    }
}
