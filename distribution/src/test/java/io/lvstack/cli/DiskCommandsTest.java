package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only commands on PV images instead of a metadata file: {@code --pv}, {@code --scan}, {@code --vg}. */
class DiskCommandsTest {
    private static final Path CASES = Path.of("../engine/src/test/resources/io/lvstack/engine/disk");

    @TempDir
    Path dir;

    /** The case's images, unpacked into their own directory. */
    private List<Path> images(String name) throws Exception {
        Path into = Files.createDirectories(dir.resolve(name));
        List<Path> out = new ArrayList<>();
        for (int i = 0; Files.exists(CASES.resolve(name).resolve("pv" + i + ".img.gz")); i++) {
            Path img = into.resolve("pv" + i + ".img");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(CASES.resolve(name).resolve("pv" + i + ".img.gz")))) {
                Files.copy(in, img);
            }
            out.add(img);
        }
        return out;
    }

    private static String[] with(List<Path> images, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (Path p : images) {
            all.add("--pv");
            all.add(p.toString());
        }
        return all.toArray(String[]::new);
    }

    @Test
    void everyReadOnlyCommandReadsImages() throws Exception {
        List<Path> multi = images("multi");
        List<byte[]> before = new ArrayList<>();
        for (Path p : multi) {
            before.add(Files.readAllBytes(p));
        }
        CliRun vgs = CliRun.of(with(multi, "vgs"));
        assertEquals(0, vgs.exitCode(), vgs.err());
        assertEquals("  VG   #PV #LV #SN Attr   VSize  VFree \n  vgd2   3   3   0 wz--n- 21.00m 11.00m\n", vgs.out());
        CliRun lvs = CliRun.of("lvs", "--scan", multi.get(0).getParent().toString(), "-o", "lv_name,devices", "split");
        assertEquals(0, lvs.exitCode(), lvs.err());
        // as LVM2 reported the same images: /dev/loop0(2) and /dev/loop2(2) (multi/lvs.json)
        assertEquals(List.of("LV    Devices", "split " + multi.get(0) + "(2)", "split " + multi.get(2) + "(2)"),
                lvs.outLines().stream().map(String::strip).toList());
        CliRun check = CliRun.of(with(multi, "check"));
        assertEquals(0, check.exitCode(), check.out());
        assertEquals("", check.out() + check.err());
        CliRun fmt = CliRun.of(with(multi, "fmt"));
        assertEquals(0, fmt.exitCode(), fmt.err());
        assertTrue(fmt.out().contains("\t\t\tdevice = \"" + multi.get(1) + "\"\t# Hint only\n"), fmt.out());
        CliRun table = CliRun.of(with(multi, "table", "vgd2/lin"));
        assertEquals("vgd2-lin: 0 4096 linear " + multi.get(0) + " 2048\n", table.out(), table.err());
        CliRun graph = CliRun.of(with(multi, "graph", "lin"));
        assertEquals(0, graph.exitCode(), graph.err());
        assertTrue(graph.out().startsWith("digraph "), graph.out());
        CliRun tree = CliRun.of(with(multi, "lvs", "--tree", "--noheadings", "lin"));
        String leaf = "└─pv0 " + multi.get(0);
        assertEquals("lin" + " ".repeat(leaf.length() - 1) + "linear  2.00m\n" + leaf + "  pv      2.00m  PE 0-1\n",
                tree.out(), tree.err());
        for (int i = 0; i < multi.size(); i++) {
            assertArrayEquals(before.get(i), Files.readAllBytes(multi.get(i)), "nothing written to " + multi.get(i));
        }
    }

    @Test
    void warningsGoToStandardErrorAndDamageMeansExitOne() throws Exception {
        List<Path> missing = images("missing");
        CliRun pvs = CliRun.of(with(missing, "pvs"));
        assertEquals(0, pvs.exitCode(), "LVM2 reports a VG with a missing PV and exits 0");
        assertTrue(pvs.out().contains("  [unknown]"), pvs.out());
        assertEquals(2, pvs.errLines().size(), pvs.err());
        assertTrue(pvs.errLines().get(1).matches("lvstack: warning: vgd5: VG vgd5 is missing PV \\S+ \\(last written to "
                + "/dev/loop1\\)\\."), pvs.err());

        List<Path> two = images("twomdas");
        try (var f = new java.io.RandomAccessFile(two.get(0).toFile(), "rw")) {
            f.seek(4096 + 30);
            f.write(0x55);
        }
        CliRun lvs = CliRun.of(with(two, "lvs", "-o", "lv_name"));
        assertEquals(5, lvs.exitCode(), "a damaged metadata area makes the exit status 1");
        assertEquals("  LV  \n  data\n", lvs.out(), "the other area is used");
        assertEquals(1, lvs.errLines().size());
        assertTrue(lvs.errLines().get(0).startsWith("lvstack: error: " + two.get(0) + ": damaged header of metadata area 1 "
                + "at byte 4096: checksum "), lvs.err());
        CliRun check = CliRun.of(with(two, "check"));
        assertEquals(5, check.exitCode());
        assertTrue(check.outLines().get(0).startsWith("error: " + two.get(0) + ": damaged header of metadata area 1"),
                check.out());
    }

    /**
     * Metadata whose checksums hold but whose text LVM2 would refuse: check lists the problem as
     * it does for a file, naming the device and area, line included.
     */
    @Test
    void checkOfDevicesListsTheMetadatasOwnProblems() throws Exception {
        Path img = images("wrapped").get(0);
        byte[] b = Files.readAllBytes(img);
        int text = 4096 + 31232; // the committed text: 1536 bytes to the area's end, 427 after its header
        b[text + 100] = 'x'; // RESIZEABLE -> RESIZEABLx
        int crc = io.lvstack.engine.disk.LvmCrc.update(io.lvstack.engine.disk.LvmCrc.of(b, text, 1536), b, 4096 + 512, 427);
        putLe32(b, 4096 + 56, crc);
        putLe32(b, 4096, io.lvstack.engine.disk.LvmCrc.of(b, 4096 + 4, 508));
        Files.write(img, b);
        CliRun check = CliRun.of("check", "--pv", img.toString());
        assertEquals(5, check.exitCode(), check.err());
        assertEquals(List.of("error: " + img + " (metadata area 1):5: Unknown status flag 'RESIZEABLx'."), check.outLines());
        CliRun lvs = CliRun.of("lvs", "--pv", img.toString());
        assertEquals(5, lvs.exitCode());
        assertEquals("lvstack: " + img + " (metadata area 1):5: Unknown status flag 'RESIZEABLx'.\n", lvs.err());
    }

    private static void putLe32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Test
    void noPvAtAllIsAClearError() throws Exception {
        Path zeros = dir.resolve("zeros.img");
        Files.write(zeros, new byte[4096]);
        CliRun r = CliRun.of("lvs", "--pv", zeros.toString());
        assertEquals(5, r.exitCode());
        assertEquals("", r.out());
        assertEquals("lvstack: no LVM2 metadata found on the 1 device(s) given (" + zeros + ": not an LVM2 physical volume: "
                + "no LABELONE label in its first 4 sectors)\n", r.err());
        CliRun scan = CliRun.of("vgs", "--scan", dir.toString());
        assertEquals(5, scan.exitCode());
        assertEquals("lvstack: no LVM2 metadata found on the 1 device(s) given\n", scan.err());
    }

    @Test
    void fileAndDevicesDoNotMix() throws Exception {
        List<Path> single = images("single");
        CliRun both = CliRun.of(with(single, "vgs", "some.vg"));
        assertEquals(3, both.exitCode());
        assertTrue(both.err().startsWith("lvstack: Unmatched argument: 'some.vg' (with --pv or --scan the command takes no FILE)"),
                both.err());
        CliRun vgOnly = CliRun.of("vgs", "--vg", "vgd1", "some.vg");
        assertEquals(3, vgOnly.exitCode());
        assertTrue(vgOnly.err().startsWith("lvstack: --vg needs --pv or --scan"), vgOnly.err());
        CliRun nothing = CliRun.of("lvs");
        assertEquals(3, nothing.exitCode());
        assertTrue(nothing.err().startsWith("lvstack: Missing required parameter: 'FILE' (or --pv DEVICE, --scan DIR)"),
                nothing.err());
        CliRun twoLvs = CliRun.of(with(single, "table", "root", "home"));
        assertEquals(3, twoLvs.exitCode());
        assertTrue(twoLvs.err().startsWith("lvstack: Unmatched argument: 'home' (only one LV)"), twoLvs.err());
    }

    @Test
    void severalVgsAreChosenWithVg() throws Exception {
        List<Path> all = new ArrayList<>(images("single"));
        all.addAll(images("multi"));
        CliRun r = CliRun.of(with(all, "vgs"));
        assertEquals(5, r.exitCode());
        assertTrue(r.err().startsWith("lvstack: the devices hold 2 VGs: vgd1 ("), r.err());
        CliRun chosen = CliRun.of(with(all, "vgs", "--vg", "vgd1", "-o", "vg_name,pv_count"));
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertEquals("  VG   #PV\n  vgd1   1\n", chosen.out());
        assertEquals(3, chosen.errLines().size(), "each device of vgd2 is named as skipped: " + chosen.err());
    }
}
