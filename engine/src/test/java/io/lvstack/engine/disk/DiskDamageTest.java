package io.lvstack.engine.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.text.ParseOptions;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images LVM2 wrote, damaged on purpose: bytes flipped in the label, the metadata area header,
 * the metadata text (also its wrapped part), images cut short, and what is no PV at all. Each
 * gets one message naming the device and what was wrong; what can still be read is used.
 */
class DiskDamageTest {
    private static final DiskVgReader READER = new DiskVgReader(new MetadataFormat(Lvstack.engine()), ParseOptions.fileForm());
    private static final String HEX = "0x[0-9a-f]{8}";

    @TempDir
    Path dir;

    private Path image(String name) throws Exception {
        Path sub = Files.createDirectories(dir.resolve(name));
        return DiskCases.unpack(name, sub).get(0);
    }

    private static void flip(Path image, long at) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
        }
    }

    private static String refusal(Path... images) {
        return assertThrows(LvstackException.class, () -> READER.read(List.of(images), List.of(), null)).getMessage();
    }

    private static void assertMatches(String regex, String actual) {
        assertTrue(Pattern.compile(regex).matcher(actual).matches(), "expected /" + regex + "/ but was: " + actual);
    }

    @Test
    void aFlippedLabelByteFailsTheLabelChecksum() throws Exception {
        Path img = image("single");
        flip(img, 512 + 40); // in the PV UUID, which the label's checksum covers
        assertMatches("no LVM2 metadata found on the 1 device\\(s\\) given \\(" + Pattern.quote(img.toString())
                + ": damaged label in sector 1: checksum 0x7021dd53 stored, " + HEX + " computed\\)", refusal(img));
    }

    @Test
    void aFlippedMdaHeaderByteFailsItsChecksumAndTheOtherAreaIsUsed() throws Exception {
        Path img = image("single");
        flip(img, 4096 + 30);
        assertMatches(".*" + Pattern.quote(img + ": damaged header of metadata area 1 at byte 4096: checksum 0x0d9a86c6 stored, ")
                + HEX + " computed\\)", refusal(img));
        Path two = image("twomdas");
        flip(two, 4096 + 30);
        DiskVg vg = READER.read(List.of(two), List.of(), null);
        assertEquals(2, vg.copy().area(), "the second metadata area, at the end of the device");
        assertEquals(1, vg.problems().size());
        Problem p = vg.problems().get(0);
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals(two.toString(), p.where());
        assertMatches(Pattern.quote("damaged header of metadata area 1 at byte 4096: checksum 0x56cf0c4c stored, ") + HEX
                + " computed", p.message());
        assertTrue(vg.damaged());
    }

    /**
     * The same damage given to real LVM2 ({@code twomdas/damaged-mda1/README.md}): it warned and
     * reported the VG from the second area; lvstack's reports of the image are the same.
     */
    @Test
    void withTheFirstAreaDamagedTheReportsAreStillLvm2s() throws Exception {
        Path two = image("twomdas");
        try (RandomAccessFile f = new RandomAccessFile(two.toFile(), "rw")) {
            f.seek(4126);
            int b = f.read();
            f.seek(4126);
            f.write(b ^ 0x55);
        }
        DiskVg disk = READER.read(List.of(two), List.of(), null);
        assertEquals(List.of(Problem.error(two.toString(), "damaged header of metadata area 1 at byte 4096: checksum "
                + "0x56cf0c4c stored, " + PvLabel.hex(LvmCrc.of(java.util.Arrays.copyOfRange(Files.readAllBytes(two), 4096,
                        4608), 4, 508)) + " computed")), disk.problems());
        io.lvstack.engine.graph.VolumeGroup vg = disk.vg().vg();
        vg.load(ed -> ed.setPvProperties(vg.pvs().get(0), vg.pvs().get(0).properties().withDevice("/dev/loop0")));
        io.lvstack.engine.report.Units human = io.lvstack.engine.report.Units.human();
        assertEquals(DiskCases.read("twomdas", "damaged-mda1/lvs.default.txt"), io.lvstack.engine.report.ReportFormat.basic(
                io.lvstack.engine.report.ReportBuilder.build(vg, io.lvstack.engine.report.ReportKind.LVS, null, null, true),
                human, io.lvstack.engine.report.ReportFormat.Basic.DEFAULT));
        assertEquals(DiskCases.read("twomdas", "damaged-mda1/pvs.default.txt"), io.lvstack.engine.report.ReportFormat.basic(
                io.lvstack.engine.report.ReportBuilder.build(vg, io.lvstack.engine.report.ReportKind.PVS, null, null, false),
                human, io.lvstack.engine.report.ReportFormat.Basic.DEFAULT));
    }

    @Test
    void aFlippedTextByteFailsTheTextChecksumAlsoInItsWrappedPart() throws Exception {
        Path img = image("single");
        flip(img, 4096 + 2560 + 100);
        assertMatches(".*" + Pattern.quote(img + ": damaged metadata in metadata area 1 at byte 4096: checksum 0xd51eb948 stored, ")
                + HEX + " computed\\)", refusal(img));
        Path wrapped = image("wrapped");
        flip(wrapped, 4096 + 512 + 200); // the part that went on at the start of the buffer
        assertMatches(".*" + Pattern.quote(wrapped
                + ": damaged metadata in metadata area 1 at byte 4096: checksum 0x4b95cc0e stored, ") + HEX + " computed\\)",
                refusal(wrapped));
    }

    @Test
    void imagesCutShortSayWhatIsMissing() throws Exception {
        Path img = image("single");
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(6000);
        }
        assertEquals("no LVM2 metadata found on the 1 device(s) given (" + img + ": header of metadata area 1 at byte 4096 "
                + "gives the area 1044480 bytes, past the end of the device (6000 bytes))", refusal(img));
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(4200);
        }
        assertEquals("no LVM2 metadata found on the 1 device(s) given (" + img + ": truncated: the header of metadata area 1 "
                + "at byte 4096 at bytes 4096..4607 lies beyond the end of the device (4200 bytes))", refusal(img));
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(300);
        }
        assertEquals("no LVM2 metadata found on the 1 device(s) given (" + img + ": not an LVM2 physical volume: 300 bytes, "
                + "too short to hold a label)", refusal(img));
    }

    @Test
    void whatIsNoPvIsSaidSoAndSkippedInAScan() throws Exception {
        Path zeros = dir.resolve("zeros.img");
        Files.write(zeros, new byte[8192]);
        assertEquals("no LVM2 metadata found on the 1 device(s) given (" + zeros + ": not an LVM2 physical volume: no "
                + "LABELONE label in its first 4 sectors)", refusal(zeros));
        assertEquals("no LVM2 metadata found on the 1 device(s) given (" + dir + ": is a directory, not a device or disk "
                + "image)", refusal(dir));
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals("no LVM2 metadata found on the 1 device(s) given (" + fifo + ": is neither a disk image (regular "
                + "file) nor a block device)", refusal(fifo), "a FIFO is refused, not waited on");
        Path none = dir.resolve("nothing-here");
        assertEquals("no LVM2 metadata found on the 1 device(s) given (" + none + ": no such file or device)", refusal(none));
        Path img = image("single");
        DiskVg scanned = READER.read(List.of(), List.of(zeros, img), null);
        assertEquals(List.of(), scanned.problems(), "a scan passes over what has no label");
        assertEquals("vgd1", scanned.vg().vg().name());
    }

    @Test
    void anOlderCopyIsNamedAndTheNewestUsed() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("stale"));
        List<Path> imgs = DiskCases.unpack("stale", sub);
        DiskVg vg = READER.read(imgs, List.of(), null);
        assertEquals(3, vg.copy().seqno());
        assertEquals(List.of(Problem.warning(imgs.get(1) + " (metadata area 1)", "ignoring metadata seqno 2 for seqno 3 on "
                + imgs.get(0) + " (metadata area 1) for VG vgd6.")), vg.problems());
        assertTrue(!vg.damaged());
        assertTrue(vg.vg().vg().lv("two") != null, "the newer metadata's LV");
    }

    @Test
    void aMissingPvIsWarnedOfInLvm2sWordsAndMarked() throws Exception {
        Path img = image("missing");
        DiskVg vg = READER.read(List.of(img), List.of(), null);
        String uuid = vg.vg().vg().pvs().get(1).id();
        assertEquals(List.of(Problem.warning("vgd5", "Couldn't find device with uuid " + uuid + "."),
                Problem.warning("vgd5", "VG vgd5 is missing PV " + uuid + " (last written to /dev/loop1).")), vg.problems());
        assertEquals("[unknown]", vg.vg().vg().pvs().get(1).device());
        assertTrue(vg.vg().vg().pvs().get(1).properties().flags().contains("MISSING"));
        assertEquals(img.toString(), vg.vg().vg().pvs().get(0).device());
    }

    @Test
    void severalVgsNeedAChoiceAndTheOthersDevicesAreSkipped() throws Exception {
        Path single = image("single");
        Path multiDir = Files.createDirectories(dir.resolve("m"));
        List<Path> multi = DiskCases.unpack("multi", multiDir);
        List<Path> all = List.of(single, multi.get(0), multi.get(1), multi.get(2));
        assertEquals("the devices hold 2 VGs: vgd1 (" + single + "), vgd2 (" + multi.get(0) + ", " + multi.get(1) + ", "
                + multi.get(2) + "); choose one with --vg NAME", assertThrows(LvstackException.class,
                        () -> READER.read(all, List.of(), null)).getMessage());
        DiskVg vgd2 = READER.read(all, List.of(), "vgd2");
        assertEquals("vgd2", vgd2.vg().vg().name());
        assertEquals(List.of(Problem.warning(single.toString(), "PV " + READER.read(List.of(single), List.of(), null)
                .vg().vg().pvs().get(0).id() + " is not a PV of VG vgd2; skipped")), vgd2.problems());
        assertEquals("Volume group \"vgd9\" not found on the 4 device(s) given", assertThrows(LvstackException.class,
                () -> READER.read(all, List.of(), "vgd9")).getMessage());
    }

    @Test
    void theSamePvTwiceIsNamedOnce() throws Exception {
        Path img = image("single");
        Path copy = Files.copy(img, dir.resolve("copy.img"));
        DiskVg vg = READER.read(List.of(img, copy), List.of(), null);
        assertEquals(List.of(Problem.warning(copy.toString(), "holds PV " + vg.vg().vg().pvs().get(0).id() + " as " + img
                + " does; using " + img)), vg.problems());
        assertEquals(img.toString(), vg.vg().vg().pvs().get(0).device());
    }
}
