package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.dm.DeviceMap;
import io.lvstack.engine.dm.DmTables;
import io.lvstack.engine.dm.TableBuilder;
import io.lvstack.engine.dm.TableOptions;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvstack table FILE [VG/LV]}: the device-mapper tables LVM2 would load for the VG's LVs,
 * in load order, as {@code dmsetup table} prints them.
 */
@Command(name = "table",
        description = {"Prints the device-mapper tables LVM2 would load for the LVs, sub-LVs before their users, "
                + "as 'dmsetup table' prints them: NAME: START LENGTH TARGET ARGS (sectors).",
                "PVs are named by their device hints unless mapped; LVs' own devices by /dev/mapper path "
                        + "unless --dm-major numbers them."})
final class TableCommand implements Callable<Integer> {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A metadata file ('-' for standard input); none with --pv or --scan.")
    String file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LV",
            description = "Only this LV (name or VG/name) and the LVs it needs (a pvmove LV brings the LVs being moved).")
    String lvArg;

    @Option(names = "--device", paramLabel = "PV=MAJOR:MINOR",
            description = "The kernel device of a PV (pvN, a PV UUID or a device path), e.g. pv0=8:16; wins over "
                    + "--devices. Repeatable.")
    List<String> devices = new ArrayList<>();

    @Option(names = "--devices", paramLabel = "FILE",
            description = "PV devices from a file: 'PV MAJOR:MINOR' lines, as 'lsblk -rno PATH,MAJ:MIN' prints them.")
    Path devicesFile;

    @Option(names = "--dm-major", paramLabel = "MAJOR",
            description = "Number the LVs' own devices MAJOR:MINOR in load order (LVs with a fixed minor keep it).")
    Long dmMajor;

    @Option(names = "--dm-first-minor", paramLabel = "MINOR",
            description = "The first minor --dm-major gives (default: 0, as on a host with no other device-mapper device).")
    Long dmFirstMinor;

    @Option(names = "--monitor", paramLabel = "y|n", defaultValue = "y",
            description = "dmeventd monitoring, as LVM2's activation/monitoring (default: y): monitored mirrors "
                    + "get handle_errors.")
    String monitor;

    @Option(names = "--nosync", description = "Mirrors as 'lvcreate --nosync' loads them: declared in sync.")
    boolean nosync;

    @Mixin
    DeviceSource source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TableOptions options = options();
        DeviceSource.Args args = source.split(spec, file, lvArg == null ? List.of() : List.of(lvArg), 1, "LV");
        String lvName = args.words().isEmpty() ? null : args.words().get(0);
        PrintWriter err = spec.commandLine().getErr();
        MetadataInput.Loaded loaded = MetadataInput.read(engineOptions, source, args.file(), err);
        ImportedVg imported = loaded.vg();
        Warnings.print(err, loaded.source(), imported.warnings());
        VolumeGroup vg = imported.vg();
        LogicalVolume only = lvName == null ? null : LvArgument.find(vg, lvName);
        ValidMetadata.require(loaded.source(), vg, "build device-mapper tables for");
        DmTables tables = only == null ? TableBuilder.build(vg, options) : TableBuilder.build(only, options);
        PrintWriter out = spec.commandLine().getOut();
        out.print(tables.render());
        out.flush();
        for (String problem : tables.problems()) {
            err.println("lvstack: " + problem);
        }
        err.flush();
        return tables.problems().isEmpty() ? loaded.status() : LvstackErrorHandler.EXIT_FAILED;
    }

    private TableOptions options() {
        boolean monitoring = switch (monitor) {
            case "y" -> true;
            case "n" -> false;
            default -> throw new LvstackException("Invalid argument for --monitor: " + monitor + " (y or n)");
        };
        DeviceMap map = DeviceMap.ofArguments("--device", devices);
        if (devicesFile != null) {
            map = DeviceMap.read(devicesFile).overriddenBy(map);
        }
        if (dmMajor == null && dmFirstMinor != null) {
            throw new LvstackException("--dm-first-minor needs --dm-major");
        }
        TableOptions.DmNumbers numbers = dmMajor == null ? null
                : new TableOptions.DmNumbers(dmMajor, dmFirstMinor == null ? 0 : dmFirstMinor);
        return new TableOptions(map, numbers, monitoring, nosync);
    }
}
