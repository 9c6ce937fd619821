package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared behaviour of the metadata-changing commands: files, archives, header, messages, errors. */
class MutationCommandsTest {
    private static final Path CORPUS = Path.of("../engine/src/test/resources/corpus/lvm2").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path copy(String name) throws IOException {
        Path p = tmp.resolve("in.vg");
        Files.copy(CORPUS.resolve(name), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    @Test
    void rewritesInPlaceKeepingTheOldVersionAsLvm2NamesArchives() throws IOException {
        Path in = copy("striped.step4.vg");
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.of("lvcreate", "-an", "-Zn", "-L", "10M", "-i", "2", "-n", "odd", "--file", in.toString(),
                "vg3");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("  Rounding up size to full physical extent 12.00 MiB",
                "  Using default stripesize 64.00 KiB.",
                "  Rounding size 12.00 MiB (3 extents) up to stripe boundary size 16.00 MiB (4 extents).",
                "  Logical volume \"odd\" created."), r.outLines());
        assertArrayEquals(before, Files.readAllBytes(tmp.resolve("in.vg.archive/vg3_00005.vg")));
        String after = Files.readString(in);
        assertTrue(after.contains("\ndescription = \"Created *after* executing 'lvcreate -an -Zn -L 10M -i 2 -n odd"
                + " vg3'\"\n"), after);
        assertTrue(after.contains("\tseqno = 6\n"), after);
        assertTrue(after.contains("\t\todd {\n"), after);
    }

    @Test
    void outputLeavesTheInputAlone() throws IOException {
        Path in = copy("attrs.step7.vg");
        byte[] before = Files.readAllBytes(in);
        Path out = tmp.resolve("out.vg");
        CliRun r = CliRun.of("lvrename", "vg5/ra", "vg5/renamed", "--file", in.toString(), "--output",
                out.toString());
        assertEquals(List.of("  Renamed \"ra\" to \"renamed\" in volume group \"vg5\""), r.outLines());
        assertArrayEquals(before, Files.readAllBytes(in));
        assertTrue(!Files.exists(tmp.resolve("in.vg.archive")));
        assertEquals(StepParityTest.comparable(Files.readString(CORPUS.resolve("attrs.step8.vg"))),
                StepParityTest.comparable(Files.readString(out)));
    }

    @Test
    void errorsAreOneLineExitOneAndChangeNothing() throws IOException {
        Path in = copy("holes.step11.vg");
        byte[] before = Files.readAllBytes(in);
        assertRefused(in, before, "lvstack: Failed to find logical volume \"vg4/nothere\"", "lvremove", "-f",
                "vg4/nothere");
        assertRefused(in, before, "lvstack: Volume group \"vg9\" not found", "lvcreate", "-L", "4M", "vg9");
        assertRefused(in, before, "lvstack: Physical Volume \"/dev/sdz\" not found in Volume Group \"vg4\".",
                "lvcreate", "-L", "4M", "vg4", "/dev/sdz");
        assertRefused(in, before, "lvstack: PE range error: start extent 2 to end extent 31.", "lvcreate", "-L",
                "4M", "vg4", "/dev/loop5:2-31");
        assertRefused(in, before, "lvstack: Volume group \"vg4\" has insufficient free space (75 extents): 256 required.",
                "lvcreate", "-L", "1G", "vg4");
        assertRefused(in, before, "lvstack: Please specify either size or extents but not both.", "lvcreate", "-L",
                "4M", "-l", "1", "vg4");
        assertRefused(in, before, "lvstack: Logical Volume \"v1\" already exists in volume group \"vg4\"",
                "lvcreate", "-L", "4M", "-n", "v1", "vg4");
    }

    /** A refused change: exit status 5, as LVM2's failed commands. */
    private void assertRefused(Path in, byte[] before, String message, String... args) throws IOException {
        assertRefused(5, in, before, message, args);
    }

    /** A file that cannot be changed (unreadable, or invalid): exit status 1, as for every command reading it. */
    private void assertFileRefused(Path in, byte[] before, String message, String... args) throws IOException {
        assertRefused(5, in, before, message, args);
    }

    private void assertRefused(int status, Path in, byte[] before, String message, String... args)
            throws IOException {
        CliRun r = CliRun.withFile(in, args);
        assertEquals(status, r.exitCode(), r.out() + r.err());
        assertEquals(List.of(message), r.errLines());
        assertArrayEquals(before, Files.readAllBytes(in));
        assertTrue(!Files.exists(tmp.resolve("in.vg.archive")));
    }

    /** LVM2 refuses to change a VG that fails its validation; lvstack names the count and the first error. */
    @Test
    void metadataWithCheckerErrorsIsNotChanged() throws IOException {
        Path in = copy("bad/imagesize.vg");
        byte[] before = Files.readAllBytes(in);
        assertFileRefused(in, before, "lvstack: " + in + ": refusing to change metadata with 2 errors (lvstack check " + in
                + " lists them); the first: vgx/m segment 1: LV m: mirrored LV segment 0 has wrong size 4 (should be"
                + " 2).", "lvcreate", "-L", "4M", "-n", "x", "vgx");
        in = copy("bad/dupid.vg");
        before = Files.readAllBytes(in);
        assertFileRefused(in, before, "lvstack: " + in + ": refusing to change metadata with 1 error (lvstack check " + in
                + " lists it); the first: vgx/good2: Duplicate LV id 8eR2Wy-2N8E-OHUY-Yl2c-lW2Z-5fai-RvMKpT detected"
                + " for good2 in vgx (also LV good).", "lvremove", "-f", "vgx/good");
    }

    @Test
    void aCommandThatChangesNothingWritesNothing() throws IOException {
        Path in = copy("alloc.step6.vg");
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.of("pvchange", "-xn", "/dev/loop6", "--file", in.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("  Physical volume \"/dev/loop6\" is already unallocatable.",
                "  Physical volume /dev/loop6 not changed", "  0 physical volumes changed / 1 physical volume not changed"),
                r.outLines());
        assertArrayEquals(before, Files.readAllBytes(in));
        assertTrue(!Files.exists(tmp.resolve("in.vg.archive")));
    }

    @Test
    void pvRangesLimitTheAllocation() throws IOException {
        Path in = copy("multiseg.step2.vg");
        CliRun r = CliRun.of("lvcreate", "-an", "-L", "16M", "-n", "c", "--file", in.toString(), "vg2",
                "/dev/loop6:20-21", "/dev/loop7:5");
        assertEquals(5, r.exitCode());
        assertEquals(List.of("lvstack: Insufficient free space: 4 extents needed, but only 3 available"),
                r.errLines());
        r = CliRun.of("lvcreate", "-an", "-L", "12M", "--alloc", "contiguous", "-n", "c", "--file", in.toString(),
                "vg2", "/dev/loop6:20-21", "/dev/loop7:5-6");
        assertEquals(5, r.exitCode());
        assertEquals(List.of("lvstack: Insufficient suitable contiguous allocatable extents for logical volume c: 3"
                + " more required"), r.errLines());
        r = CliRun.of("lvcreate", "-an", "-L", "8M", "-n", "c", "--file", in.toString(), "vg2", "/dev/loop6:20-21");
        assertEquals(0, r.exitCode(), r.err());
        String text = Files.readString(in);
        assertTrue(text.contains("\t\t\t\tstripes = [\n\t\t\t\t\t\"pv2\", 20\n\t\t\t\t]\n"), text);
    }
}
