package io.lvstack.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: global options and the list of subcommands. */
@Command(name = "lvstack",
        versionProvider = VersionProvider.class,
        description = "Reads, checks and reports LVM2-style logical-volume stacks.")
final class LvstackCommand implements Runnable {
    /**
     * The subcommands, in the order usage help lists them. {@link Main} adds them to the command
     * line itself: picocli builds a subcommand's model by reflection when it is added, so only
     * those a command line names are added, which saves most of picocli's start-up work.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(SegtypesCommand.class, FmtCommand.class,
            CheckCommand.class, LvsCommand.class, PvsCommand.class, VgsCommand.class, TableCommand.class,
            GraphCommand.class, GenerateCommand.class, PluginsCommand.class, ConfigCommand.class, CdsTrainingCommand.class,
            LvcreateCommand.class,
            LvextendCommand.class, LvreduceCommand.class, LvremoveCommand.class, LvrenameCommand.class,
            LvchangeCommand.class, VgchangeCommand.class, PvchangeCommand.class, PvmoveCommand.class,
            LvconvertCommand.class);

    // -h/--help for every command; -V/--version only here: in LVM2, lvcreate's -V is --virtualsize.
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    // Here as well as on each subcommand, so global options may come before the subcommand too.
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
