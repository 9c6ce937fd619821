package io.lvstack.cli;

import io.lvstack.engine.ops.LvResize;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvextend}: grows an LV (a pool's metadata too), allocated as LVM2 allocates it. */
@Command(name = "lvextend",
        description = "Extends an LV (linear, striped, thin, a pool and its metadata, a COW snapshot) in a metadata"
                + " file, as LVM2's lvextend does.")
final class LvextendCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Mixin
    SizeOptions sizeOptions;
    @Option(names = "--alloc", paramLabel = "POLICY", defaultValue = "inherit") String alloc;
    @Option(names = "--poolmetadatasize", paramLabel = "[+]SIZE",
            description = "A pool's metadata size, MiB unless a unit is given; + adds, as in LVM2.") String metadataSize;
    @Parameters(index = "0", paramLabel = "VG/LV") String lv;
    @Parameters(index = "1..*", paramLabel = "PV") List<String> pvs = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        boolean sized = sizeOptions.size != null || sizeOptions.extents != null;
        LvSize lvSize = sized || metadataSize == null ? sizeOptions.size() : null;
        LvSize metadata = metadataSize == null ? null : metadataSize(metadataSize);
        MutationRun.run(spec, engineOptions, mutation, c -> new LvResize(c.engine(), new LvmAllocator()).extend(c.vg(),
                MutationRun.lvName(c.vg(), lv), lvSize, metadata, AllocPolicy.of(alloc),
                MutationRun.pvRanges(c.vg(), pvs), c.messages()));
    }

    /** {@code --poolmetadatasize [+]SIZE}: MiB unless a unit is given; no shrinking. */
    private static LvSize metadataSize(String text) {
        String t = text.trim();
        String withUnit = !t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1)) ? t + "m" : t;
        LvSize size;
        try {
            size = LvSize.ofSize(withUnit);
        } catch (io.lvstack.api.LvstackException e) {
            throw new CommandLineRefusal("Invalid argument for --poolmetadatasize: " + text);
        }
        if (size.sign() == '-') {
            throw new CommandLineRefusal("Invalid argument for --poolmetadatasize: " + text);
        }
        return size;
    }
}
