package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.ops.LvCreate;
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

/** {@code lvcreate}: a linear or striped LV, allocated as LVM2 allocates it. */
@Command(name = "lvcreate", mixinStandardHelpOptions = true,
        description = "Creates a linear or striped LV in a metadata file, as LVM2's lvcreate does.")
final class LvcreateCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;
    @Mixin
    ActivationOptions activation;

    @Option(names = {"-L", "--size"}, paramLabel = "SIZE") String size;
    @Option(names = {"-l", "--extents"}, paramLabel = "EXTENTS") String extents;
    @Option(names = {"-n", "--name"}, paramLabel = "NAME") String name;
    @Option(names = {"-i", "--stripes"}, paramLabel = "N", defaultValue = "1") int stripes;
    @Option(names = {"-I", "--stripesize"}, paramLabel = "KiB") Long stripeSizeKib;
    @Option(names = "--alloc", paramLabel = "POLICY", defaultValue = "inherit") String alloc;
    @Option(names = {"-r", "--readahead"}, paramLabel = "SECTORS") String readAhead;
    @Option(names = "--type", paramLabel = "TYPE") String type;
    @Parameters(index = "0", paramLabel = "VG") String vgName;
    @Parameters(index = "1..*", paramLabel = "PV") List<String> pvs = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        if (type != null && !type.equals("linear") && !type.equals("striped")) {
            throw new LvstackException("lvcreate --type " + type + " is not supported: lvstack creates linear and"
                    + " striped LVs only");
        }
        LvSize lvSize = SizeArgs.of(size, extents);
        Long ra = readAhead == null || readAhead.equals("auto") ? null
                : readAhead.equals("none") ? Long.valueOf(-1) : Long.valueOf(SizeArgs.integer(readAhead, "--readahead"));
        Long stripeSize = stripeSizeKib == null ? null : stripeSizeKib * 2;
        MutationRun.run(spec, engineOptions, mutation, c -> {
            MutationRun.checkVg(c.vg(), vgName);
            return new LvCreate(c.engine().segmentTypes(), new LvmAllocator(), c.stamp()).run(c.vg(),
                    new LvCreate.Request(name, lvSize, stripes, stripeSize, AllocPolicy.of(alloc),
                            MutationRun.pvRanges(c.vg(), pvs), ra), c.messages());
        });
    }
}
