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
 * lvcreate's -V/--virtualsize, -T/--thin, --thinpool, -s/--snapshot and --type with LVM2's
 * meaning. With no plugin for thin or snapshot LVs loaded, lvcreate answers as an LVM2 built
 * without them: LVM2 2.03.16's {@code _lvcreate_params} picks the type from the options and says
 * {@code Unable to create LV with unknown segment type thin.} for a type it lacks; its option
 * parser says {@code Invalid argument for --type: foo} for an unknown --type (run on loop devices:
 * {@code lvcreate -an -L 4M --type foo vg}, after {@code WARNING: Unrecognised segment type foo},
 * followed by {@code Error during parsing of command line.}); both exit 3. LVM2 itself, which has
 * thin, answered {@code lvcreate -V 10G -n x vg} with {@code Please specify name of existing pool.}
 * (exit 3) and {@code lvcreate -V 10G -T vg/pool -n x} with {@code Pool pool not found in Volume
 * group vg.} (exit 5). Never a silent exit 0.
 */
class LvcreateTypesTest {
    private static final Path CORPUS = Path.of("../engine/src/test/resources/corpus/lvm2").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path copy() throws IOException {
        Path p = tmp.resolve("in.vg");
        Files.copy(CORPUS.resolve("holes.step1.vg"), p, StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    private void assertRefused(int status, String message, String... args) throws IOException {
        Path in = copy();
        byte[] before = Files.readAllBytes(in);
        // These cases are about types no loaded plugin provides: the thin, snapshot and cache plugins
        // are left out, as in the minimal distribution.
        String[] withoutThin = new String[args.length + 2];
        withoutThin[0] = args[0];
        withoutThin[1] = "-D";
        withoutThin[2] = "lvstack.segtypes.exclude=thin,thin-pool,snapshot,cache-pool,cache,writecache";
        System.arraycopy(args, 1, withoutThin, 3, args.length - 1);
        CliRun r = CliRun.withFile(in, withoutThin);
        assertEquals(List.of("lvstack: " + message), r.errLines(), String.join(" ", args));
        assertEquals("", r.out());
        assertEquals(status, r.exitCode(), message);
        assertArrayEquals(before, Files.readAllBytes(in));
        assertFalse(Files.exists(tmp.resolve("in.vg.archive")));
    }

    /** LVM2 2.03.16 (activation off, loop devices) refuses with these words and status 3; the file is untouched. */
    @Test
    void errorAndZeroTakeNoStripes() throws IOException {
        assertRefused(3, "Command does not accept option: --stripes 2.", "lvcreate", "--type", "error", "-L", "8M",
                "-i", "2", "-n", "e", "vg4");
        assertRefused(3, "Command does not accept option: --stripes 3.", "lvcreate", "--type", "zero", "-L", "8M",
                "-i", "3", "-n", "z", "vg4");
    }

    @Test
    void aVirtualSizeAsksForAThinLvWhichNoLoadedTypeMakes() throws IOException {
        String thin = "Unable to create LV with unknown segment type thin.";
        assertRefused(3, thin, "lvcreate", "-V", "10G", "-T", "vg4/pool", "-n", "x");
        assertRefused(3, thin, "lvcreate", "--virtualsize", "10G", "--thin", "vg4/pool", "-n", "x");
        assertRefused(3, thin, "lvcreate", "-V", "10G", "--thinpool", "pool", "-n", "x", "vg4");
        // a virtual size alone is global/sparse_segtype_default's type: thin
        assertRefused(3, thin, "lvcreate", "-V", "10G", "-n", "x", "vg4");
        // with -L too, LVM2 makes a thin pool and a thin LV in it
        assertRefused(3, thin, "lvcreate", "-V", "10G", "-L", "4M", "-n", "x", "vg4");
        // -s with -V is a sparse LV on a thin pool too; -s alone a snapshot
        assertRefused(3, thin, "lvcreate", "-s", "-V", "10G", "-L", "4M", "vg4");
        assertRefused(3, "Unable to create LV with unknown segment type snapshot.", "lvcreate", "-s", "-L", "4M",
                "vg4/v1");
        // the type is chosen before the name is looked at, as in LVM2
        assertRefused(3, thin, "lvcreate", "-V", "1G", "-n", "bad name", "vg4");
    }

    @Test
    void theVirtualSizeIsReadAsLvm2ReadsSizes() throws IOException {
        // LVM2: "Size may not be relative/signed." then this, exit 3
        assertRefused(3, "Invalid argument for --virtualsize: -1G", "lvcreate", "-V", "-1G", "-T", "vg4/pool", "-n",
                "x");
        // LVM2: "Size requires number argument." then this, exit 3
        assertRefused(3, "Invalid argument for --virtualsize: vg4", "lvcreate", "-L", "4M", "-n", "x", "-V", "vg4");
        // LVM2's command definitions give linear, striped and mirror LVs no virtual size
        assertRefused(3, "Command does not accept option: --virtualsize 1G.", "lvcreate", "-L", "4M", "-n", "x", "-V",
                "1G", "--type", "linear", "vg4");
        assertRefused(3, "Command does not accept option: --virtualsize 1G.", "lvcreate", "-L", "4M", "-n", "x", "-V",
                "1G", "--type", "striped", "vg4");
        assertRefused(3, "Command does not accept option: --virtualsize 1G.", "lvcreate", "-L", "4M", "-n", "x", "-V",
                "1G", "--type", "mirror", "-m1", "vg4");
    }

    @Test
    void aTypeNoPluginProvidesIsAnInvalidArgument() throws IOException {
        assertRefused(3, "Invalid argument for --type: foo", "lvcreate", "-L", "4M", "--type", "foo", "vg4");
        assertRefused(3, "Invalid argument for --type: thin", "lvcreate", "-V", "1G", "--type", "thin", "-n", "x",
                "vg4");
        assertRefused(3, "Invalid argument for --type: cache-pool", "lvcreate", "--type", "cache-pool", "-L", "4M",
                "vg4");
        // before the name: LVM2 refuses the option while it parses the command line
        assertRefused(3, "Invalid argument for --type: foo", "lvcreate", "-L", "4M", "-n", "bad name", "--type", "foo",
                "vg4");
        Path in = copy();
        CliRun r = CliRun.withFile(in, "lvcreate", "-L", "4M", "--type", "linear", "-n", "lin", "vg4");
        assertEquals(List.of("  Logical volume \"lin\" created."), r.outLines(), r.err());
    }

    @Test
    void versionIsNoSubcommandOption() throws IOException {
        Path in = copy();
        CliRun r = CliRun.withFile(in, "lvcreate", "--version");
        assertEquals(3, r.exitCode());
        assertEquals("lvstack: Unknown option: '--version'", r.errLines().get(0));
        r = CliRun.of("lvcreate", "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  -V, --virtualsize=SIZE    Virtual size of a thin LV or sparse snapshot, as in"
                + System.lineSeparator() + "                              LVM2."), r.out());
    }
}
