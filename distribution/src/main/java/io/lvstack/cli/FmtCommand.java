package io.lvstack.cli;

import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvstack fmt FILE}: reads metadata and writes it back in LVM2's canonical form, keeping
 * the file's header lines, so a file LVM2 wrote comes back unchanged.
 */
@Command(name = "fmt",
        description = "Writes LVM2 metadata back in the canonical form LVM2 itself writes.")
final class FmtCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A metadata file, as vgcfgbackup writes it ('-' for standard input); none with --pv or --scan.")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Writes OUT atomically (temporary file, fsync, rename) instead of standard output.")
    Path output;

    @Option(names = "--ondisk", description = "Writes the on-disk form: no indentation or comments, header last.")
    boolean onDisk;

    @Mixin
    DeviceSource devices;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeviceSource.Args args = devices.split(spec, file, java.util.List.of(), 0, "");
        MetadataInput.Loaded loaded = MetadataInput.read(engineOptions, devices, args.file(), spec.commandLine().getErr());
        MetadataFormat format = loaded.format();
        ImportedVg vg = loaded.vg();
        Warnings.print(spec.commandLine().getErr(), loaded.source(), vg.warnings());
        MetadataFormat.Form form = onDisk ? MetadataFormat.Form.ON_DISK : MetadataFormat.Form.FILE;
        if (output != null) {
            format.write(vg.vg(), vg.header(), form, output);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            LargeText.print(out, format.write(vg.vg(), vg.header(), form));
            out.flush();
        }
        return loaded.status();
    }
}
