package io.lvstack.cli;

import io.lvstack.engine.ops.VgChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vgchange --addtag|--deltag TAG VG}. */
@Command(name = "vgchange", description = "Changes a VG's tags in a metadata file.")
final class VgchangeCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Mixin
    TagOptions tags;
    @Parameters(index = "0", paramLabel = "VG") String vgName;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        VgChange change = new VgChange(tags.add, tags.delete);
        MutationRun.run(spec, engineOptions, mutation, c -> {
            MutationRun.checkVg(c.vg(), vgName);
            return change.run(c.vg());
        });
    }
}
