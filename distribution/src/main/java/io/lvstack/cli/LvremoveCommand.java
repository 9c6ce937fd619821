package io.lvstack.cli;

import io.lvstack.api.LvstackException;
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
            // -y or -f answers LVM2's question whether the LVs that depend on one go with it
            boolean withDependents = mutation.activation.yes || mutation.activation.force != null;
            List<String> done = new ArrayList<>();
            for (String lv : lvs) {
                List<String> these = new ArrayList<>();
                try {
                    new LvRemove(c.engine(), c.stamp()).run(c.vg(), MutationRun.lvName(c.vg(), lv), withDependents,
                            these);
                } catch (LvstackException e) {
                    // LVM2's question goes out before the refusal; earlier removals are not written
                    c.messages().addAll(these);
                    throw e;
                }
                done.addAll(these);
            }
            return done;
        });
    }
}
