package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Engine;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.disk.DiskVg;
import io.lvstack.engine.disk.DiskVgReader;
import java.util.ArrayList;
import java.util.List;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataSourceException;
import io.lvstack.engine.text.ParseOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads the metadata a command names (a file, or standard input for {@code -}). Parsing needs no
 * engine, so the engine is assembled on the other core meanwhile: on a large VG the two take
 * about as long as each other.
 */
final class MetadataInput {
    /**
     * What a command works on: the format (for writing back), the VG read, the bytes it was read
     * from, and, when read from devices, whether a device or metadata copy could not be read.
     */
    record Loaded(MetadataFormat format, ImportedVg vg, byte[] bytes, boolean damaged, String source) {
        /** The exit status for a command that did its work: 1 when some device could not be read. */
        int status() {
            return damaged ? LvstackErrorHandler.EXIT_FAILED : 0;
        }
    }

    /**
     * Reads the file, or with {@code devices} the VG on them, printing what reading found wrong
     * with the devices (one line each, naming the device) before the command's output.
     */
    static Loaded read(EngineOptions options, DeviceSource devices, String file, java.io.PrintWriter err) {
        if (devices == null || !devices.active()) {
            return read(options, file);
        }
        MetadataFormat format = new MetadataFormat(options.engine());
        DiskVg disk = readDevices(options, format, devices);
        for (Problem p : disk.problems()) {
            err.println("lvstack: " + p);
        }
        err.flush();
        return new Loaded(format, disk.vg(), disk.copy().bytes(), disk.damaged(), disk.copy().where());
    }

    /**
     * The VG on the devices, for check: the devices' problems, then every problem of the chosen
     * copy as check finds them in a file; and, when that copy imports, the PVs not found.
     */
    static CheckReport checkDevices(EngineOptions options, DeviceSource devices) {
        MetadataFormat format = new MetadataFormat(options.engine());
        DiskVgReader reader = reader(options, format);
        DiskVgReader.Selection chosen = reader.select(devices.pvs, devices.scanned(), devices.vg);
        CheckReport vg = new Checker(format).check(chosen.copy().parsed());
        List<Problem> all = new ArrayList<>(chosen.problems());
        if (vg.valid()) {
            // what binding adds: LVM2's warnings for PVs without a device, devices of no PV of the VG
            all = new ArrayList<>(reader.imported(chosen).problems());
        }
        all.addAll(vg.problems());
        return new CheckReport(vg.vgName(), all);
    }

    private static DiskVg readDevices(EngineOptions options, MetadataFormat format, DeviceSource devices) {
        return reader(options, format).read(devices.pvs, devices.scanned(), devices.vg);
    }

    private static DiskVgReader reader(EngineOptions options, MetadataFormat format) {
        return new DiskVgReader(format, MetadataFormat.parseOptions(options.layers()));
    }

    private MetadataInput() {
    }

    static Loaded read(EngineOptions options, String file) {
        CompletableFuture<Engine> engine = CompletableFuture.supplyAsync(options::engine);
        MetadataFormat.Parsed parsed = parse(options, file, engine);
        MetadataFormat format = new MetadataFormat(join(engine));
        return new Loaded(format, format.read(parsed), parsed.bytes(), false, file);
    }

    /** Reads for checking: every problem, an unreadable text being one. */
    static CheckReport check(EngineOptions options, Path file) {
        CompletableFuture<Engine> engine = CompletableFuture.supplyAsync(options::engine);
        MetadataFormat.Parsed parsed;
        try {
            parsed = parse(options, file.toString(), engine);
        } catch (MetadataSourceException e) {
            join(engine);
            return Checker.unreadable(e);
        }
        return new Checker(new MetadataFormat(join(engine))).check(parsed);
    }

    private static MetadataFormat.Parsed parse(EngineOptions options, String file, CompletableFuture<Engine> engine) {
        try {
            ParseOptions limits = MetadataFormat.parseOptions(options.layers());
            if (!"-".equals(file)) {
                return MetadataFormat.parse(Path.of(file), limits);
            }
            return MetadataFormat.parse(MetadataFormat.bounded(System.in, "<stdin>", limits), "<stdin>", limits);
        } catch (IOException e) {
            join(engine);
            throw new LvstackException("<stdin>: cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            // An engine that cannot be assembled is the error to report first, as before parsing.
            join(engine);
            throw e;
        }
    }

    private static Engine join(CompletableFuture<Engine> engine) {
        try {
            return engine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
