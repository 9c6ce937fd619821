package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.format.AtomicFile;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.picture.DotWriter;
import io.lvstack.engine.picture.Graphviz;
import io.lvstack.engine.picture.StackPicture;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvstack graph FILE [VG/LV]}: the stack as a Graphviz graph. DOT needs nothing; svg and
 * png run Graphviz's {@code dot} (key {@code lvstack.graphviz.dot}). Without {@code -o}, DOT and
 * SVG go to standard output as text, PNG as bytes to the process's standard output, refused when
 * the tool runs on a terminal ({@link System#console()}), where binary would garble the screen.
 */
@Command(name = "graph",
        description = "Draws the stack of a VG (or of one LV and everything below it) as a Graphviz graph.")
final class GraphCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A metadata file ('-' for standard input); none with --pv or --scan.")
    String file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LV", description = "Only this LV (name or VG/name) and what lies below it.")
    String lv;

    @Option(names = "--format", paramLabel = "dot|svg|png", defaultValue = "dot",
            description = "dot (default, needs nothing), svg or png (need Graphviz's dot).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Writes OUT atomically (temporary file, fsync, rename) instead of standard output.")
    Path output;

    @Mixin
    DeviceSource devices;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeviceSource.Args args = devices.split(spec, file, lv == null ? java.util.List.of() : java.util.List.of(lv), 1,
                "LV");
        String lvName = args.words().isEmpty() ? null : args.words().get(0);
        Graphviz.Output image = switch (format) {
            case "dot" -> null;
            case "svg" -> Graphviz.Output.SVG;
            case "png" -> Graphviz.Output.PNG;
            default -> throw new ParameterException(spec.commandLine(), "Unknown graph format '" + format
                    + "' (expected dot, svg or png)");
        };
        if (image == Graphviz.Output.PNG && output == null && System.console() != null) {
            throw new LvstackException("refusing to write PNG to a terminal: give -o FILE or redirect standard output");
        }
        MetadataInput.Loaded loaded = MetadataInput.read(engineOptions, devices, args.file(), spec.commandLine().getErr());
        ImportedVg read = loaded.vg();
        Warnings.print(spec.commandLine().getErr(), loaded.source(), read.warnings());
        VolumeGroup vg = read.vg();
        StackPicture picture = lvName == null ? StackPicture.of(vg) : StackPicture.of(vg, LvArgument.find(vg, lvName));
        String dot = DotWriter.write(picture);
        byte[] bytes = image == null ? dot.getBytes(StandardCharsets.UTF_8)
                : Graphviz.of(engineOptions.engine().setting(Graphviz.KEY)).render(dot, image);
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            AtomicFile.write(output, bytes);
        } else if (image == Graphviz.Output.PNG) {
            out.flush();
            PrintStream raw = System.out;
            raw.write(bytes, 0, bytes.length);
            raw.flush();
        } else {
            LargeText.print(out, image == null ? dot : new String(bytes, StandardCharsets.UTF_8));
            out.flush();
        }
        return loaded.status();
    }
}
