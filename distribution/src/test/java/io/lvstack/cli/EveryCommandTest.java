package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the tool, with sensible arguments, on every file of both LVM2 corpora (accepted
 * files, steps and {@code bad/}), once with all plugins and once with only linear and striped (the
 * minimal distribution's types): no run ends in an internal error, an exception's name or a stack
 * trace; a command that changes metadata exits 0, or 5 (LVM2's failure status) with one line:
 * naming the file when the file cannot be read or is invalid; a command that reads exits 0 or 5. Results go to a temporary directory; the corpus files are compared before
 * and after. Every reading, VG and PV command runs on each accepted {@code NAME.vg} file, each
 * LV of it gets one of the LV commands in turn, a {@code bad/} file gets the reading commands and
 * two changes, and a step file a rotating share of all commands; so each command meets many
 * states of the cases while the runs stay a few thousand (two threads, about half a minute).
 */
class EveryCommandTest {
    private static final Path LVM2 = Path.of("../engine/src/test/resources/corpus/lvm2").toAbsolutePath();
    /** The corpus LVM2 wrote with device-mapper (thin, raid, cache, snapshots), beside the clone. */
    private static final Path VM = Path.of("../../shared/corpus/lvm2-vm").toAbsolutePath();
    private static final List<String> LOADS = List.of("*", "linear,striped");
    /** Read-only commands: 0, or 1 when the input cannot be read or reported. */
    private static final Set<String> READERS = Set.of("lvs", "pvs", "vgs", "check", "fmt", "table", "graph",
            "segtypes", "config", "generate", "plugins", "cds-training");
    private static final Pattern JAVA = Pattern.compile(
            "(?i:internal error)|\\bat [a-z]+\\.[\\w.$]+\\(|[A-Z][A-Za-z]*(Exception|Error)\\b|java\\.[a-z]+\\.");
    /** Per step file: how many commands of the rotation it gets. */
    private static final int PER_STEP = 3;
    /** Replaced by a file of the running thread's own in the temporary directory. */
    private static final String OUT = "@OUT@";

    @TempDir
    Path tmp;

    private int rotation;

    /** One run: the plugin set, the file's facts (null for commands without a file), the arguments. */
    private record Job(String load, Target target, List<String> command) {
    }

    /** What the test needs to know of a file, read with the engine (names made up when it cannot be read). */
    private record Target(Path file, String vg, List<String> lvs, String pv, boolean valid, List<String> warnings) {
    }

    @Test
    void noCommandEndsInAnInternalErrorOnAnyCorpusFile() throws IOException {
        List<Path> files = new ArrayList<>(Corpus.vgFiles(LVM2));
        files.addAll(Corpus.vgFiles(LVM2.resolve("bad")));
        if (Files.isDirectory(VM)) {
            files.addAll(Corpus.vgFiles(VM));
            files.addAll(Corpus.vgFiles(VM.resolve("bad")));
        }
        Map<Path, byte[]> before = new LinkedHashMap<>();
        for (Path f : files) {
            before.put(f, Files.readAllBytes(f));
        }
        List<Job> jobs = new ArrayList<>();
        for (String load : LOADS) {
            MetadataFormat format = new MetadataFormat(Lvstack.builder().set("lvstack.segtypes.load", load).build());
            for (List<String> c : global()) {
                jobs.add(new Job(load, null, c));
            }
            for (Path f : files) {
                Target t = target(format, f);
                for (List<String> c : chosen(t)) {
                    jobs.add(new Job(load, t, c));
                }
            }
        }
        List<String> failures = runAll(jobs);
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " was changed");
        }
        assertEquals(List.of(), failures, failures.size() + " of " + jobs.size() + " runs went wrong");
        assertTrue(jobs.size() >= files.size() * LOADS.size() * PER_STEP, jobs.size() + " runs");
    }

    /**
     * The runs are independent (each has its own engine and writers), so two threads share them;
     * not the common fork-join pool, which the tool itself uses to assemble its engine.
     */
    private List<String> runAll(List<Job> jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = pool.invokeAll(jobs.stream().map(j -> (Callable<String>) () -> run(j))
                    .toList());
            List<String> failures = new ArrayList<>();
            for (Future<String> f : results) {
                if (f.get() != null) {
                    failures.add(f.get());
                }
            }
            return failures;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The commands {@code t} gets (see the class comment). */
    private List<List<String>> chosen(Target t) {
        List<List<String>> reading = reading(t);
        List<List<String>> vgChanges = vgChanges(t);
        List<List<List<String>>> perLv = t.lvs().stream().map(lv -> lvChanges(t, lv)).toList();
        List<List<String>> out = new ArrayList<>();
        if (t.file().getFileName().toString().contains(".step")) {
            List<List<String>> all = new ArrayList<>(reading);
            all.addAll(vgChanges);
            perLv.forEach(all::addAll);
            for (int i = 0; i < PER_STEP; i++) {
                out.add(all.get(rotation++ % all.size()));
            }
        } else if (t.file().getParent().getFileName().toString().equals("bad")) {
            out.addAll(reading);
            out.add(vgChanges.get(0));
            out.add(perLv.get(0).get(2));
        } else {
            out.addAll(reading);
            out.addAll(vgChanges);
            for (List<List<String>> lv : perLv) {
                out.add(lv.get(rotation++ % lv.size()));
            }
        }
        return out;
    }

    private static Target target(MetadataFormat format, Path f) {
        try {
            ImportedVg read = format.read(f);
            List<String> lvs = read.vg().lvs().stream().map(LogicalVolume::name).toList();
            boolean valid = Checker.check(read.vg()).errors().isEmpty();
            return new Target(f, read.vg().name(), lvs.isEmpty() ? List.of("lvol0") : lvs,
                    read.vg().pvs().get(0).device(), valid, read.warnings());
        } catch (RuntimeException e) {
            return new Target(f, "vgx", List.of("lvol0"), "/dev/loop4", false, List.of());
        }
    }

    /** Commands that need no file, and each subcommand's help. */
    private List<List<String>> global() {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("--help"));
        out.add(List.of("--version"));
        out.add(List.of("segtypes"));
        out.add(List.of("segtypes", "--json"));
        out.add(List.of("config"));
        out.add(List.of("generate", "--lvs", "40", "--seed", "7", "-o", OUT));
        out.add(List.of("plugins", "check", tmp.toString()));
        // hidden: the launcher's class-list training run
        out.add(List.of("cds-training", LVM2.resolve("mirror_mirroredlog.vg").toString()));
        for (Class<?> sub : LvstackCommand.SUBCOMMANDS) {
            picocli.CommandLine.Command command = sub.getAnnotation(picocli.CommandLine.Command.class);
            if (command.mixinStandardHelpOptions()) {
                out.add(List.of(command.name(), "--help"));
            }
        }
        return out;
    }

    private static List<List<String>> reading(Target t) {
        String f = t.file().toString();
        return List.of(List.of("lvs", "-a", f), List.of("lvs", "--tree", f), List.of("pvs", "--segments", f),
                List.of("vgs", f), List.of("check", f), List.of("check", "--json", f), List.of("fmt", f),
                List.of("table", f), List.of("graph", f, "-o", OUT));
    }

    private static List<List<String>> vgChanges(Target t) {
        return changing(t, List.of(List.of("lvcreate", "-L", "4m", "-n", "fresh", t.vg()),
                List.of("lvcreate", "--type", "mirror", "-m1", "-L", "4m", "-n", "freshm", t.vg()),
                List.of("vgchange", "--addtag", "t1", t.vg()), List.of("pvchange", "-xn", t.pv()),
                List.of("pvmove", t.pv()), List.of("pvmove", "--complete"), List.of("pvmove", "--abort")));
    }

    private static List<List<String>> lvChanges(Target t, String name) {
        String lv = t.vg() + "/" + name;
        return changing(t, List.of(List.of("lvextend", "-l", "+1", lv), List.of("lvreduce", "-f", "-l", "-1", lv),
                List.of("lvremove", "-f", lv), List.of("lvrename", lv, "renamed0"), List.of("lvchange", "-pr", lv),
                List.of("lvchange", "--addtag", "t2", lv), List.of("lvconvert", "--type", "mirror", "-m1", lv),
                List.of("lvconvert", "-m0", lv), List.of("lvconvert", "--splitmirrors", "1", "-n", "split0", lv),
                List.of("lvconvert", "--mirrorlog", "core", lv), List.of("pvmove", "-n", lv, t.pv())));
    }

    /** The commands reading {@code t}'s file and writing to a temporary one. */
    private static List<List<String>> changing(Target t, List<List<String>> commands) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.addAll(List.of("--file", t.file().toString(), "--output", OUT));
            out.add(args);
        }
        return out;
    }

    /** Runs {@code job}; what went wrong, or null. */
    private String run(Job job) {
        String out = tmp.resolve("out-" + Thread.currentThread().getId() + ".vg").toString();
        List<String> args = new ArrayList<>(List.of("-D", "lvstack.segtypes.load=" + job.load()));
        job.command().forEach(a -> args.add(a.equals(OUT) ? out : a));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        String problem = problem(job.target(), job.command(), r);
        return problem == null ? null : job.load() + " " + String.join(" ", job.command()) + ": " + problem + ": exit "
                + r.exitCode() + "\n" + r.err();
    }

    /** What is wrong with a run, or null. */
    private static String problem(Target t, List<String> command, CliRun r) {
        if (JAVA.matcher(r.err()).find() || JAVA.matcher(r.out()).find()) {
            return "an internal error or a Java name";
        }
        String name = command.get(0);
        if (command.contains("--help") || command.contains("--version")) {
            return r.exitCode() == 0 ? null : "help failed";
        }
        if (READERS.contains(name)) {
            return readerProblem(t, name, r);
        }
        if (r.exitCode() == 0) {
            return null;
        }
        if (r.errLines().size() != 1) {
            return "not exactly one error line";
        }
        // LVM2 refuses a command line it cannot accept (a name, a type) with 3, before reading anything
        if (r.exitCode() == 3) {
            return null;
        }
        if (!t.valid()) {
            return r.exitCode() == 5 && r.err().startsWith("lvstack: " + t.file() + ":") ? null
                    : "an unreadable or invalid file is not refused with status 5 naming it";
        }
        return r.exitCode() == 5 ? null : "a refused change is not status 5";
    }

    private static String readerProblem(Target t, String name, CliRun r) {
        if (r.exitCode() == 0) {
            return null;
        }
        if (r.exitCode() != 5) {
            return "status " + r.exitCode();
        }
        if (name.equals("check")) {
            // one line per problem, on standard output
            return r.out().contains("error") ? null : "check failed without an error";
        }
        List<String> errors = new ArrayList<>(r.errLines());
        if (t != null) {
            errors.removeAll(t.warnings().stream().map(w -> "lvstack: " + t.file() + ": " + w).toList());
        }
        if (name.equals("table")) {
            // one line per LV without a table, as documented
            return errors.isEmpty() ? "table failed silently" : null;
        }
        return errors.size() == 1 ? null : "not exactly one error line: " + Arrays.toString(errors.toArray());
    }
}
