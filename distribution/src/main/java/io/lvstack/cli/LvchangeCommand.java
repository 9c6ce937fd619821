package io.lvstack.cli;

import io.lvstack.engine.ops.LvChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvchange -p r|rw, --addtag, --deltag VG/LV}. */
@Command(name = "lvchange",
        description = "Changes an LV's permission or tags in a metadata file.")
final class LvchangeCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Option(names = {"-p", "--permission"}, paramLabel = "r|rw") String permission;
    @Mixin
    TagOptions tags;
    @Parameters(index = "0", paramLabel = "VG/LV") String lv;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        LvChange change = new LvChange(permission, tags.add, tags.delete);
        MutationRun.run(spec, engineOptions, mutation, c -> change.run(c.vg(), MutationRun.lvName(c.vg(), lv),
                mutation.activation.activate != null));
    }
}
