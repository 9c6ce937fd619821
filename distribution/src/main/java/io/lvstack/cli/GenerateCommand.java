package io.lvstack.cli;

import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.generate.VgGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lvstack generate}: a large, valid VG for tests and benchmarks, the same for the same seed. */
@Command(name = "generate",
        description = "Writes a generated VG of linear, striped and disk-log mirror LVs, deterministically from a seed.")
final class GenerateCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Option(names = "--lvs", required = true, paramLabel = "N", description = "Number of LVs, sub-LVs included.")
    int lvs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--vg", defaultValue = "vgbig", paramLabel = "NAME", description = "VG name (default ${DEFAULT-VALUE}).")
    String vgName;

    @Option(names = "--raid", description = "Also makes raid1 LVs (each with 2 images and 2 metadata LVs), as"
            + " LVM2 2.03's lvcreate -m1 does.") boolean raid;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Writes OUT atomically instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        MetadataFormat format = new MetadataFormat(engineOptions.engine());
        ImportedVg vg = new VgGenerator(engineOptions.engine(), raid ? MirrorArgs.MIRROR_SEGTYPE_DEFAULT : null)
                .generate(vgName, lvs, seed);
        if (output != null) {
            format.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE, output);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(format.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
            out.flush();
        }
    }
}
