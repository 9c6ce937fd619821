package io.lvstack.cli;

import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportKind;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** What lvs, pvs and vgs do alike: read the file, build the report, print it, name what matched nothing. */
final class ReportRun {
    private ReportRun() {
    }

    static int run(CommandSpec spec, EngineOptions engine, ReportOptions options, ReportKind kind, DeviceSource devices,
            String file, boolean all, List<String> names) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.helpRequested()) {
            out.println("Valid fields: " + String.join(", ", ReportBuilder.validNames(kind)));
            out.flush();
            return 0;
        }
        MetadataInput.Loaded loaded = MetadataInput.read(engine, devices, file, err);
        ImportedVg vg = loaded.vg();
        Warnings.print(err, loaded.source(), vg.warnings());
        Report report = ReportBuilder.build(vg.vg(), kind, options.fields, options.sort, all, names);
        LargeText.print(out, options.render(report));
        out.flush();
        List<String> missing = ReportBuilder.unmatched(vg.vg(), kind, names);
        for (String n : missing) {
            err.println("lvstack: " + (kind == ReportKind.LVS ? "Failed to find logical volume \"" + vg.vg().name()
                    + "/" + n + "\"" : "Failed to find physical volume \"" + n + "\"."));
        }
        err.flush();
        return missing.isEmpty() ? loaded.status() : LvstackErrorHandler.EXIT_FAILED;
    }
}
