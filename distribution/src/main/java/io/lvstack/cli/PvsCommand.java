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

/** {@code lvstack pvs FILE [PV...]}: LVM2's pvs report of a metadata file. */
@Command(name = "pvs", description = "Reports the PVs of a VG, as LVM2's pvs does.")
final class PvsCommand implements Callable<Integer> {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Mixin
    ReportOptions report;

    @Option(names = "--segments", description = "One row per PV segment, allocated or free.")
    boolean segments;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A metadata file ('-' for standard input); none with --pv or --scan.")
    String file;

    @Parameters(index = "1..*", paramLabel = "PV", description = "Only these PVs (device names, as in the metadata).")
    List<String> names = new ArrayList<>();

    @Mixin
    DeviceSource devices;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeviceSource.Args args = devices.split(spec, file, names);
        return ReportRun.run(spec, engineOptions, report, segments ? ReportKind.PVSEGS : ReportKind.PVS, devices,
                args.file(), false, args.words());
    }
}
