package io.lvstack.cli;

import io.lvstack.engine.ops.LvResize;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvreduce}: shrinks a linear or striped LV from its end. */
@Command(name = "lvreduce",
        description = "Reduces a linear or striped LV in a metadata file, cutting from the end as LVM2 does.")
final class LvreduceCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Mixin
    SizeOptions sizeOptions;
    @Parameters(index = "0", paramLabel = "VG/LV") String lv;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        LvSize lvSize = sizeOptions.size();
        MutationRun.run(spec, engineOptions, mutation, c -> new LvResize(c.engine(), new LvmAllocator()).reduce(c.vg(),
                MutationRun.lvName(c.vg(), lv), lvSize, c.messages()));
    }
}
