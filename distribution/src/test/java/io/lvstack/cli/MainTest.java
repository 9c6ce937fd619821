package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top command: version, help, and how errors become exit codes. */
class MainTest {
    @Test
    void versionNamesProjectAndSpiVersions() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exitCode());
        assertEquals(List.of("lvstack 0.1.0 (segment-type SPI 2.1)"), r.outLines());
        assertEquals("", r.err());
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("Usage: lvstack "), r.out());
        assertTrue(r.out().contains("segtypes"), r.out());
    }

    @Test
    void onlyTheSubcommandsTheArgumentsNameAreBuilt() {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        List<String> every = LvstackCommand.SUBCOMMANDS.stream()
                .map(c -> c.getAnnotation(picocli.CommandLine.Command.class).name()).toList();
        assertEquals(List.of("lvs"), subcommands(Main.commandLine(sink, sink, new String[] {"lvs", "-a", "f.vg"})));
        // a file named like a subcommand adds that one too, and parsing is unchanged
        assertEquals(List.of("fmt", "lvs"), subcommands(Main.commandLine(sink, sink, new String[] {"lvs", "fmt"})));
        assertEquals(every, subcommands(Main.commandLine(sink, sink, new String[] {"nosuch"})));
        assertEquals(every, subcommands(Main.commandLine(sink, sink, new String[0])));
        assertEquals(every, subcommands(Main.commandLine(sink, sink, new String[] {"--help", "lvs"})));
        // after the subcommand, -h and -V are the subcommand's (lvcreate -V is --virtualsize)
        assertEquals(List.of("lvs"), subcommands(Main.commandLine(sink, sink, new String[] {"lvs", "-V"})));
        assertEquals(List.of("lvcreate"), subcommands(Main.commandLine(sink, sink, new String[] {"lvcreate", "-V",
                "1G", "-T", "vg/pool"})));
        assertEquals(List.of("lvs"), subcommands(Main.commandLine(sink, sink, new String[] {"lvs", "--help"})));
        // the tool's own version alone needs none
        assertEquals(List.of(), subcommands(Main.commandLine(sink, sink, new String[] {"--version"})));
        assertEquals(List.of(), subcommands(Main.commandLine(sink, sink, new String[] {"-V"})));
        assertEquals(every, subcommands(Main.commandLine(sink, sink, new String[] {"-V", "--help"})));
    }

    /** LVM2's commands have no -V of their own but lvcreate's --virtualsize: --version is the tool's alone. */
    @Test
    void versionIsTheTopCommandsAndHelpEveryCommands() {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        picocli.CommandLine all = Main.commandLine(sink, sink, new String[0]);
        assertEquals(LvstackCommand.SUBCOMMANDS.size(), all.getSubcommands().size());
        for (picocli.CommandLine sub : all.getSubcommands().values()) {
            var spec = sub.getCommandSpec();
            assertEquals(null, spec.findOption("--version"), spec.name());
            assertTrue(spec.findOption("--help").usageHelp(), spec.name());
            assertTrue(spec.findOption("-h").usageHelp(), spec.name());
            assertEquals(spec.name().equals("lvcreate") ? "--virtualsize" : null,
                    spec.findOption("-V") == null ? null : spec.findOption("-V").longestName(), spec.name());
        }
        CliRun r = CliRun.of("segtypes", "--version");
        assertEquals(3, r.exitCode());
        assertEquals("lvstack: Unknown option: '--version'", r.errLines().get(0));
        r = CliRun.of("segtypes", "-V");
        assertEquals(3, r.exitCode());
        assertEquals("lvstack: Unknown option: '-V'", r.errLines().get(0));
        r = CliRun.of("segtypes", "-h");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: lvstack segtypes [-h] [--json]"), r.out());
        r = CliRun.of("-V");
        assertEquals(List.of("lvstack 0.1.0 (segment-type SPI 2.1)"), r.outLines());
    }

    private static List<String> subcommands(picocli.CommandLine commandLine) {
        return List.copyOf(commandLine.getSubcommands().keySet());
    }

    @Test
    void unknownSubcommandIsMatchedAgainstAllOfThem() {
        CliRun r = CliRun.of("lvz");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lvstack: Unmatched argument at index 0: 'lvz'", "Did you mean: lvstack lvs or lvstack lvchange or lvstack lvconvert?"),
                r.errLines().subList(0, 2));
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = CliRun.of("segtypes", "--bogus");
        assertEquals(3, r.exitCode());
        assertEquals("", r.out());
        assertEquals(List.of(
                "lvstack: Unknown option: '--bogus'",
                "Usage: lvstack segtypes [-h] [--json] [--config=FILE] [-D=KEY=VALUE]...",
                "Try 'lvstack segtypes --help' for more information."), r.errLines());
    }

    @Test
    void unknownTopLevelOptionIsAUsageError() {
        CliRun r = CliRun.of("--bogus", "segtypes");
        assertEquals(3, r.exitCode());
        assertEquals("lvstack: Unknown option: '--bogus'", r.errLines().get(0));
        assertTrue(r.err().contains("Try 'lvstack --help' for more information."), r.err());
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertEquals(2, r.exitCode());
        assertEquals("lvstack: Missing required subcommand", r.errLines().get(0));
    }

    @Test
    void malformedDefinitionIsAUsageError() {
        CliRun r = CliRun.of("segtypes", "-D", "novalue");
        assertEquals(3, r.exitCode());
        assertTrue(r.errLines().get(0).contains("novalue"), r.err());
    }

    @Test
    void engineErrorIsOneLineAndExitsOne() {
        CliRun r = CliRun.of("segtypes", "-D", "lvstack.segtypes.load=nosuch");
        assertEquals(5, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("lvstack: "), line);
        assertTrue(line.contains("'nosuch'"), line);
    }

    @Test
    void missingConfigFileIsNamed() {
        CliRun r = CliRun.of("segtypes", "--config", "/nonexistent");
        assertEquals(5, r.exitCode());
        assertEquals("", r.out());
        assertEquals(List.of("lvstack: configuration file /nonexistent does not exist"), r.errLines());
    }

    @Test
    void directoryAsConfigFileIsNamed(@TempDir Path dir) {
        CliRun r = CliRun.of("segtypes", "--config", dir.toString());
        assertEquals(5, r.exitCode());
        assertEquals(List.of("lvstack: configuration file " + dir + " is not a regular file"), r.errLines());
    }

    @Test
    void errorsNeverShowAStackTrace(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.properties"), "lvstack.segtypes.load = nosuch\n");
        CliRun r = CliRun.of("--config", bad.toString(), "segtypes");
        assertEquals(5, r.exitCode());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void cdsTrainingRunsTheCommonCommandsQuietlyAndIsHidden() {
        CliRun r = CliRun.of("cds-training", "../examples/mirror_mirroredlog.vg");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
        assertFalse(CliRun.of("--help").out().contains("cds-training"));
        assertEquals(5, CliRun.of("cds-training", "/nonexistent.vg").exitCode());
    }
}
