package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the raid commands print and how they refuse, against what LVM2 2.03.16 printed for the same
 * commands of {@code ../shared/corpus/lvm2-vm} (its {@code lvm2.log}) and LVM2's words for the
 * refusals; the metadata they write is {@link VmStepParityTest}'s.
 */
class RaidCommandsTest {
    private static final Path VM = VmStepParityTest.VM;

    @TempDir
    Path tmp;

    private Path copy(String name) throws IOException {
        Path in = tmp.resolve(name);
        Files.copy(VM.resolve(name), in);
        return in;
    }

    private static List<String> ok(Path in, String... args) {
        CliRun r = CliRun.withFile(in, args);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        return r.outLines();
    }

    private static void refused(Path in, int status, String line, String... args) throws IOException {
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.withFile(in, args);
        assertEquals(status, r.exitCode(), r.out() + r.err());
        assertEquals(List.of("lvstack: " + line), r.errLines());
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    /** lvm2.log, case raid: the lines of lvcreate and lvextend of raid LVs. */
    @Test
    void createAndExtendSayWhatLvm2Says() throws IOException {
        Path in = copy("raid.step0.vg");
        assertEquals(List.of("  Logical volume \"r1\" created."), ok(in, "lvcreate", "-y", "--type", "raid1", "-m1", "-L",
                "16m", "-n", "r1", "vgr"));
        assertEquals(List.of("  Using default stripesize 64.00 KiB.", "  Logical volume \"r5\" created."), ok(in,
                "lvcreate", "-y", "--type", "raid5", "-i2", "-L", "16m", "-n", "r5", "vgr"));
        assertEquals(List.of("  Extending 2 mirror images.",
                "  Size of logical volume vgr/r1 changed from 16.00 MiB (4 extents) to 24.00 MiB (6 extents).",
                "  Logical volume vgr/r1 successfully resized."), ok(in, "lvextend", "-y", "-L", "+8m", "vgr/r1"));
        assertEquals(List.of("  Using stripesize of last segment 64.00 KiB",
                "  Size of logical volume vgr/r5 changed from 16.00 MiB (4 extents) to 24.00 MiB (6 extents).",
                "  Logical volume vgr/r5 successfully resized."), ok(in, "lvextend", "-y", "-L", "+8m", "vgr/r5"));
    }

    /** lvm2.log, case raidconv: the takeover's two warnings and the integrity lines. */
    @Test
    void conversionsSayWhatLvm2Says() throws IOException {
        Path st = copy("raidconv.step6.vg");
        assertEquals(List.of("  Replaced LV type raid5 (same as raid5_ls) with possible type raid5_n.",
                "  Repeat this command to convert to raid5 after an interim conversion has finished.",
                "  Logical volume vgc/st successfully converted."), ok(st, "lvconvert", "-y", "--type", "raid5", "vgc/st"));
        assertEquals(List.of("  Creating integrity metadata LV ri_rimage_0_imeta with size 8.00 MiB.",
                "  Logical volume \"ri_rimage_0_imeta\" created.",
                "  Creating integrity metadata LV ri_rimage_1_imeta with size 8.00 MiB.",
                "  Logical volume \"ri_rimage_1_imeta\" created.", "  Logical volume \"ri\" created."), ok(st, "lvcreate",
                "-y", "--type", "raid1", "-m1", "--raidintegrity", "y", "-L", "16m", "-n", "ri", "vgc"));
        assertEquals(List.of("  Logical volume vgc/ri has removed integrity."), ok(st, "lvconvert", "-y",
                "--raidintegrity", "n", "vgc/ri"));
    }

    @Test
    void refusalsAreLvm2sWordsAndStatus() throws IOException {
        Path in = copy("raid.vg");
        refused(in, 3, "Minimum of 3 stripes required for raid6.", "lvcreate", "-y", "--type", "raid6", "-i2", "-L",
                "8m", "-n", "bad", "vgr");
        refused(in, 5, "Reshape request failed on LV vgr/r5.", "lvconvert", "-y", "-m1", "vgr/r5");
        refused(in, 3, "--trackchanges requires --splitmirrors.", "lvconvert", "-y", "--trackchanges", "vgr/r1");
        refused(in, 5, "vgr/r1_rimage_1 cannot be merged because --trackchanges was not used.", "lvconvert", "-y",
                "--mergemirrors", "vgr/r1_rimage_1");
        refused(in, 5, "Can't remove logical volume vgr/r1_rmeta_0 used as RAID device.", "lvremove", "-y",
                "vgr/r1_rmeta_0");
        refused(in, 5, "Type raid1 LV vgr/r1x3 already has 3 images.", "lvconvert", "-y", "-m2", "vgr/r1x3");
    }
}
