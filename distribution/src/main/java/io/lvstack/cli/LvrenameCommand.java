package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.ops.LvRename;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvrename VG/OLD VG/NEW} or {@code lvrename VG OLD NEW}. */
@Command(name = "lvrename",
        description = "Renames an LV (and its sub-LVs) in a metadata file.")
final class LvrenameCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Parameters(arity = "2..3", paramLabel = "ARG") List<String> args;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        MutationRun.run(spec, engineOptions, mutation, c -> {
            String oldName;
            String newName;
            if (args.size() == 3) {
                MutationRun.checkVg(c.vg(), args.get(0));
                oldName = args.get(1);
                newName = args.get(2);
            } else {
                oldName = MutationRun.lvName(c.vg(), args.get(0));
                newName = args.get(1).contains("/") ? MutationRun.lvName(c.vg(), args.get(1)) : args.get(1);
            }
            if (newName.isEmpty()) {
                throw new LvstackException("New logical volume name \"\" is invalid");
            }
            return new LvRename().run(c.vg(), oldName, newName);
        });
    }
}
