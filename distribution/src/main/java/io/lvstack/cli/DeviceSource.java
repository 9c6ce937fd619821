package io.lvstack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a read-only command takes its VG from instead of a metadata file: the VG's PV devices or
 * disk images ({@code --pv}), or every device and image in a directory ({@code --scan}). With
 * either, the command has no FILE, and its first positional word is what would follow FILE.
 */
final class DeviceSource {
    @Option(names = "--pv", paramLabel = "DEVICE",
            description = "Reads the VG from this PV device or disk image instead of a metadata file (repeatable); "
                    + "nothing is ever written to it.")
    List<Path> pvs = new ArrayList<>();

    @Option(names = "--scan", paramLabel = "DIR",
            description = "Reads the VG from the devices and images directly in DIR; those without an LVM2 label are "
                    + "skipped.")
    List<Path> scans = new ArrayList<>();

    @Option(names = "--vg", paramLabel = "VG", description = "With --pv or --scan: the VG to read when the devices hold several.")
    String vg;

    boolean active() {
        return !pvs.isEmpty() || !scans.isEmpty();
    }

    /** What a command read its positional words as: the FILE (null with devices) and the words after it. */
    record Args(String file, List<String> words) {
    }

    /**
     * Splits the command's positional words: picocli gave the first to FILE; with devices it is
     * the first of the command's own words. Without devices, FILE is required.
     */
    Args split(CommandSpec spec, String file, List<String> rest) {
        if (vg != null && !active()) {
            throw new ParameterException(spec.commandLine(), "--vg needs --pv or --scan");
        }
        if (!active()) {
            if (file == null) {
                throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE' (or --pv DEVICE, "
                        + "--scan DIR)");
            }
            return new Args(file, rest);
        }
        List<String> words = new ArrayList<>();
        if (file != null) {
            words.add(file);
        }
        words.addAll(rest);
        return new Args(null, words);
    }

    /** {@link #split}, for a command that takes at most {@code max} words after FILE. */
    Args split(CommandSpec spec, String file, List<String> rest, int max, String label) {
        Args a = split(spec, file, rest);
        if (a.words().size() > max) {
            throw new ParameterException(spec.commandLine(), "Unmatched argument: '" + a.words().get(max) + "'"
                    + (max == 0 ? " (with --pv or --scan the command takes no FILE)" : " (only one " + label + ")"));
        }
        return a;
    }

    /** The devices and directories given, as the JSON of check names its input. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        pvs.forEach(p -> out.add(p.toString()));
        scans.forEach(p -> out.add(p.toString()));
        return out;
    }

    /** The devices and images of the scanned directories, directory by directory. */
    List<Path> scanned() {
        List<Path> all = new ArrayList<>();
        for (Path dir : scans) {
            all.addAll(io.lvstack.engine.disk.DiskVgReader.scan(dir));
        }
        return all;
    }
}
