package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lvstack.engine.format.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the packaged tool with SIGKILL while {@code lvcreate} rewrites a large VG in place, 200
 * times at seeded random moments: the file is always the complete old version or the complete new
 * one, the archive directory holds nothing or the complete old version, and a killed write leaves
 * at most one temporary file per name, which the next write removes. Half the kills are spread
 * over the whole run, half over its write phase (found by watching for the archive's temporary
 * file), which is otherwise a few percent of a run that is mostly the JVM starting and the parse.
 * The tool runs through the distribution's launcher (its JVM options) with a class-data archive
 * made by a first run, to keep 200 runs near a minute and a half.
 * {@code -Dlvstack.killtest.seed=S} replays a run; {@code -Dlvstack.killtest.runs=N} changes the count.
 */
class KillDuringWriteIT {
    private static final String VERSION = "0.1.0";
    private static final int LVS = 2000;
    private static final String ARCHIVE = "vgbig_00001.vg";
    private static final String[] LVCREATE = {"lvcreate", "-L", "4m", "-n", "killed", "vgbig", "--file"};

    @TempDir
    Path dir;

    private Path tool;
    /** LVSTACK_JAVA_OPTS for the tool's runs. */
    private String env = "";

    /** What one killed run left, by where the kill landed. */
    enum Landed {
        BEFORE_WRITING, WRITING_ARCHIVE, WRITING_FILE, AFTER_RENAME, FINISHED_FIRST
    }

    @Test
    void aKilledRewriteLeavesTheOldFileOrTheNewOneAndACompleteArchive() throws Exception {
        run(dir, "tar", "xzf", Path.of("target/lvstack-" + VERSION + "-full.tar.gz").toAbsolutePath().toString());
        tool = dir.resolve("lvstack-full-" + VERSION + "/bin/lvstack");
        Path work = Files.createDirectory(dir.resolve("work"));
        Path target = work.resolve("big.vg");
        Path archiveDir = work.resolve("big.vg.archive");
        assertEquals(0, run(work, tool.toString(), "generate", "--lvs", Integer.toString(LVS), "--seed", "1", "-o",
                target.toString()));
        byte[] original = Files.readAllBytes(target);

        // A class-data archive of the tool's classes, through the launcher's LVSTACK_JAVA_OPTS: it
        // cuts the JVM's start, most of each run, and changes nothing the tool does.
        Path jsa = dir.resolve("lvstack.jsa");
        restore(target, archiveDir, original);
        env = "-XX:ArchiveClassesAtExit=" + jsa;
        assertEquals(0, start(target).waitFor());
        env = Files.exists(jsa) ? "-XX:SharedArchiveFile=" + jsa : "";

        // Uninterrupted runs: the new version, the lifetime, and when the write phase begins.
        String reference = null;
        long[] lifetimes = new long[3];
        long[] writeStarts = new long[3];
        for (int i = 0; i < 3; i++) {
            restore(target, archiveDir, original);
            long start = System.nanoTime();
            Process p = start(target);
            writeStarts[i] = writePhase(archiveDir, Set.of(), p) - start;
            assertEquals(0, p.waitFor());
            lifetimes[i] = System.nanoTime() - start;
            String text = Files.readString(target);
            assertTrue(text.contains("\n\t\tkilled {\n"), "the reference run created the LV");
            reference = normalized(text);
        }
        Arrays.sort(lifetimes);
        Arrays.sort(writeStarts);
        long lifetime = lifetimes[1];
        // The write phase and the exit: a few percent of the run.
        long writeTail = Math.max(TimeUnit.MILLISECONDS.toNanos(5), lifetime - Math.min(writeStarts[1], lifetime));

        long seed = Long.getLong("lvstack.killtest.seed", System.nanoTime());
        int runs = Integer.getInteger("lvstack.killtest.runs", 200);
        System.out.printf("KillDuringWriteIT: seed %d (-Dlvstack.killtest.seed=%d replays it), %d runs, %d LVs"
                + " (%d bytes), lifetime %d ms, of which the write phase and exit %d ms%n", seed, seed, runs, LVS,
                original.length, lifetime / 1_000_000, writeTail / 1_000_000);
        Random random = new Random(seed);
        int[] landed = new int[Landed.values().length];
        restore(target, archiveDir, original);
        for (int i = 0; i < runs; i++) {
            Set<String> before = names(work, archiveDir);
            Process p = start(target);
            long delay;
            if (i % 2 == 0) {
                // Anywhere in the run's lifetime.
                delay = (long) (random.nextDouble() * lifetime);
            } else {
                // Anywhere from the write phase's start (the archive's temporary file) to the exit.
                writePhase(archiveDir, before, p);
                delay = (long) (random.nextDouble() * writeTail * 1.2);
            }
            TimeUnit.NANOSECONDS.sleep(delay);
            boolean finished = !p.isAlive();
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed process ended");
            String context = "run " + i + " (seed " + seed + ", kill " + delay / 1_000_000 + " ms after "
                    + (i % 2 == 0 ? "the start)" : "the write phase began)");
            Landed where = verify(target, archiveDir, original, reference, before, context);
            landed[finished ? Landed.FINISHED_FIRST.ordinal() : where.ordinal()]++;
            // The next run starts from the old version again; leftovers stay, for it to remove.
            Files.write(target, original);
            Files.deleteIfExists(archiveDir.resolve(ARCHIVE));
        }
        StringBuilder counts = new StringBuilder("KillDuringWriteIT: kills that landed:");
        for (Landed l : Landed.values()) {
            counts.append(' ').append(l.name().toLowerCase().replace('_', ' ')).append(' ').append(landed[l.ordinal()])
                    .append(',');
        }
        System.out.println(counts.substring(0, counts.length() - 1));

        // After all that, an uninterrupted run is not confused by what the kills left and removes it.
        Process last = start(target);
        assertEquals(0, last.waitFor());
        assertEquals(reference, normalized(Files.readString(target)));
        assertArrayEquals(original, Files.readAllBytes(archiveDir.resolve(ARCHIVE)));
        assertEquals(new TreeSet<>(List.of("big.vg", "big.vg.archive", "big.vg.archive/" + ARCHIVE)),
                names(work, archiveDir));
    }

    /**
     * Checks the state a kill left and says where it landed. {@code before} are the names present
     * before the run, so a temporary file the run made is told from one an earlier run left.
     */
    private static Landed verify(Path target, Path archiveDir, byte[] original, String reference, Set<String> before,
            String context) throws IOException {
        byte[] now = Files.readAllBytes(target);
        boolean isOld = Arrays.equals(original, now);
        if (!isOld && !reference.equals(normalized(new String(now, StandardCharsets.UTF_8)))) {
            fail(context + ": the file is neither the old version nor the new one (" + now.length + " bytes)");
        }
        boolean archived = Files.exists(archiveDir.resolve(ARCHIVE));
        if (archived) {
            assertArrayEquals(original, Files.readAllBytes(archiveDir.resolve(ARCHIVE)), context + ": the archive");
        }
        int fileTemps = 0;
        int archiveTemps = 0;
        boolean newArchiveTemp = false;
        for (String name : names(target.getParent(), archiveDir)) {
            if (name.equals("big.vg") || name.equals("big.vg.archive") || name.equals("big.vg.archive/" + ARCHIVE)) {
                continue;
            }
            if (name.startsWith("big.vg.archive/") && AtomicFile.isTemporaryFor(ARCHIVE, name.substring(15))) {
                archiveTemps++;
                newArchiveTemp |= !before.contains(name);
            } else if (AtomicFile.isTemporaryFor("big.vg", name)) {
                fileTemps++;
            } else {
                fail(context + ": unexpected " + name);
            }
        }
        // Each write removes the leftovers of its name first: they never pile up.
        assertTrue(fileTemps <= 1 && archiveTemps <= 1, context + ": leftovers pile up: " + before);
        if (!isOld) {
            assertTrue(archived, context + ": the file was replaced before the archive was complete");
            assertEquals(0, fileTemps + archiveTemps, context + ": a complete run left a temporary file");
            return Landed.AFTER_RENAME;
        }
        if (archived) {
            assertEquals(0, archiveTemps, context + ": the archive was written and its temporary file kept");
            return Landed.WRITING_FILE;
        }
        return newArchiveTemp ? Landed.WRITING_ARCHIVE : Landed.BEFORE_WRITING;
    }

    /** The new version with what differs from run to run masked: the header's time, the new LV's id and time. */
    static String normalized(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inNewLv = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals("\t\tkilled {")) {
                inNewLv = true;
            } else if (inNewLv && line.equals("\t\t}")) {
                inNewLv = false;
            }
            boolean varies = line.startsWith("# Generated by lvstack ") || line.startsWith("creation_time = ")
                    || inNewLv && (line.startsWith("\t\t\tid = ") || line.startsWith("\t\t\tcreation_time = "));
            out.append(varies ? line.substring(0, line.indexOf(line.startsWith("#") ? ":" : "=") + 1) + " *" : line)
                    .append('\n');
        }
        return out.toString();
    }

    private static void restore(Path target, Path archiveDir, byte[] original) throws IOException {
        Files.write(target, original);
        Files.deleteIfExists(archiveDir.resolve(ARCHIVE));
    }

    private Process start(Path target) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(tool.toString()));
        cmd.addAll(List.of(LVCREATE));
        cmd.add(target.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LVSTACK_JAVA_OPTS", env);
        return pb.start();
    }

    /**
     * Waits until a new entry appears in {@code archiveDir} (the write phase begins: the archive's
     * temporary file) or the process ends; returns when, as {@link System#nanoTime}.
     */
    private static long writePhase(Path archiveDir, Set<String> before, Process p) throws Exception {
        while (p.isAlive()) {
            if (Files.isDirectory(archiveDir)) {
                try (Stream<Path> s = Files.list(archiveDir)) {
                    if (s.anyMatch(e -> !before.contains("big.vg.archive/" + e.getFileName()))) {
                        return System.nanoTime();
                    }
                }
            }
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    /** The names in the target's directory and its archive directory, the latter as {@code big.vg.archive/NAME}. */
    private static Set<String> names(Path work, Path archiveDir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(work)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        if (Files.isDirectory(archiveDir)) {
            try (Stream<Path> s = Files.list(archiveDir)) {
                s.forEach(p -> names.add("big.vg.archive/" + p.getFileName()));
            }
        }
        return names;
    }

    private static int run(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + Arrays.toString(command));
        return p.exitValue();
    }
}
