package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Lvm2Acceptance;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.MetadataFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lvconvert of caches through the tool, where the lvm2-vm corpus and the lab case cacheops do not
 * say what LVM2 does: detaching a cache or writecache undoes its attaching (the result is LVM2's
 * file from before the attach, ids and times aside), lvstack's refusals where LVM2 would write a
 * cache back through device-mapper, LVM2's unanswered questions and its refusals of bad values.
 */
class CacheCommandsTest {
    private static final Path VM = Path.of("../../shared/corpus/lvm2-vm").toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    private int copies;

    /** A copy of {@code cache.STEP.vg} of its own. */
    private Path copy(String step) throws IOException {
        Path p = tmp.resolve(step + "-" + copies++ + ".vg");
        Files.copy(VM.resolve("cache." + step + ".vg"), p);
        return p;
    }

    /** The VG section without seqno, ids, times and hosts; the file checks clean and goes to LVM2 (-Plvm2). */
    private static String result(Path file, String name) throws IOException {
        String text = Files.readString(file);
        assertEquals(List.of(), Checker.check(new MetadataFormat(Lvstack.engine()).read(file).vg()).problems());
        Lvm2Acceptance.check("cli-cache-" + name, text);
        return VmStepParityTest.normalized(text);
    }

    private static String lvm2(String step) throws IOException {
        return VmStepParityTest.normalized(Files.readString(VM.resolve("cache." + step + ".vg")));
    }

    private static void refused(Path in, int status, String message, String... args) throws IOException {
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.withFile(in, args);
        assertEquals(status, r.exitCode(), r.out() + r.err());
        assertEquals(List.of("lvstack: " + message), r.errLines());
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    /** --splitcache of step 6's cachevol cache gives step 5 back: fast2 visible, linear, no CACHE_VOL. */
    @Test
    void splittingACachevolUndoesItsAttaching() throws IOException {
        Path in = copy("step6");
        CliRun r = CliRun.withFile(in, "lvconvert", "-y", "--splitcache", "vgk/slow2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("  Logical volume vgk/slow2 is not cached and vgk/fast2 is unused."), r.outLines());
        assertEquals(lvm2("step5"), result(in, "splitcachevol"));
    }

    /**
     * A writecache is detached offline only with --force (LVM2 writes it back through the kernel,
     * or with --force on an inactive LV does not): step 9 gives step 8 back, and --uncache step 7.
     */
    @Test
    void aWritecacheIsDetachedOnlyWithForce() throws IOException {
        Path in = copy("step9");
        refused(in, 5, "Cannot flush the writecache of vgk/slow3 without device-mapper: LVM2 activates it to write the"
                + " cache back first, which lvstack cannot do; --force detaches it without writing back, as LVM2 does"
                + " for an inactive LV.", "lvconvert", "-y", "--splitcache", "vgk/slow3");
        CliRun r = CliRun.withFile(in, "lvconvert", "-y", "--force", "--splitcache", "vgk/slow3");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("  WARNING: Data may be lost by detaching writecache without flushing.",
                "  Logical volume vgk/slow3 writecache has been detached."), r.outLines());
        assertEquals(lvm2("step8"), result(in, "splitwritecache"));

        Path again = copy("step9");
        r = CliRun.withFile(again, "lvconvert", "-y", "-f", "--uncache", "vgk/slow3");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("  WARNING: Data may be lost by detaching writecache without flushing.",
                "  Logical volume vgk/slow3 writecache has been detached.",
                "  Logical volume \"fast3\" successfully removed."), r.outLines());
        assertEquals(lvm2("step7"), result(again, "uncachewritecache"));
    }

    /** A writeback cache holds data its origin lacks: offline, it is neither split off nor removed. */
    @Test
    void aWritebackCacheIsNotDetachedOffline() throws IOException {
        Path in = tmp.resolve("writeback.vg");
        String step12 = Files.readString(VM.resolve("cache.step12.vg"));
        String writeback = step12.replace("type = \"cache-pool+METADATA_FORMAT\"\n\t\t\t\tdata = \"cpool4_cpool_cdata\""
                + "\n\t\t\t\tmetadata = \"cpool4_cpool_cmeta\"\n\t\t\t\tmetadata_format = 2\n\t\t\t\tchunk_size = 128\n"
                + "\t\t\t\tcache_mode = \"writethrough\"", "type = \"cache-pool+METADATA_FORMAT\"\n\t\t\t\tdata = "
                + "\"cpool4_cpool_cdata\"\n\t\t\t\tmetadata = \"cpool4_cpool_cmeta\"\n\t\t\t\tmetadata_format = 2\n"
                + "\t\t\t\tchunk_size = 128\n\t\t\t\tcache_mode = \"writeback\"");
        assertEquals(false, writeback.equals(step12));
        Files.writeString(in, writeback);
        String why = "Cannot flush the cache of vgk/slow4 without device-mapper: LVM2 activates it to write the writeback"
                + " cache back to vgk/slow4 first, which lvstack cannot do.";
        refused(in, 5, why, "lvconvert", "-y", "--splitcache", "vgk/slow4");
        refused(in, 5, why, "lvconvert", "-y", "--uncache", "vgk/slow4");
        refused(in, 5, why, "lvconvert", "-y", "--splitcache", "vgk/cpool4_cpool");
    }

    /** Without -y LVM2 asks before it wipes a pool or a cachevol; no one answers, so nothing changes. */
    @Test
    void unansweredQuestionsAbortTheConversion() throws IOException {
        Path in = copy("step2");
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.withFile(in, "lvconvert", "--type", "cache", "--cachepool", "vgk/cpool", "vgk/slow");
        assertEquals(5, r.exitCode());
        assertEquals(List.of("  Do you want wipe existing metadata of cache pool vgk/cpool? [y/n]: [n]",
                "  To preserve cache metadata add option \"--zero n\".",
                "  WARNING: Reusing mismatched cache pool metadata MAY DESTROY YOUR DATA!"), r.outLines());
        assertEquals(List.of("lvstack: Conversion aborted."), r.errLines());
        assertArrayEquals(before, Files.readAllBytes(in));

        Path five = copy("step5");
        r = CliRun.withFile(five, "lvconvert", "--type", "writecache", "--cachevol", "vgk/fast2", "vgk/slow2");
        assertEquals(5, r.exitCode());
        assertEquals(List.of("  Erase all existing data on vgk/fast2? [y/n]: [n]"), r.outLines());
        assertEquals(List.of("lvstack: Conversion aborted."), r.errLines());
    }

    /** LVM2 refuses bad option values before it changes anything (a bad command line: 3; a bad size: 5). */
    @Test
    void badCacheOptionsAreRefusedInLvm2sWords() throws IOException {
        Path in = copy("step2");
        refused(in, 3, "Invalid argument for --cachemode: bogus", "lvconvert", "-y", "--type", "cache", "--cachepool",
                "vgk/cpool", "--cachemode", "bogus", "vgk/slow");
        refused(in, 3, "Invalid argument for --cachemetadataformat: 3", "lvconvert", "-y", "--type", "cache",
                "--cachepool", "vgk/cpool", "--cachemetadataformat", "3", "vgk/slow");
        refused(in, 5, "Cache chunk size 100.00 KiB must be a multiple of 32.00 KiB.", "lvconvert", "-y", "--type",
                "cache", "--cachepool", "vgk/cpool", "-c", "100k", "vgk/slow");
        refused(in, 5, "Cache mode \"writeback\" is not compatible with cache policy \"cleaner\".", "lvconvert", "-y",
                "--type", "cache", "--cachepool", "vgk/cpool", "--cachemode", "writeback", "--cachepolicy", "cleaner",
                "vgk/slow");
        // LVM2 2.03.16 has no --cachevol without --type (lab case cacheops, made with it)
        refused(in, 3, "No command with matching syntax recognised.  Run 'lvconvert --help' for more information.",
                "lvconvert", "-y", "--cachevol", "vgk/cpool", "vgk/slow");
        refused(in, 5, "Please use a single volume group name (\"other\" or \"vgk\").", "lvconvert", "-y", "--type",
                "cache", "--cachepool", "other/cpool", "vgk/slow");
        // LVM2 would make a cache pool of a linear LV first, which lvstack does not
        refused(in, 5, "LV vgk/slow is no cache pool: make one with lvcreate --type cache-pool (lvstack does not"
                + " convert an LV into a cache pool).", "lvconvert", "-y", "--type", "cache", "--cachepool", "vgk/slow",
                "vgk/cpool_cdata");
    }
}
