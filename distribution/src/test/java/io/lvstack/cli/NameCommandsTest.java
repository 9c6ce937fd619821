package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lvcreate, lvrename, lvconvert and check on LV names, as real LVM2 2.03.16 answers. What LVM2
 * said was recorded by running it on loop devices with activation off (../shared/docs/lvm2-lab.md):
 * {@code lvcreate -an -Zn -L 4M -n NAME vg} and {@code lvrename vg lv NAME} in a fresh VG
 * {@code vg}, and lvm2-oracle (vgcfgrestore) on files holding such LVs. LVM2 follows each refusal
 * of a command line with {@code Run `lvcreate --help' for more information.} and exits 3
 * (EINVALID_CMD_LINE); a command that fails on the VG exits 5 (ECMD_FAILED). Here the VG is
 * {@code vg4}, so lengths that depend on the VG name's are shifted by one from the lab's.
 */
class NameCommandsTest {
    private static final Path CORPUS = Path.of("../engine/src/test/resources/corpus/lvm2").toAbsolutePath();
    private static final String L200 = "a".repeat(200);

    @TempDir
    Path tmp;

    private Path copy(String name) throws IOException {
        Path p = tmp.resolve("in.vg");
        Files.copy(CORPUS.resolve(name), p, StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    /** Refused with {@code message} and {@code status}; the file's bytes unchanged, nothing archived. */
    private void assertRefused(Path in, int status, String message, String... args) throws IOException {
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.withFile(in, args);
        assertEquals(List.of("lvstack: " + message), r.errLines(), String.join(" ", args));
        assertEquals("", r.out());
        assertEquals(status, r.exitCode(), message);
        assertArrayEquals(before, Files.readAllBytes(in));
        assertFalse(Files.exists(tmp.resolve("in.vg.archive")));
    }

    /**
     * {@code cases} and the reserved names both commands refuse with the same words: LVM2's
     * prefixes, and its component strings whatever types are loaded.
     */
    private static String[][] withReserved(String[][] cases) {
        String[][] reserved = {
            {"snapshot", reservedPrefix("snapshot")},
            {"snapshot1", reservedPrefix("snapshot")},
            {"pvmove0", reservedPrefix("pvmove")},
            {"foo_mlog", reserved("_mlog")},
            {"foo_mimage_0", reserved("_mimage")},
            {"foo_rimage_1", reserved("_rimage")},
            {"foo_tmeta", reserved("_tmeta")},
            {"foo_cdata", reserved("_cdata")},
            {"lvol0_pmspare", reserved("_pmspare")},
        };
        return java.util.stream.Stream.concat(java.util.Arrays.stream(cases), java.util.Arrays.stream(reserved))
                .toArray(String[][]::new);
    }

    private static String reservedPrefix(String word) {
        return "Names starting \"" + word + "\" are reserved. Please choose a different LV name.";
    }

    private static String reserved(String word) {
        return "Names including \"" + word + "\" are reserved. Please choose a different LV name.";
    }

    @Test
    void lvcreateRefusesBadAndReservedNamesAsLvm2() throws IOException {
        Path in = copy("holes.step1.vg");
        String[][] cases = {
            {"bad name", "Logical volume name \"bad name\" is invalid."},
            // LVM2 reads -n x/y as VG x, LV y
            {"x/y", "Inconsistent volume group names given: \"x\" and \"vg4\""},
            {"x/y/z", "\"x/y/z\": Invalid path for Logical Volume."},
            {"a\"b", "Logical volume name \"a\"b\" is invalid."},
            {".", "Logical volume name \".\" is invalid."},
            {"..", "Logical volume name \"..\" is invalid."},
            {"-x", "Logical volume name \"-x\" is invalid."},
            {"", "Logical volume name \"\" is invalid."},
            {"\u00e9", "Logical volume name \"\u00e9\" is invalid."},
            {L200, "Logical volume name \"" + L200 + "\" is invalid."},
            {"a".repeat(128), "Logical volume name \"" + "a".repeat(128) + "\" is invalid."},
            {"x_vorigin", reserved("_vorigin")},
            {"_mlog_pvmove", reserved("_mlog")},
        };
        for (String[] c : withReserved(cases)) {
            assertRefused(in, 3, c[1], "lvcreate", "-an", "-Zn", "-L", "4M", "--name=" + c[0], "vg4");
        }
        // the name is checked before the VG is looked for, and for mirrors too
        assertRefused(in, 3, "Logical volume name \"bad name\" is invalid.", "lvcreate", "-L", "4M", "-n", "bad name",
                "nosuch");
        assertRefused(in, 3, reservedPrefix("snapshot"), "lvcreate", "-L", "4M", "-n", "snapshot", "nosuch");
        assertRefused(in, 3, "Logical volume name \"bad name\" is invalid.", "lvcreate", "--type", "mirror", "-m1",
                "-L", "4M", "-n", "bad name", "vg4");
        assertRefused(in, 3, reserved("_mlog"), "lvcreate", "--type", "mirror", "-m1", "-L", "4M", "-n", "m_mlog",
                "vg4");
        // LVM2 (VG vg, -n <127 e>): Internal error: LV name "vg/eee..." length 132 is not supported. exit 5
        String d123 = "d".repeat(123);
        assertRefused(in, 5, "Internal error: LV name \"vg4/" + d123 + "\" length 129 is not supported.", "lvcreate",
                "-L", "4M", "-n", d123, "vg4");
        String e127 = "e".repeat(127);
        assertRefused(in, 5, "Internal error: LV name \"vg4/" + e127 + "\" length 133 is not supported.", "lvcreate",
                "-L", "4M", "-n", e127, "vg4");
        // and for a mirror's images, named after it: LVM2 (VG vg, in a VM with device-mapper) printed
        // "Internal error: LV name "vg/mmm..._mimage_0" length 130 is not supported." for 116 m's
        // (after display warnings "Full LV name ... is too long."), then the same for _mimage_1,
        // "Failed to initialise mirror log.", exit 5, and left an LV mmm..._mlog behind
        String m116 = "m".repeat(116);
        assertRefused(in, 5, "Internal error: LV name \"vg4/" + m116 + "_mimage_0\" length 131 is not supported.",
                "lvcreate", "--type", "mirror", "-m1", "-L", "4M", "-n", m116, "vg4");
    }

    @Test
    void lvcreateReadsTheVgFromTheNameOrTheArgumentAsLvm2() throws IOException {
        Path in = copy("holes.step1.vg");
        assertRefused(in, 3, "Volume group name expected (no slash)", "lvcreate", "-L", "4M", "-n", "x", "vg4/x");
        assertRefused(in, 3, "Volume group name bad vg has invalid characters", "lvcreate", "-L", "4M", "-n", "x",
                "bad vg");
        assertRefused(in, 3, "Volume group name bad vg has invalid characters", "lvcreate", "-L", "4M", "-n",
                "bad vg/x");
        assertRefused(in, 3, "No command with matching syntax recognised.  Run 'lvcreate --help' for more"
                + " information.", "lvcreate", "-L", "4M", "-n", "ok");
        assertRefused(in, 3, "Inconsistent volume group names given: \"other\" and \"vg4\"", "lvcreate", "-L", "4M",
                "-n", "other/y", "vg4");
        // LVM2 exits 5 here ("Volume group "nosuch" not found", "Cannot process volume group nosuch")
        assertRefused(in, 5, "Volume group \"nosuch\" not found", "lvcreate", "-L", "4M", "-n", "x", "nosuch");
        CliRun r = CliRun.withFile(in, "lvcreate", "-an", "-Zn", "-L", "4M", "-n", "vg4/ok2");
        assertEquals(List.of("  Logical volume \"ok2\" created."), r.outLines(), r.err());
        r = CliRun.withFile(in, "lvcreate", "-L", "4M", "-n", "/dev/vg4/ok3", "/dev/vg4");
        assertEquals(List.of("  Logical volume \"ok3\" created."), r.outLines(), r.err());
        r = CliRun.withFile(in, "lvcreate", "-L", "4M", "-n", "a.b+c-d_e", "vg4");
        assertEquals(List.of("  Logical volume \"a.b+c-d_e\" created."), r.outLines(), r.err());
        String b121 = "b".repeat(121);
        r = CliRun.withFile(in, "lvcreate", "-L", "4M", "-n", b121, "vg4");
        assertEquals(List.of("  Logical volume \"" + b121 + "\" created."), r.outLines(), r.err());
        CliRun check = CliRun.of("check", in.toString());
        assertEquals(0, check.exitCode(), check.out());
    }

    @Test
    void lvrenameRefusesBadAndReservedNamesAsLvm2() throws IOException {
        Path in = copy("holes.step1.vg");
        String[][] cases = {
            {"bad name", "New logical volume name \"bad name\" is invalid"},
            {"x/y", "Logical volume names must have the same volume group (\"vg4\" or \"x\")"},
            {"a\"b", "New logical volume name \"a\"b\" is invalid"},
            {".", "New logical volume name \".\" is invalid"},
            {"..", "New logical volume name \"..\" is invalid"},
            {" ", "New logical volume name \" \" is invalid"},
            {"\u00e9", "New logical volume name \"\u00e9\" is invalid"},
            {L200, "New logical volume name \"" + L200 + "\" may not exceed 122 characters."},
            {"c".repeat(123), "New logical volume name \"" + "c".repeat(123) + "\" may not exceed 122 characters."},
            {"", "New logical volume name may not be blank"},
            {"v1", "Old and new logical volume names must differ"},
        };
        for (String[] c : withReserved(cases)) {
            assertRefused(in, 3, c[1], "lvrename", "vg4", "v1", c[0]);
        }
        assertRefused(in, 3, reserved("_mlog"), "lvrename", "vg4/v1", "vg4/foo_mlog");
        assertRefused(in, 3, "New logical volume name \"bad name\" is invalid", "lvrename", "vg4/v1", "bad name");
        assertRefused(in, 3, "New logical volume name may not be blank", "lvrename", "vg4/v1", "vg4/");
        assertRefused(in, 3, "Logical volume names must have the same volume group (\"vg4\" or \"other\")",
                "lvrename", "vg4/v1", "other/x");
        // before the LV is looked for
        assertRefused(in, 3, "New logical volume name \"bad name\" is invalid", "lvrename", "vg4", "nosuch",
                "bad name");
        // VG-LV of 128 passes the command line and fails at the write (LVM2: vg/ and 123 characters)
        String c122 = "c".repeat(122);
        assertRefused(in, 5, "Internal error: LV name \"vg4/" + c122 + "\" length 128 is not supported.",
                "lvrename", "vg4", "v1", c122);
        // LVM2 exits 5 for these
        assertRefused(in, 5, "Existing logical volume \"nosuch\" not found in volume group \"vg4\"", "lvrename",
                "vg4", "nosuch", "ok");
    }

    @Test
    void lvrenameReadsItsArgumentsAsLvm2() throws IOException {
        Path in = copy("holes.step1.vg");
        assertRefused(in, 3, "Path required for Logical Volume \"v1\".", "lvrename", "v1", "x");
        assertRefused(in, 3, "Please provide a valid volume group name", "lvrename", "bad vg", "v1", "x");
        assertRefused(in, 3, "Please use a single volume group name (\"vg4\" or \"x\")", "lvrename", "vg4", "x/v1",
                "y");
        assertRefused(in, 3, "No command with matching syntax recognised.  Run 'lvrename --help' for more"
                + " information.", "lvrename", "vg4/v1");
        assertRefused(in, 3, "Command does not accept argument: y.", "lvrename", "vg4", "v1", "x", "y");
        // LVM2 prints this and then renames v1 to z, exiting 0: lvstack refuses
        assertRefused(in, 3, "\"x/y/z\": Invalid path for Logical Volume.", "lvrename", "vg4/v1", "x/y/z");
        // LVM2 names a historical (removed) LV -LV
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.of("lvrename", "--file", in.toString(), "vg4", "v1", "--", "-x");
        assertEquals(List.of("lvstack: Old name references live LV while new name is for historical LV."),
                r.errLines());
        assertEquals(3, r.exitCode());
        r = CliRun.of("lvrename", "--file", in.toString(), "--", "vg4", "-old", "new");
        assertEquals(List.of("lvstack: Existing historical logical volume \"old\" not found in volume group \"vg4\""),
                r.errLines());
        assertEquals(5, r.exitCode());
        assertArrayEquals(before, Files.readAllBytes(in));
        r = CliRun.withFile(in, "lvrename", "/dev/vg4/v1", "vg4//a.b+c-d_e");
        assertEquals(List.of("  Renamed \"v1\" to \"a.b+c-d_e\" in volume group \"vg4\""), r.outLines(), r.err());
        String c121 = "c".repeat(121);
        r = CliRun.withFile(in, "lvrename", "vg4", "a.b+c-d_e", c121);
        assertEquals(List.of("  Renamed \"a.b+c-d_e\" to \"" + c121 + "\" in volume group \"vg4\""), r.outLines(),
                r.err());
        assertEquals(0, CliRun.of("check", in.toString()).exitCode());
    }

    /** lvrename vgm3 db NEW, LVM2 on the restored mirror_3way.vg (db, db_mimage_0..2, db_mlog). */
    @Test
    void lvrenameOfAMirrorChecksItsSubLvsNewNames() throws IOException {
        Path in = copy("mirror_3way.vg");
        String x121 = "x".repeat(121);
        assertRefused(in, 5, "Cannot rename \"db_mimage_0\". New logical volume name \"" + x121
                + "_mimage_0\" is invalid.", "lvrename", "vgm3", "db", x121);
        String x116 = "x".repeat(116);
        assertRefused(in, 5, "Internal error: LV name \"vgm3/" + x116 + "_mimage_0\" length 132 is not supported.",
                "lvrename", "vgm3", "db", x116);
        // LVM2 exits 5
        assertRefused(in, 5, "Cannot rename internal LV \"db_mlog\".", "lvrename", "vgm3", "db_mlog", "newlog");
        CliRun r = CliRun.withFile(in, "lvrename", "vgm3", "db", "y".repeat(111));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(in).contains("\t\t" + "y".repeat(111) + "_mlog {\n"));
    }

    @Test
    void lvconvertChecksTheSplitOffLegsName() throws IOException {
        Path in = copy("mirror_3way.vg");
        // LVM2: lvconvert --splitmirrors 1 -n 'bad name' vg/lv, before it looks at the LV, exit 3
        assertRefused(in, 3, "Logical volume name \"bad name\" is invalid.", "lvconvert", "--splitmirrors", "1", "-n",
                "bad name", "vgm3/db");
        assertRefused(in, 3, reserved("_mlog"), "lvconvert", "--splitmirrors", "1", "-n", "foo_mlog", "vgm3/db");
        assertRefused(in, 3, "\"a/b/c\": Invalid path for Logical Volume.", "lvconvert", "--splitmirrors", "1", "-n",
                "a/b/c", "vgm3/db");
        CliRun r = CliRun.withFile(in, "lvconvert", "--splitmirrors", "1", "-n", "vgm3/split", "vgm3/db");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(in).contains("\t\tsplit {\n"));
    }

    /** A generated VG is named as vgcreate names one (LVM2: vgcreate 'bad vg' PV, exit 3). */
    @Test
    void generateNamesItsVgAsVgcreate() {
        Path out = tmp.resolve("g.vg");
        CliRun r = CliRun.of("generate", "--vg", "bad vg", "--lvs", "2", "--seed", "1", "-o", out.toString());
        assertEquals(List.of("lvstack: New volume group name \"bad vg\" is invalid. Name contains invalid character,"
                + " valid set includes: [a-zA-Z0-9.-_+]."), r.errLines());
        assertEquals(3, r.exitCode());
        assertFalse(Files.exists(out));
    }

    /**
     * lvm2-oracle restored holes.step1.vg with its LV v1 renamed in the text: LVM2 accepted each
     * reserved name ({@code Restored volume group vg4.}) and refused {@code .} with {@code Internal
     * error: LV name . has invalid form.} ({@code Restore failed.}, exit 5).
     */
    @Test
    void checkGivesLvm2sRestoreVerdictOnNames() throws IOException {
        String text = Files.readString(CORPUS.resolve("holes.step1.vg"));
        for (String name : List.of("snapshot", "snapshot1", "pvmove0", "foo_mlog", "foo_mimage_0", "foo_rimage_1",
                "foo_tmeta", "foo_cdata", "lvol0_pmspare", "a.b+c-d_e")) {
            Path f = Files.writeString(tmp.resolve(name + ".vg"), text.replace("\t\tv1 {", "\t\t" + name + " {"));
            CliRun r = CliRun.of("check", f.toString());
            assertEquals("", r.out() + r.err(), name);
            assertEquals(0, r.exitCode(), name);
        }
        Path dot = Files.writeString(tmp.resolve("dot.vg"), text.replace("\t\tv1 {", "\t\t. {"));
        CliRun r = CliRun.of("check", dot.toString());
        assertEquals(List.of("error: vg4/.: LV name . has invalid form. Name starts with . or .. and has no following"
                + " character(s)."), r.outLines());
        assertEquals(5, r.exitCode());
    }
}
