package io.lvstack.cli;

import io.lvstack.engine.ops.VgChange;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vgchange --addtag|--deltag TAG VG}. */
@Command(name = "vgchange", mixinStandardHelpOptions = true, description = "Changes a VG's tags in a metadata file.")
final class VgchangeCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Option(names = "--addtag", paramLabel = "TAG") List<String> addTags = new ArrayList<>();
    @Option(names = "--deltag", paramLabel = "TAG") List<String> delTags = new ArrayList<>();
    @Parameters(index = "0", paramLabel = "VG") String vgName;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        VgChange change = new VgChange(addTags, delTags);
        MutationRun.run(spec, engineOptions, mutation, c -> {
            MutationRun.checkVg(c.vg(), vgName);
            return change.run(c.vg());
        });
    }
}
