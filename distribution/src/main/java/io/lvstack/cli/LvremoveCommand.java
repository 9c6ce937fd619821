package io.lvstack.cli;

import io.lvstack.engine.ops.LvRemove;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvremove VG/LV...}: all in one commit, or none. */
@Command(name = "lvremove",
        description = "Removes LVs (with the sub-LVs only they use) from a metadata file.")
final class LvremoveCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "VG/LV") List<String> lvs;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        MutationRun.run(spec, engineOptions, mutation, c -> {
            List<String> messages = new ArrayList<>();
            // -y or -f answers LVM2's question whether the LVs that depend on one go with it
            boolean withDependents = mutation.activation.yes || mutation.activation.force != null;
            for (String lv : lvs) {
                messages.addAll(new LvRemove(c.engine(), c.stamp()).run(c.vg(), MutationRun.lvName(c.vg(), lv),
                        withDependents));
            }
            return messages;
        });
    }
}
