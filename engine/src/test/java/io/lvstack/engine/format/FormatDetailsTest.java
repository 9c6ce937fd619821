package io.lvstack.engine.format;

import io.lvstack.segtype.mirror.MirrorMarks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Field-level rules of reading and writing, on small texts. */
class FormatDetailsTest {
    private static final MetadataFormat F = CorpusRoundTripTest.FORMAT;

    /** A one-PV VG with one LV whose section body is {@code lvBody}. */
    private static String vg(String lvBody) {
        return io.lvstack.engine.TestVgs.oneLv("lv", lvBody);
    }

    private static final String LINEAR_SEG = """
            segment_count = 1
            segment1 {
            start_extent = 0
            extent_count = 4
            type = "striped"
            stripe_count = 1
            stripes = ["pvA", 10]
            }
            """;

    private static String lvSection(String text) {
        int start = text.indexOf("\t\tlv {\n");
        return text.substring(start, text.indexOf("\n\t\t}\n", start) + 5);
    }

    @Test
    void lvFieldsAreWrittenInLvm2sOrderWithTheirComments() {
        ImportedVg vg = F.read(vg("""
                id = "lvid"
                read_ahead = -1
                allocation_policy = "cling_by_tags"
                creation_host = "h"
                creation_time = 86400
                flags = ["WRITE_LOCKED", "FROBNICATE"]
                status = ["VISIBLE", "READ", "FIXED_MINOR"]
                minor = 7
                tags = ["t1", "t2"]
                """ + LINEAR_SEG), "x");
        assertEquals(List.of("line 26: unknown flag 'FROBNICATE' of logical volume lv dropped"), vg.warnings());
        LogicalVolume lv = vg.vg().lv("lv");
        assertEquals(EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.FIXED_MINOR, LvStatus.VISIBLE), lv.status());
        assertEquals(new LvProperties(86400L, "h", null, "cling", null, -1L, null, 7L), lv.properties());
        assertEquals("""
                \t\tlv {
                \t\t\tid = "lvid"
                \t\t\tstatus = ["READ", "WRITE", "FIXED_MINOR", "VISIBLE"]
                \t\t\tflags = []
                \t\t\ttags = ["t1", "t2"]
                \t\t\tcreation_time = 86400\t# 1970-01-02 00:00:00 +0000
                \t\t\tcreation_host = "h"
                \t\t\tallocation_policy = "cling"
                \t\t\tread_ahead = -1\t# None
                \t\t\tminor = 7
                \t\t\tsegment_count = 1

                \t\t\tsegment1 {
                \t\t\t\tstart_extent = 0
                \t\t\t\textent_count = 4\t# 16 Megabytes

                \t\t\t\ttype = "striped"
                \t\t\t\tstripe_count = 1\t# linear

                \t\t\t\tstripes = [
                \t\t\t\t\t"pv0", 10
                \t\t\t\t]
                \t\t\t}
                \t\t}
                """, lvSection(F.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE)));
    }

    @Test
    void segtypeSuffixWordsBecomeLvStatusAndAreWrittenBack() {
        ImportedVg vg = F.read(vg("id = \"l\"\nstatus = [\"READ\"]\n" + LINEAR_SEG.replace("\"striped\"",
                "\"striped+METADATA_FORMAT\"")), "x");
        assertTrue(vg.vg().lv("lv").has(LvStatus.METADATA_FORMAT));
        assertTrue(F.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE)
                .contains("type = \"striped+METADATA_FORMAT\"\n"));

        ImportedVg odd = F.read(vg("id = \"l\"\nstatus = [\"READ\"]\n" + LINEAR_SEG.replace("\"striped\"",
                "\"striped+WARP\"")), "x");
        assertEquals(java.util.Set.of("striped+WARP"), odd.vg().unknownSegmentTypes());
        assertEquals(List.of("line 27: WARNING: Unrecognised flag WARP in segment type striped+WARP.",
                "line 27: WARNING: Unrecognised segment type striped+WARP"), odd.warnings());
    }

    @Test
    void aNegativePeStartIsRefusedWithALocatedError() {
        // Found by fuzzing (FuzzTargetsInputs/checker/crash-d5c08555...): a negative pe_start reached
        // PvProperties' IllegalArgumentException and came out as "a segment-type plugin failed".
        MetadataSourceException e = assertThrows(MetadataSourceException.class,
                () -> F.read(vg(LINEAR_SEG).replace("pe_start = 2048", "pe_start = -2048"), "neg.vg"));
        assertEquals("neg.vg:15: 'pe_start' in section 'pvA' is -2048, outside 0..9223372036854775807", e.getMessage());
        assertTrue(e.getCause() instanceof io.lvstack.api.MetadataException && e.getCause().getCause() == null,
                "lvstack's own error, hiding no other: " + e.getCause());
    }

    @Test
    void fieldRulesOfLvm2AreEnforcedWithTheLine() {
        MetadataSourceException noHost = assertThrows(MetadataSourceException.class, () -> F.read(vg(
                "id = \"l\"\nstatus = [\"READ\"]\ncreation_time = 5\n" + LINEAR_SEG), "in.vg"));
        assertEquals("in.vg:20: Missing creation_host for logical volume lv.", noHost.getMessage());

        MetadataSourceException count = assertThrows(MetadataSourceException.class, () -> F.read(vg(
                "id = \"l\"\nstatus = [\"READ\"]\n" + LINEAR_SEG.replace("segment_count = 1", "segment_count = 2")),
                "in.vg"));
        assertEquals("in.vg:23: segment_count and actual number of segments disagree for logical volume lv.",
                count.getMessage());

        MetadataSourceException status = assertThrows(MetadataSourceException.class, () -> F.read(vg(
                "id = \"l\"\nstatus = [\"READ\", \"MIRROR_IMAGE\"]\n" + LINEAR_SEG), "in.vg"));
        assertEquals("in.vg:22: Unknown status flag 'MIRROR_IMAGE'.", status.getMessage());

        MetadataSourceException type = assertThrows(MetadataSourceException.class, () -> F.read(vg(
                "id = \"l\"\nstatus = [\"READ\"]\n" + LINEAR_SEG.replace("type = \"striped\"", "type = 5")), "in.vg"));
        assertEquals("in.vg:27: Segment type must be a string.", type.getMessage());

        MetadataSourceException areas = assertThrows(MetadataSourceException.class, () -> F.read(vg(
                "id = \"l\"\nstatus = [\"READ\"]\n" + LINEAR_SEG.replace("[\"pvA\", 10]", "[\"pvA\", 10, \"pvA\", 20]")),
                "in.vg"));
        assertEquals("in.vg:29: Incorrect number of areas in area array for segment segment1 of logical volume lv: "
                + "2 for 1.", areas.getMessage());

        MetadataSourceException contents = assertThrows(MetadataSourceException.class,
                () -> F.read("version = 1\nvg {\n}\n", "in.vg"));
        assertEquals("in.vg: Can't process text format file - missing contents field \"Text Format Volume Group\".",
                contents.getMessage());
    }

    @Test
    void lvAreasMayNameLvsThatComeLater() {
        String onLater = LINEAR_SEG.replace("[\"pvA\", 10]", "[\"vg/later\", 0]");
        String text = vg("id = \"l\"\nstatus = [\"READ\", \"VISIBLE\"]\n" + onLater);
        int end = text.lastIndexOf("}\n}\n");
        text = text.substring(0, end) + "later {\nid = \"l2\"\nstatus = [\"READ\"]\n" + LINEAR_SEG + "}\n"
                + text.substring(end);
        ImportedVg vg = F.read(text, "x");
        LogicalVolume later = vg.vg().lv("later");
        assertEquals(1, later.userCount());
        assertEquals(vg.vg().lv("lv").segments().get(0), later.users().get(0));
    }

    @Test
    void readsStreamsAndStringsAndWritesPathsAtomically(@TempDir Path dir) throws Exception {
        Path src = Corpus.DIR.resolve("mirror_disklog.vg");
        byte[] bytes = Files.readAllBytes(src);
        ImportedVg fromStream = F.read(new ByteArrayInputStream(bytes), "stdin");
        ImportedVg fromString = F.read(new String(bytes, StandardCharsets.UTF_8), "text");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        F.write(fromStream.vg(), fromStream.header(), MetadataFormat.Form.FILE, out);
        assertEquals(new String(bytes, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));

        Path target = dir.resolve("out.vg");
        Files.writeString(target, "old");
        F.write(fromString.vg(), fromString.header(), MetadataFormat.Form.FILE, target);
        assertEquals(new String(bytes, StandardCharsets.UTF_8), Files.readString(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWas(@TempDir Path dir) throws Exception {
        ImportedVg vg = F.read(Corpus.DIR.resolve("linear.vg"));
        Path missingDir = dir.resolve("nosuch").resolve("out.vg");
        io.lvstack.api.LvstackException e = assertThrows(io.lvstack.api.LvstackException.class,
                () -> F.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE, missingDir));
        assertTrue(e.getMessage().startsWith("cannot write " + missingDir + ": "), e.getMessage());
        assertFalse(Files.exists(missingDir));
    }

    @Test
    void readErrorsNameTheFile(@TempDir Path dir) {
        MetadataSourceException missing = assertThrows(MetadataSourceException.class,
                () -> F.read(dir.resolve("none.vg")));
        assertEquals(dir.resolve("none.vg") + ": no such file", missing.getMessage());
        MetadataSourceException isDir = assertThrows(MetadataSourceException.class, () -> F.read(dir));
        assertEquals(dir + ": is a directory, not a metadata file", isDir.getMessage());
    }

    @Test
    void limitsComeFromTheConfiguration() {
        MetadataFormat small = new MetadataFormat(io.lvstack.engine.Lvstack.builder()
                .set(MetadataFormat.MAX_BYTES, 100).set(MetadataFormat.MAX_DEPTH, 2).build());
        MetadataSourceException big = assertThrows(MetadataSourceException.class,
                () -> small.read(Corpus.DIR.resolve("linear.vg")));
        assertTrue(big.getMessage().matches(".*linear.vg: input is \\d+ bytes, over the limit of 100"),
                big.getMessage());
        MetadataFormat shallow = new MetadataFormat(io.lvstack.engine.Lvstack.builder()
                .set(MetadataFormat.MAX_DEPTH, 2).build());
        MetadataSourceException deep = assertThrows(MetadataSourceException.class,
                () -> shallow.read(Corpus.DIR.resolve("linear.vg")));
        assertTrue(deep.getMessage().endsWith(": sections nest deeper than 2 levels"), deep.getMessage());
    }

    @Test
    void aMirrorOverAMimagetmpLayerIsConverting() {
        String text = CorpusRoundTripTest.vgSection(Corpus.readString(Corpus.DIR.resolve("mirror_disklog.vg")));
        ImportedVg plain = F.read("contents = \"Text Format Volume Group\"\nversion = 1\n" + text, "x");
        assertFalse(plain.vg().lv("m").has(MirrorMarks.CONVERTING));
        ImportedVg converting = F.read("contents = \"Text Format Volume Group\"\nversion = 1\n"
                + text.replace("m_mimage_0", "m_mimagetmp_2"), "x");
        assertTrue(converting.vg().lv("m").has(MirrorMarks.CONVERTING));
        assertTrue(converting.vg().lv("m_mimagetmp_2").has(MirrorMarks.IMAGE));
    }
}
