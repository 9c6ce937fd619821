package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allocation parity: every command of every corpus {@code NAME.steps} file, applied by the tool to
 * {@code NAME.step(K-1).vg}, gives LVM2's {@code NAME.stepK.vg} (new LV ids, creation times and
 * hosts, and header lines aside); commands LVM2 refused are refused and leave the file unchanged.
 */
class StepParityTest {
    private static final Path CORPUS = Path.of("../engine/src/test/resources/corpus/lvm2").toAbsolutePath();
    /** Cases made with real LVM2 that the shared corpus lacks (its README and make scripts say how). */
    private static final Path LAB = Path.of("../engine/src/test/resources/corpus/lab").toAbsolutePath();

    /** Steps lvstack does not reproduce, with the reason. */
    private static final Map<String, String> EXPECTED_FAILURES = new TreeMap<>(Map.of());

    @TempDir
    Path tmp;

    @Test
    void everyCorpusStepGivesLvm2sMetadata() throws IOException {
        Map<String, String> failures = new TreeMap<>();
        int total = replayAll(tmp, CliRun::of, failures);
        System.out.println("Step parity: " + (total - failures.size()) + " of " + total + " steps equal to LVM2's");
        failures.forEach((k, v) -> System.out.println("  " + k + ": " + v.lines().findFirst().orElse("")));
        assertEquals(EXPECTED_FAILURES.keySet(), failures.keySet(), "steps that differ from LVM2: " + failures);
    }

    /** Runs one lvstack command line: in this JVM, or a tool's launcher in a process. */
    @FunctionalInterface
    interface Runner {
        CliRun run(String... args) throws IOException;
    }

    /**
     * Replays every step of every corpus {@code .steps} file with {@code runner}, in {@code tmp};
     * puts each step that differs from LVM2 into {@code failures} with what differs, and returns
     * the number of steps.
     */
    static int replayAll(Path tmp, Runner runner, Map<String, String> failures) throws IOException {
        int total = 0;
        for (Path dir : List.of(CORPUS, LAB)) {
            List<Path> stepFiles;
            try (Stream<Path> s = Files.list(dir)) {
                stepFiles = s.filter(p -> p.getFileName().toString().endsWith(".steps")).sorted().toList();
            }
            for (Path steps : stepFiles) {
                String name = steps.getFileName().toString().replace(".steps", "");
                List<String> lines = Files.readAllLines(steps).stream().filter(l -> !l.isBlank()).toList();
                for (int k = 1; k <= lines.size(); k++) {
                    total++;
                    String problem = replay(tmp, runner, dir, name, k, lines.get(k - 1));
                    if (problem != null) {
                        failures.put(name + ".step" + k, problem);
                    }
                }
            }
        }
        return total;
    }

    /** Null when the step matches LVM2, else what differs. */
    private static String replay(Path tmp, Runner runner, Path dir, String name, int k, String line)
            throws IOException {
        boolean refused = line.contains("# refused by LVM2");
        Path file = tmp.resolve(name + ".step" + k + ".in.vg");
        Files.write(file, k == 1 ? emptyVg(dir.resolve(name + ".step1.vg"))
                : Files.readAllBytes(dir.resolve(name + ".step" + (k - 1) + ".vg")));
        byte[] before = Files.readAllBytes(file);
        CliRun run = runner.run(command(line, file));
        if (refused) {
            if (run.exitCode() != 5) {
                return "LVM2 refused it, lvstack did not: " + run.out();
            }
            if (!Arrays.equals(before, Files.readAllBytes(file))) {
                return "refused, but the file changed";
            }
            return null;
        }
        if (run.exitCode() != 0) {
            return "lvstack refused it: " + run.err().trim();
        }
        String expected = comparable(Files.readString(dir.resolve(name + ".step" + k + ".vg")));
        String written = Files.readString(file);
        io.lvstack.engine.Lvm2Acceptance.check("steps/" + name + ".step" + k, written);
        String actual = comparable(written);
        return expected.equals(actual) ? null : "metadata differs:\n" + diff(expected, actual);
    }

    /** A steps file's command line (its comment aside) as the tool runs it on {@code file}. */
    static String[] command(String line, Path file) {
        String[] words = line.replaceAll("#.*", "").trim().split("\\s+");
        List<String> args = new ArrayList<>(List.of(words[0], "--file", file.toString()));
        args.addAll(Arrays.asList(words).subList(1, words.length));
        return args.toArray(String[]::new);
    }

    /** {@code step0}: the first step's VG without LVs or VG tags, one seqno earlier. */
    static byte[] emptyVg(Path step1) {
        MetadataFormat format = new MetadataFormat(Lvstack.engine());
        ImportedVg read = format.read(step1);
        VolumeGroup vg = read.vg();
        vg.apply(ed -> {
            List<LogicalVolume> lvs = new ArrayList<>(vg.lvs());
            java.util.Collections.reverse(lvs);
            for (LogicalVolume lv : lvs) {
                ed.removeLv(lv);
            }
            VgProperties p = vg.properties();
            ed.setVgProperties(new VgProperties(p.id(), p.seqno() - 1, p.format(), p.status(), p.flags(), List.of(),
                    p.systemId(), p.lockType(), p.lockArgs(), p.extentSize(), p.maxLv(), p.maxPv(),
                    p.allocationPolicy(), p.profile(), p.metadataCopies()));
        });
        return format.write(vg, read.header(), MetadataFormat.Form.FILE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The VG section without LV ids, creation times and hosts. */
    static String comparable(String text) {
        StringBuilder b = new StringBuilder();
        boolean inVg = false;
        boolean inLvs = false;
        for (String l : text.split("\n", -1)) {
            if (!inVg && l.matches("^\\S+ \\{$")) {
                inVg = true;
            }
            if (!inVg) {
                continue;
            }
            if (l.equals("\tlogical_volumes {")) {
                inLvs = true;
            }
            String t = l.trim();
            if (t.startsWith("creation_time =") || t.startsWith("creation_host =") || inLvs && t.startsWith("id =")) {
                continue;
            }
            b.append(l).append('\n');
        }
        return b.toString();
    }

    static String diff(String expected, String actual) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<end>";
            String y = i < a.length ? a[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": LVM2 '" + x + "', lvstack '" + y + "'";
            }
        }
        return "";
    }
}
