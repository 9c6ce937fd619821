package io.lvstack.engine.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.GraphDump;
import io.lvstack.engine.text.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        try (Stream<Path> s = Files.list(VM)) {
            return s.filter(p -> p.toString().endsWith(".vg")).filter(RaidCorpusTest::hasRaid).sorted().toList().stream();
        }
    }

    private static boolean hasRaid(Path p) {
        try {
            return isRaid(Files.readString(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    /** One metadata version found in a PV head: its case, seqno and text (VG part first, then LVM2's header). */
    record HeadText(String caseName, long seqno, String text) {
        @Override
        public String toString() {
            return caseName + " seqno " + seqno;
        }
    }

    /** Every metadata version with a raid segment in the first PV head of every case (older ones included). */
    static Stream<HeadText> headTexts() throws IOException {
        List<HeadText> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(VM)) {
            for (Path tar : s.filter(p -> p.toString().endsWith(".heads.tar.gz")).sorted().toList()) {
                String caseName = tar.getFileName().toString().replace(".heads.tar.gz", "");
                for (io.lvstack.engine.VmHeads.Version v : io.lvstack.engine.VmHeads.versions(tar)) {
                    String text = v.text();
                    if (isRaid(text)) {
                        out.add(new HeadText(caseName, v.seqno(), text));
                    }
                }
            }
        }
        return out.stream();
    }

    @Test
    void theHeadsHoldTheInterimStatesOfATakeover() throws IOException {
        List<HeadText> texts = headTexts().toList();
        assertTrue(texts.size() >= 25, "found " + texts.size());
        assertTrue(texts.stream().anyMatch(t -> t.text().contains("type = \"raid0_meta\"")));
        assertTrue(texts.stream().anyMatch(t -> t.text().contains("recalculate = 1")));
    }

    /** The VG part of each version, pending messages included, is written back as LVM2 wrote it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("headTexts")
    void everyVersionInTheHeadsRoundTripsOnDisk(HeadText head) {
        MetadataFormat disk = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC)
                .withParseOptions(ParseOptions.onDiskForm());
        ImportedVg vg = disk.read(head.text(), head.toString());
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        String ours = disk.write(vg.vg(), vg.header(), MetadataFormat.Form.ON_DISK);
        String vgPart = head.text().substring(0, head.text().indexOf("}\n# Generated by ") + 2);
        assertEquals(vgPart, ours.substring(0, ours.indexOf("}\n# Generated by ") + 2));
        // and the file form of the same version reads back to the same graph
        String file = FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
        assertEquals(GraphDump.of(vg.vg()), GraphDump.of(FORMAT.read(file, "file").vg()));
    }
}
