package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No dead configuration: every key {@code lvstack config} lists, set to a valid value other than
 * its default, changes what a command does. A key declared without a probe here fails the test.
 */
class EveryKeyTakesEffectTest {
    private static final Path CORPUS = Path.of("../engine/src/test/resources/corpus/lvm2").toAbsolutePath();

    @TempDir
    Path tmp;

    /**
     * One key's probe: {@code observe} runs a command with extra options and reduces what it did
     * to one line; with the key at {@code value} that line is {@code changed}, else {@code usual}.
     */
    private record Probe(String value, Function<List<String>, String> observe, String usual, String changed) {
    }

    /** The full distribution's types, as {@code lvstack segtypes} lists them. */
    private static final String ALL_TYPES = "cache-pool cache writecache linear mirror raid0 raid0_meta raid1 raid10 raid10_near raid4 raid5 raid5_n raid5_la raid5_ls raid5_ra raid5_rs raid6 raid6_n_6 raid6_nc raid6_nr raid6_zr raid6_ls_6 raid6_rs_6 raid6_la_6 raid6_ra_6 integrity snapshot striped thin-pool"
            + " thin error zero";

    private Map<String, Probe> probes() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.writeString(open.resolve("broken.jar"), "not a jar");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        String linear = CORPUS.resolve("linear.vg").toString();
        Map<String, Probe> p = new TreeMap<>();
        p.put("lvstack.segtypes.load", new Probe("linear,striped", this::types, ALL_TYPES, "linear striped"));
        p.put("lvstack.segtypes.exclude", new Probe("mirror", this::types, ALL_TYPES,
                ALL_TYPES.replace(" mirror ", " ")));
        p.put("lvstack.plugins.dirs", new Probe(plugins.toString(), this::pluginProblem, "",
                "warning: unreadable or corrupt jar"));
        p.put("lvstack.plugins.onError", new Probe("fail", with(this::pluginProblem, "-D",
                "lvstack.plugins.dirs=" + plugins), "warning: unreadable or corrupt jar", "error: unreadable or corrupt jar"));
        p.put("lvstack.plugins.allowInsecure", new Probe("true", with(this::pluginProblem, "-D",
                "lvstack.plugins.dirs=" + open), "warning: unsafe plugin location", "warning: unreadable or corrupt jar"));
        p.put("lvstack.input.max_bytes", new Probe("100", o -> exit("fmt", linear, o), "0", "5"));
        p.put("lvstack.input.max_depth", new Probe("2", o -> exit("fmt", linear, o), "0", "5"));
        p.put("lvstack.graphviz.dot", new Probe("/nonexistent/dot", this::dotProgram, "dot", "/nonexistent/dot"));
        p.put("segtype.striped.stripe_size", new Probe("256", this::newStripeSize, "stripe_size = 128",
                "stripe_size = 256"));
        p.put("segtype.mirror.region_size", new Probe("1024", this::pvmoveRegion, "mirror core 1 4096",
                "mirror core 1 1024"));
        return p;
    }

    @Test
    void everyDeclaredKeyChangesWhatTheToolDoes() throws IOException {
        Map<String, Probe> probes = probes();
        List<String> declared = CliRun.of("config").outLines().stream().skip(1).map(l -> l.split(" ")[0]).sorted()
                .toList();
        assertEquals(declared, List.copyOf(probes.keySet()), "every declared key needs a probe here");
        for (Map.Entry<String, Probe> e : probes.entrySet()) {
            Probe probe = e.getValue();
            assertEquals(probe.usual(), probe.observe().apply(List.of()), e.getKey() + " unset");
            assertEquals(probe.changed(), probe.observe().apply(List.of("-D", e.getKey() + "=" + probe.value())),
                    e.getKey() + " = " + probe.value());
        }
    }

    private static Function<List<String>, String> with(Function<List<String>, String> observe, String... more) {
        return options -> {
            List<String> all = new ArrayList<>(List.of(more));
            all.addAll(options);
            return observe.apply(all);
        };
    }

    private static CliRun run(List<String> options, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, options);
        return CliRun.of(all.toArray(String[]::new));
    }

    /** The segment types {@code segtypes} lists. */
    private String types(List<String> options) {
        return String.join(" ", run(options, "segtypes").outLines().stream().skip(1).map(l -> l.split(" ")[0])
                .toList());
    }

    /** How {@code segtypes} treats a plugin it cannot load: a warning, an error, or nothing. */
    private String pluginProblem(List<String> options) {
        CliRun r = run(options, "segtypes");
        if (r.err().isEmpty()) {
            return "";
        }
        String kind = r.exitCode() == 0 ? "warning: " : "error: ";
        return kind + (r.err().contains("unsafe plugin location") ? "unsafe plugin location"
                : r.err().contains("unreadable or corrupt jar") ? "unreadable or corrupt jar" : r.err());
    }

    private static String exit(String command, String file, List<String> options) {
        return Integer.toString(run(options, command, file).exitCode());
    }

    /** The program {@code graph --format svg} ran, as its refusal names it (no such program here). */
    private String dotProgram(List<String> options) {
        CliRun r = run(options, "graph", "--format", "svg", "-o", tmp.resolve("g.svg").toString(),
                CORPUS.resolve("linear.vg").toString());
        return r.err().contains("\"/nonexistent/dot\"") ? "/nonexistent/dot"
                : r.exitCode() == 0 || r.err().contains("Graphviz's dot, which was not found on PATH") ? "dot" : r.err();
    }

    /** The stripe size {@code lvcreate -i 2} without {@code -I} writes. */
    private String newStripeSize(List<String> options) {
        try {
            Path vg = Files.copy(CORPUS.resolve("striped.step1.vg"), tmp.resolve("s.vg"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            CliRun r = run(options, "lvcreate", "-L", "8M", "-i", "2", "-n", "probe", "--file", vg.toString(), "vg3");
            assertEquals(0, r.exitCode(), r.err());
            String text = Files.readString(vg);
            return text.substring(text.indexOf("\t\tprobe {")).lines().map(String::strip)
                    .filter(l -> l.startsWith("stripe_size")).findFirst().orElseThrow().replaceAll("\\s*#.*", "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The region of the mirror target {@code table} loads for a pvmove. */
    private String pvmoveRegion(List<String> options) {
        String line = run(options, "table", CORPUS.resolve("pvmove.vg").toString(), "vgp1/pvmove0").outLines().get(0);
        return line.substring(line.indexOf("mirror"), line.indexOf(" 2 /dev/"));
    }
}
