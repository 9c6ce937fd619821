package io.lvstack.cli;

import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.Units;
import picocli.CommandLine.Option;

/** The options LVM2's reporting commands share, with LVM2's names and defaults. */
final class ReportOptions {
    @Option(names = {"-o", "--options"}, paramLabel = "FIELDS",
            description = "Fields to show, comma-separated; a leading + adds to the defaults. -o help lists them.")
    String fields;

    @Option(names = {"-O", "--sort"}, paramLabel = "KEYS",
            description = "Sort keys, comma-separated; a leading - sorts that key descending.")
    String sort;

    @Option(names = "--reportformat", paramLabel = "basic|json", defaultValue = "basic",
            description = "basic (columns) or json.")
    String format;

    @Option(names = "--units", paramLabel = "UNIT", defaultValue = "h",
            description = "h H s S b B k K m M g G t T p P e E (lower case: powers of 1024). Default h.")
    String units;

    @Option(names = "--nosuffix", description = "No unit letter after sizes.")
    boolean nosuffix;

    @Option(names = "--noheadings", description = "No heading line.")
    boolean noheadings;

    @Option(names = "--separator", paramLabel = "S", description = "Separates fields with S instead of aligning them.")
    String separator;

    @Option(names = "--aligned", description = "With --separator, still align the columns.")
    boolean aligned;

    boolean helpRequested() {
        return "help".equals(fields);
    }

    String render(Report report) {
        Units u = Units.parse(units, nosuffix);
        return switch (format) {
            case "json" -> ReportFormat.json(report, u);
            case "basic" -> ReportFormat.basic(report, u, new ReportFormat.Basic(!noheadings, separator, aligned));
            default -> throw new io.lvstack.api.LvstackException("Unknown report format '" + format
                    + "' (expected basic or json)");
        };
    }
}
