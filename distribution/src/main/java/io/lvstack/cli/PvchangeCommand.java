package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.ops.PvChange;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pvchange -x y|n, --addtag, --deltag PV...}, PVs named by their device hints. */
@Command(name = "pvchange",
        description = "Changes PVs' allocatability or tags in a metadata file.")
final class PvchangeCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Option(names = {"-x", "--allocatable"}, paramLabel = "y|n") String allocatable;
    @Mixin
    TagOptions tags;
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "PV") List<String> pvs;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        Boolean x = allocatable == null ? null : switch (allocatable) {
            case "y" -> Boolean.TRUE;
            case "n" -> Boolean.FALSE;
            default -> throw new LvstackException("Invalid argument for --allocatable: " + allocatable);
        };
        PvChange change = new PvChange(x, tags.add, tags.delete);
        MutationRun.run(spec, engineOptions, mutation, c -> {
            List<PhysicalVolume> list = new ArrayList<>();
            for (String pv : pvs) {
                list.add(MutationRun.pv(c.vg(), pv));
            }
            return change.run(c.vg(), list);
        });
    }
}
