package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.ops.LvCreate;
import io.lvstack.engine.ops.LvNames;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import io.lvstack.engine.ops.mirror.MirrorConverter;
import io.lvstack.engine.ops.mirror.MirrorLog;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvcreate}: a linear, striped or mirror LV, allocated as LVM2 allocates it. */
@Command(name = "lvcreate", mixinStandardHelpOptions = true,
        description = "Creates a linear, striped or mirror LV in a metadata file, as LVM2's lvcreate does.")
final class LvcreateCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Mixin
    SizeOptions sizeOptions;
    @Option(names = {"-n", "--name"}, paramLabel = "NAME") String name;
    @Option(names = {"-i", "--stripes"}, paramLabel = "N", defaultValue = "1") int stripes;
    @Option(names = {"-I", "--stripesize"}, paramLabel = "KiB") Long stripeSizeKib;
    @Option(names = "--alloc", paramLabel = "POLICY", defaultValue = "inherit") String alloc;
    @Option(names = {"-r", "--readahead"}, paramLabel = "SECTORS") String readAhead;
    @Option(names = "--type", paramLabel = "TYPE") String type;
    @Option(names = {"-m", "--mirrors"}, paramLabel = "N") Integer mirrors;
    @Option(names = "--mirrorlog", paramLabel = "core|disk|mirrored") String mirrorLog;
    @Option(names = {"-R", "--regionsize"}, paramLabel = "SIZE") String regionSize;
    @Parameters(index = "0", paramLabel = "VG") String vgName;
    @Parameters(index = "1..*", paramLabel = "PV") List<String> pvs = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        if (type != null && !type.equals("linear") && !type.equals("striped") && !type.equals("mirror")) {
            throw new LvstackException("lvcreate --type " + type + " is not supported: lvstack creates linear,"
                    + " striped and mirror LVs only");
        }
        LvSize lvSize = sizeOptions.size();
        if ("mirror".equals(type) || mirrors != null && mirrors > 0) {
            createMirror(lvSize);
            return;
        }
        if (mirrorLog != null || regionSize != null) {
            throw new LvstackException("--mirrorlog and --regionsize are only available with mirrors.");
        }
        Long ra = readAhead == null || readAhead.equals("auto") ? null
                : readAhead.equals("none") ? Long.valueOf(-1) : Long.valueOf(SizeArgs.integer(readAhead, "--readahead"));
        Long stripeSize = stripeSizeKib == null ? null : stripeSizeKib * 2;
        MutationRun.run(spec, engineOptions, mutation, c -> {
            MutationRun.checkVg(c.vg(), vgName);
            return new LvCreate(c.engine(), new LvmAllocator(), c.stamp()).run(c.vg(),
                    new LvCreate.Request(name, lvSize, stripes, stripeSize, AllocPolicy.of(alloc),
                            MutationRun.pvRanges(c.vg(), pvs), ra), c.messages());
        });
    }

    /** {@code --type mirror -m N}: N+1 legs with a core, disk (LVM2's default) or mirrored log. */
    private void createMirror(LvSize lvSize) {
        if (!"mirror".equals(type)) {
            throw new LvstackException("lvcreate -m" + MirrorArgs.RAID1_REFUSAL);
        }
        if (mirrors == null || mirrors < 1) {
            throw new LvstackException("--type mirror requires -m|--mirrors at least 1.");
        }
        if (stripes != 1 || stripeSizeKib != null || readAhead != null || !alloc.equals("inherit")) {
            throw new LvstackException("lvstack creates mirrors of linear legs, with the default allocation and"
                    + " read ahead only");
        }
        MirrorLog log = mirrorLog == null ? MirrorLog.DISK : MirrorLog.of(mirrorLog);
        long region = MirrorArgs.regionSectors(regionSize);
        MutationRun.run(spec, engineOptions, mutation, c -> {
            MutationRun.checkVg(c.vg(), vgName);
            List<String> messages = c.messages();
            long lvExtents = lvSize.toExtents(c.vg().properties().extentSize(), messages);
            String lvName = name != null ? name : LvNames.next(c.vg(), "lvol");
            if (c.vg().lv(lvName) != null) {
                throw new LvstackException("Logical Volume \"" + lvName + "\" already exists in volume group \""
                        + c.vg().name() + "\"");
            }
            new MirrorConverter(c.engine(), new LvmAllocator(), c.stamp()).createMirror(c.vg(), lvName, lvExtents,
                    mirrors + 1, log, region, MutationRun.pvRanges(c.vg(), pvs));
            MutationRun.commit(c.vg());
            List<String> out = new ArrayList<>(messages);
            out.add("  Logical volume \"" + lvName + "\" created.");
            return out;
        });
    }
}
