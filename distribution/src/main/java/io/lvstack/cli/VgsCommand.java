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
@Command(name = "vgs", mixinStandardHelpOptions = true, description = "Reports the VG, as LVM2's vgs does.")
final class VgsCommand implements Callable<Integer> {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Mixin
    ReportOptions report;

    @Parameters(index = "0", paramLabel = "FILE", description = "A metadata file ('-' for standard input).")
    String file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ReportRun.run(spec, engineOptions, report, ReportKind.VGS, file, false, List.of());
    }
}
