package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way text gets into the tool is bounded: metadata for every command that reads it (from a
 * file, a device or standard input), and configuration files. Each refusal is one line, exit 1.
 */
class InputLimitsTest {
    private static final Path LINEAR = FmtCommandTest.CORPUS.resolve("linear.vg");

    /** Each command that reads metadata, without its file argument (appended by {@link #run}). */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("lvs"), List.of("pvs"), List.of("vgs"), List.of("fmt"),
            List.of("lvcreate", "-L", "4m", "-n", "x", "vg", "--file"),
            List.of("lvextend", "-L", "+4m", "vg/lv", "--file"),
            List.of("lvreduce", "-L", "-4m", "vg/lv", "--file"),
            List.of("lvremove", "vg/lv", "--file"),
            List.of("lvrename", "vg/lv", "vg/lv2", "--file"),
            List.of("lvchange", "-p", "r", "vg/lv", "--file"),
            List.of("vgchange", "--addtag", "t", "vg", "--file"),
            List.of("pvchange", "-xn", "/dev/loop0", "--file"),
            List.of("pvmove", "/dev/loop0", "--file"),
            List.of("lvconvert", "--type", "mirror", "-m", "1", "vg/lv", "--file"));

    private static CliRun run(String setting, List<String> command, String file) {
        List<String> args = new ArrayList<>(List.of("-D", setting));
        args.addAll(command);
        args.add(file);
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertRefused(String line, CliRun r, String what) {
        assertEquals(5, r.exitCode(), what);
        assertEquals("", r.out(), what);
        assertEquals(List.of(line), r.errLines(), what);
    }

    @Test
    void everyCommandRefusesMetadataOverTheSizeLimit() throws Exception {
        long size = Files.size(LINEAR);
        for (List<String> c : COMMANDS) {
            assertRefused("lvstack: " + LINEAR + ": input is " + size + " bytes, over the limit of 100",
                    run("lvstack.input.max_bytes=100", c, LINEAR.toString()), c.toString());
        }
        CliRun check = run("lvstack.input.max_bytes=100", List.of("check"), LINEAR.toString());
        assertEquals(5, check.exitCode());
        assertEquals(List.of("error: " + LINEAR + ": input is " + size + " bytes, over the limit of 100"),
                check.outLines());
    }

    @Test
    void everyCommandRefusesMetadataNestedTooDeep() {
        for (List<String> c : COMMANDS) {
            assertRefused("lvstack: " + LINEAR + ":79:13: sections nest deeper than 3 levels",
                    run("lvstack.input.max_depth=3", c, LINEAR.toString()), c.toString());
        }
        CliRun check = run("lvstack.input.max_depth=3", List.of("check"), LINEAR.toString());
        assertEquals(List.of("error: " + LINEAR + ":79:13: sections nest deeper than 3 levels"), check.outLines());
    }

    @Test
    void aFileThatNeverEndsIsReadOnlyUpToTheLimit() {
        // /dev/zero says size 0; reading it whole would exhaust the heap.
        assertRefused("lvstack: /dev/zero: input is over the limit of 1000 bytes",
                run("lvstack.input.max_bytes=1000", List.of("lvs"), "/dev/zero"), "lvs /dev/zero");
    }

    @Test
    void standardInputIsBoundedAndNestingLimited() throws Exception {
        byte[] text = Files.readAllBytes(LINEAR);
        InputStream saved = System.in;
        try {
            for (String command : List.of("lvs", "fmt")) {
                System.setIn(new ByteArrayInputStream(text));
                assertRefused("lvstack: <stdin>: input is over the limit of 100 bytes",
                        run("lvstack.input.max_bytes=100", List.of(command), "-"), command);
                System.setIn(new ByteArrayInputStream(text));
                assertRefused("lvstack: <stdin>:79:13: sections nest deeper than 3 levels",
                        run("lvstack.input.max_depth=3", List.of(command), "-"), command);
            }
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aConfigurationFileOverTheBuiltInLimitIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.properties");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ConfigFile.MAX_BYTES + 1L); // sparse: no disk used
        }
        CliRun r = CliRun.of("--config", big.toString(), "config");
        assertRefused("lvstack: configuration file " + big + " is over the limit of 67108864 bytes", r, "config");

        Path small = Files.writeString(dir.resolve("small.properties"), "lvstack.graphviz.dot = /usr/bin/dot\n");
        assertEquals("lvstack: configuration file " + small + " is over the limit of 10 bytes",
                "lvstack: " + org.junit.jupiter.api.Assertions.assertThrows(io.lvstack.api.LvstackException.class,
                        () -> ConfigFile.load(small, 10)).getMessage());
    }

    @Test
    void aConfigurationFileCannotIncludeAnother(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("other.properties"), "lvstack.graphviz.dot = /usr/bin/dot\n");
        for (String key : List.of("include", "includeoptional", "INCLUDE")) {
            Path file = Files.writeString(dir.resolve(key + ".properties"), key + " = " + other + "\n");
            assertRefused("lvstack: configuration file " + file + ": '" + key + "' is not supported; put the keys "
                    + "in this file", CliRun.of("--config", file.toString(), "config"), key);
        }
    }

    @Test
    void configurationValuesAreTakenLiterallyNeverLookedUp(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "cling");
        Path file = Files.writeString(dir.resolve("c.properties"), "lvstack.graphviz.dot = ${file:UTF-8:" + secret
                + "}\nlvstack.segtypes.exclude = ${const:java.lang.Integer.MAX_VALUE}\n",
                StandardCharsets.ISO_8859_1);
        CliRun r = CliRun.of("--config", file.toString(), "config");
        assertEquals(0, r.exitCode(), r.err());
        // The values as written, neither the file's content nor the constant's value.
        assertEquals(List.of("${const:java.lang.Integer.MAX_VALUE}", "${file:UTF-8:" + secret + "}"), r.outLines()
                .stream().filter(l -> l.startsWith("lvstack.segtypes.exclude ") || l.startsWith("lvstack.graphviz.dot "))
                .map(l -> l.split("\\s+")[1]).toList());
    }
}
