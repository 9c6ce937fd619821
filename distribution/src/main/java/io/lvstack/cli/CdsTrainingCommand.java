package io.lvstack.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Hidden: runs the common commands once on a shipped example so that the launcher can record
 * the classes they load ({@code -XX:DumpLoadedClassList}) and archive them for class-data
 * sharing ({@code -Xshare:dump}), which later runs map instead of loading and verifying them.
 */
@Command(name = "cds-training", hidden = true, description = "Loads the classes of the common commands (for the launcher).")
final class CdsTrainingCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "FILE", description = "A metadata file to run the commands on.")
    Path file;

    @Override
    public void run() {
        String f = file.toString();
        // Not check --json and segtypes --json: Jackson's 500 classes would be a fifth of the
        // archive, which Java 17 relocates, and so touches, at every start (5 MB of every run's
        // memory); those two load it from the jars instead (80 ms).
        for (List<String> args : List.of(List.of("fmt", f), List.of("fmt", "--ondisk", f), List.of("check", f),
                List.of("lvs", "-a", f), List.of("lvs", "-a", "--reportformat", "json", f),
                List.of("pvs", "--segments", f), List.of("vgs", f), List.of("segtypes"))) {
            StringWriter sink = new StringWriter();
            Main.run(new PrintWriter(sink), new PrintWriter(sink), args.toArray(String[]::new));
        }
        if (!Files.isRegularFile(file)) {
            throw new io.lvstack.api.LvstackException(f + ": no such file");
        }
    }
}
