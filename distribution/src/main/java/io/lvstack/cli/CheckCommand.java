package io.lvstack.cli;

import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvstack check FILE}: every problem of a VG, one line each. Exit status 0 when valid
 * (warnings allowed), 1 when not, 2 for usage errors.
 */
@Command(name = "check",
        description = "Validates LVM2 metadata completely and reports every problem, not only the first.")
final class CheckCommand implements Callable<Integer> {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A metadata file, as vgcfgbackup writes it; none with --pv or --scan.")
    String file;

    @Option(names = "--json", description = "Prints the problems as JSON.")
    boolean json;

    @Mixin
    DeviceSource devices;

    @Spec
    CommandSpec spec;

    /** The JSON document. */
    record Report(String file, String vg, boolean valid, List<Row> problems) {
    }

    record Row(String severity, String where, String message) {
    }

    @Override
    public Integer call() {
        DeviceSource.Args args = devices.split(spec, file, List.of(), 0, "");
        CheckReport report = args.file() == null ? MetadataInput.checkDevices(engineOptions, devices)
                : MetadataInput.check(engineOptions, Path.of(args.file()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, new Report(args.file() == null ? String.join(",", devices.names()) : args.file(), report.vgName(), report.valid(), report.problems().stream()
                    .map(p -> new Row(p.severity().label(), p.where(), p.message())).toList()));
        } else {
            for (Problem p : report.problems()) {
                out.println(p);
            }
        }
        out.flush();
        return report.valid() ? 0 : LvstackErrorHandler.EXIT_FAILED;
    }
}
