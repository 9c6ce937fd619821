package io.lvstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: global options and the list of subcommands. */
@Command(name = "lvstack",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads, checks and reports LVM2-style logical-volume stacks.",
        subcommands = {SegtypesCommand.class, FmtCommand.class, CheckCommand.class, LvsCommand.class,
                PvsCommand.class, VgsCommand.class, GenerateCommand.class, PluginsCommand.class, ConfigCommand.class,
                CdsTrainingCommand.class})
final class LvstackCommand implements Runnable {
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
