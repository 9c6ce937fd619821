package io.lvstack.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lvstack segtypes}: the segment types in effect and where each came from. */
@Command(name = "segtypes",
        description = "Lists the segment types in effect and the plugins that provide them.")
final class SegtypesCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Option(names = "--json", description = "Prints JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The JSON document: an object rather than a bare array, so fields can be added later. */
    record Listing(List<SegtypeRow> segtypes) {
    }

    @Override
    public void run() {
        List<SegtypeRow> rows = engineOptions.engine().segmentTypes().active().stream()
                .map(SegtypeRow::of)
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, new Listing(rows));
        } else {
            Table table = new Table(SegtypeRow.HEADER);
            rows.forEach(r -> table.add(r.cells()));
            table.print(out);
        }
        out.flush();
    }
}
