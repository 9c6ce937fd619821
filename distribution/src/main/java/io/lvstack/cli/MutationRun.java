package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.format.AtomicFile;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataHeader;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.engine.ops.alloc.PvRange;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One run of a command that changes metadata: read {@code --file}, apply the operation, write the
 * result with LVM2's header ({@code Created *after* executing '<command line>'}) to
 * {@code --output}, or rewrite the file atomically after archiving the old version as LVM2 names
 * archives ({@code IN.archive/VG_NNNNN.vg}, NNNNN the old seqno). Messages go to standard output.
 */
final class MutationRun {
    /**
     * What an operation sees: the engine, the format, the VG read, the stamp for new LVs, and
     * {@code messages}, where an operation may put LVM2's messages as they arise: they are printed
     * even when the operation then fails, as LVM2 prints them before its error.
     */
    record Context(io.lvstack.engine.Engine engine, MetadataFormat format, VolumeGroup vg, LvStamp stamp,
            List<String> messages) {
    }

    private MutationRun() {
    }

    static void run(CommandSpec spec, EngineOptions engineOptions, MutationOptions options,
            Function<Context, List<String>> operation) {
        MetadataInput.Loaded loaded = readValid(engineOptions, options);
        ImportedVg imported = loaded.vg();
        VolumeGroup vg = imported.vg();
        long oldSeqno = vg.properties().seqno();
        LvStamp stamp = LvStamp.now();
        PrintWriter out = spec.commandLine().getOut();
        Context context = new Context(engineOptions.engine(), loaded.format(), vg, stamp, new ArrayList<>());
        List<String> messages;
        try {
            messages = operation.apply(context);
            requireNamesFit(vg);
        } catch (RuntimeException e) {
            context.messages().forEach(out::println);
            out.flush();
            throw e;
        }
        if (vg.properties().seqno() == oldSeqno) {
            // Nothing was committed (pvchange of PVs already so): LVM2 writes nothing either.
            messages.forEach(out::println);
            out.flush();
            return;
        }
        MetadataHeader header = MetadataHeader.fresh("Created *after* executing '" + commandLine(spec) + "'",
                stamp.creationHost(), stamp.creationTime());
        String text = loaded.format().write(vg, header, MetadataFormat.Form.FILE);
        try {
            write(options, loaded, vg.name(), oldSeqno, text);
        } catch (LvstackException e) {
            throw new FileError(e);
        }
        messages.forEach(out::println);
        out.flush();
    }

    /** The file read and checked; what stops either is a {@link FileError}. */
    private static MetadataInput.Loaded readValid(EngineOptions engineOptions, MutationOptions options) {
        try {
            MetadataInput.Loaded loaded = MetadataInput.read(engineOptions, options.file.toString());
            ValidMetadata.require(options.file.toString(), loaded.vg().vg(), "change");
            return loaded;
        } catch (LvstackException e) {
            throw new FileError(e);
        }
    }

    private static void write(MutationOptions options, MetadataInput.Loaded loaded, String vgName, long oldSeqno,
            String text) {
        if (options.output != null) {
            AtomicFile.write(options.output, text.getBytes(StandardCharsets.UTF_8));
        } else {
            Path archive = options.file.resolveSibling(options.file.getFileName() + ".archive")
                    .resolve(String.format(Locale.ROOT, "%s_%05d.vg", vgName, oldSeqno));
            AtomicFile.createDirectories(archive.getParent());
            // The bytes the VG was read from: what is archived is exactly what was changed. The
            // archive is complete and durable before the file is replaced, so a kill or a crash at
            // any moment leaves the old version in one place or the other.
            AtomicFile.write(archive, loaded.bytes());
            AtomicFile.write(options.file, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * LVM2's {@code vg_validate} at every write refuses an LV whose {@code VG-LV} name is too long
     * (checked with LVM2 2.03.16); the VG read passed the checker, so only names the operation made
     * (a mirror's images, a split-off leg) can fail here.
     */
    private static void requireNamesFit(VolumeGroup vg) {
        for (io.lvstack.engine.graph.LogicalVolume lv : vg.lvs()) {
            LvmNameRules.requireFits(vg.name(), lv.name());
        }
    }

    /** The command as typed, without lvstack's own file options. */
    static String commandLine(CommandSpec spec) {
        List<String> args = new ArrayList<>();
        args.add(spec.name());
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        // The arguments start at the top-level command; the subcommand's own begin after its name.
        int from = original.indexOf(spec.name()) + 1;
        for (int i = from; i < original.size(); i++) {
            String a = original.get(i);
            if (a.equals("--file") || a.equals("--output")) {
                i++;
            } else if (!a.startsWith("--file=") && !a.startsWith("--output=")) {
                args.add(a);
            }
        }
        return String.join(" ", args);
    }

    /**
     * Raises the seqno by one, as LVM2's {@code vg_commit}, after operations that leave it to the
     * caller (mirror conversions and pvmove, which may take several engine steps per command).
     */
    static void commit(VolumeGroup vg) {
        vg.apply(io.lvstack.engine.graph.StackEditor::raiseSeqno);
    }

    /** Checks that {@code name} is the file's VG, with LVM2's message. */
    static void checkVg(VolumeGroup vg, String name) {
        if (!vg.name().equals(name)) {
            throw new LvstackException("Volume group \"" + name + "\" not found");
        }
    }

    /** {@code VG/LV} (or {@code /dev/VG/LV}): the LV's name, after checking the VG. */
    static String lvName(VolumeGroup vg, String arg) {
        String a = arg.startsWith("/dev/") ? arg.substring(5) : arg;
        int slash = a.indexOf('/');
        if (slash < 0) {
            throw new LvstackException("Path required for Logical Volume \"" + arg + "\".");
        }
        checkVg(vg, a.substring(0, slash));
        return a.substring(slash + 1);
    }

    /** A PV argument, matched through the device hint: {@code /dev/loop4}, {@code /dev/loop4:0-9:20-24}. */
    static List<PvRange> pvRanges(VolumeGroup vg, List<String> args) {
        List<PvRange> out = new ArrayList<>();
        for (String arg : args) {
            String[] parts = arg.split(":");
            PhysicalVolume pv = pv(vg, parts[0]);
            if (parts.length == 1) {
                out.add(PvRange.whole(pv));
            }
            for (int i = 1; i < parts.length; i++) {
                out.add(range(pv, parts[i], arg));
            }
        }
        return out;
    }

    static PhysicalVolume pv(VolumeGroup vg, String device) {
        for (PhysicalVolume pv : vg.pvs()) {
            if (device.equals(pv.device())) {
                return pv;
            }
        }
        throw new LvstackException("Physical Volume \"" + device + "\" not found in Volume Group \"" + vg.name()
                + "\".");
    }

    /** {@code A-B} (inclusive), {@code A-} (to the end), {@code A+N} or {@code A}, as LVM2's {@code _parse_pes}. */
    private static PvRange range(PhysicalVolume pv, String text, String arg) {
        try {
            long start;
            long end;
            int dash = text.indexOf('-');
            int plus = text.indexOf('+');
            if (dash >= 0) {
                start = Long.parseLong(text.substring(0, dash));
                end = dash == text.length() - 1 ? pv.peCount() - 1 : Long.parseLong(text.substring(dash + 1));
            } else if (plus >= 0) {
                start = Long.parseLong(text.substring(0, plus));
                end = start + Long.parseLong(text.substring(plus + 1)) - 1;
            } else {
                start = Long.parseLong(text);
                end = start;
            }
            if (start < 0 || end < 0) {
                throw new NumberFormatException();
            }
            if (end < start) {
                throw new LvstackException("PE range error: start extent " + start + " to end extent " + end + ".");
            }
            // A range past the PV's end is refused by the operation, at the point LVM2 refuses it.
            return new PvRange(pv, start, end - start + 1);
        } catch (NumberFormatException e) {
            throw new LvstackException("Physical extent parsing error at " + text + " in " + arg);
        }
    }
}
