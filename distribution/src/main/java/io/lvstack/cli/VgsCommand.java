package io.lvstack.cli;

import io.lvstack.engine.report.ReportKind;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvstack vgs FILE}: LVM2's vgs report of a metadata file. */
@Command(name = "vgs", description = "Reports the VG, as LVM2's vgs does.")
final class VgsCommand implements Callable<Integer> {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Mixin
    ReportOptions report;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A metadata file ('-' for standard input); none with --pv or --scan.")
    String file;

    @Mixin
    DeviceSource devices;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeviceSource.Args args = devices.split(spec, file, List.of(), 0, "");
        return ReportRun.run(spec, engineOptions, report, ReportKind.VGS, devices, args.file(), false, List.of());
    }
}
