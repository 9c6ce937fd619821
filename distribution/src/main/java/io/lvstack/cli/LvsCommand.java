package io.lvstack.cli;

import io.lvstack.engine.report.ReportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvstack lvs FILE [LV...]}: LVM2's lvs report of a metadata file. */
@Command(name = "lvs", description = "Reports the LVs of a VG, as LVM2's lvs does.")
final class LvsCommand implements Callable<Integer> {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Mixin
    ReportOptions report;

    @Option(names = {"-a", "--all"}, description = "Hidden (internal) LVs too, in [brackets].")
    boolean all;

    @Option(names = "--tree", description = "The stack as an indented tree, as lsblk draws it (with --units, --nosuffix, "
            + "--noheadings; not with other report options).")
    boolean tree;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A metadata file ('-' for standard input); none with --pv or --scan.")
    String file;

    @Parameters(index = "1..*", paramLabel = "LV", description = "Only these LVs (name or VG/name).")
    List<String> names = new ArrayList<>();

    @Mixin
    DeviceSource devices;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeviceSource.Args args = devices.split(spec, file, names);
        if (tree) {
            return TreeRun.run(spec, engineOptions, report, devices, args.file(), args.words());
        }
        return ReportRun.run(spec, engineOptions, report, ReportKind.LVS, devices, args.file(), all, args.words());
    }
}
