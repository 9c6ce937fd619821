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

/** {@code lvextend}: grows a linear or striped LV, allocated as LVM2 allocates it. */
@Command(name = "lvextend",
        description = "Extends a linear or striped LV in a metadata file, as LVM2's lvextend does.")
final class LvextendCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Mixin
    SizeOptions sizeOptions;
    @Option(names = "--alloc", paramLabel = "POLICY", defaultValue = "inherit") String alloc;
    @Parameters(index = "0", paramLabel = "VG/LV") String lv;
    @Parameters(index = "1..*", paramLabel = "PV") List<String> pvs = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        LvSize lvSize = sizeOptions.size();
        MutationRun.run(spec, engineOptions, mutation, c -> new LvResize(c.engine(), new LvmAllocator()).extend(c.vg(),
                MutationRun.lvName(c.vg(), lv), lvSize, AllocPolicy.of(alloc), MutationRun.pvRanges(c.vg(), pvs), c.messages()));
    }
}
