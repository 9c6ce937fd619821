package io.lvstack.cli;

import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.picture.StackTree;
import io.lvstack.engine.report.Units;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code lvs --tree}: the stack as an lsblk-like tree. Sizes follow {@code --units} and
 * {@code --nosuffix}, {@code --noheadings} drops the heading line; the options that choose or
 * lay out report columns mean nothing for a tree and are a usage error.
 */
final class TreeRun {
    /** Report options a tree cannot honour. */
    private static final List<String> NOT_WITH_TREE = List.of("--options", "--sort", "--reportformat", "--separator",
            "--aligned");

    private TreeRun() {
    }

    static int run(CommandSpec spec, EngineOptions engine, ReportOptions options, DeviceSource devices, String file,
            List<String> names) {
        for (String option : NOT_WITH_TREE) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), "--tree cannot be combined with "
                        + spec.findOption(option).shortestName() + ": a tree has fixed columns");
            }
        }
        Units units = Units.parse(options.units, options.nosuffix);
        PrintWriter err = spec.commandLine().getErr();
        MetadataInput.Loaded loaded = MetadataInput.read(engine, devices, file, err);
        ImportedVg read = loaded.vg();
        Warnings.print(err, loaded.source(), read.warnings());
        VolumeGroup vg = read.vg();
        List<LogicalVolume> roots = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            LogicalVolume lv = vg.lv(n.startsWith(vg.name() + "/") ? n.substring(vg.name().length() + 1) : n);
            if (lv == null) {
                missing.add(n);
            } else {
                roots.add(lv);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (names.isEmpty() || !roots.isEmpty()) {
            LargeText.print(out, names.isEmpty() ? StackTree.write(vg, units, !options.noheadings)
                    : StackTree.write(vg, roots, units, !options.noheadings));
        }
        out.flush();
        for (String n : missing) {
            err.println("lvstack: Failed to find logical volume \"" + (n.contains("/") ? n : vg.name() + "/" + n) + "\"");
        }
        err.flush();
        return missing.isEmpty() ? loaded.status() : LvstackErrorHandler.EXIT_FAILED;
    }
}
