package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.api.ops.CreateRequest;
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

/** {@code lvcreate}: a linear, striped or mirror LV, allocated as LVM2 allocates it. */
@Command(name = "lvcreate",
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
    @Option(names = {"-I", "--stripesize"}, paramLabel = "SIZE",
            description = "Stripe size, KiB unless a unit is given, as in LVM2.") String stripeSizeArg;
    @Option(names = "--alloc", paramLabel = "POLICY", defaultValue = "inherit") String alloc;
    @Option(names = {"-r", "--readahead"}, paramLabel = "SECTORS") String readAhead;
    @Option(names = "--type", paramLabel = "TYPE") String type;
    @Option(names = {"-m", "--mirrors"}, paramLabel = "N") Integer mirrors;
    @Option(names = "--mirrorlog", paramLabel = "core|disk|mirrored") String mirrorLog;
    @Option(names = {"-c", "--chunksize"}, paramLabel = "SIZE",
            description = "Chunk size of a pool or snapshot, KiB unless a unit is given, as in LVM2.") String chunkSize;
    @Option(names = "--poolmetadatasize", paramLabel = "SIZE",
            description = "Size of a pool's metadata LV, MiB unless a unit is given, as in LVM2.") String poolMetadataSize;
    @Option(names = {"-R", "--regionsize"}, paramLabel = "SIZE") String regionSize;
    @Option(names = "--nosync", description = "A new raid LV's images are taken as in sync, as in LVM2.")
    boolean nosync;
    @Option(names = "--raidintegrity", paramLabel = "y|n", description = "Integrity for the images of a raid LV,"
            + " as in LVM2.") String raidIntegrity;
    @Option(names = "--raidintegritymode", paramLabel = "journal|bitmap") String raidIntegrityMode;
    @Option(names = "--raidintegrityblocksize", paramLabel = "512|1024|2048|4096") Integer raidIntegrityBlockSize;
    // LVM2's options for thin LVs and snapshots: read with LVM2's meaning, so that without a
    // plugin for the type they ask for lvcreate refuses them as an LVM2 built without it would.
    @Option(names = {"-V", "--virtualsize"}, paramLabel = "SIZE",
            description = "Virtual size of a thin LV or sparse snapshot, as in LVM2.") String virtualSize;
    @Option(names = {"-T", "--thin"}, description = "A thin LV (with -V) or thin pool, as in LVM2.") boolean thin;
    @Option(names = "--thinpool", paramLabel = "POOL", description = "The thin pool, as in LVM2.") String thinPool;
    @Option(names = {"-s", "--snapshot"}, description = "A snapshot, as in LVM2.") boolean snapshot;
    @Option(names = "--discards", paramLabel = "passdown|nopassdown|ignore",
            description = "A thin pool's discards, as in LVM2.") String discards;
    @Parameters(index = "0", arity = "0..1", paramLabel = "VG",
            description = "The VG; may be left out when -n names VG/LV.") String vgArg;
    @Parameters(index = "1..*", paramLabel = "PV") List<String> pvs = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        String segtype = LvcreateType.of(type, snapshot, thin, thinPool, virtualSize, mirrors,
                sizeOptions.size != null || sizeOptions.extents != null,
                vgArg != null && LvmArgs.skipDevDir(vgArg).contains("/"), engineOptions.engine().segmentTypes());
        boolean ownCreator = segtype != null && LvcreateType.hasCreator(segtype, engineOptions.engine().segmentTypes());
        if (segtype != null && !LvcreateType.CREATED.contains(segtype) && !ownCreator) {
            // before the positional arguments, whose form depends on the type (a snapshot's VG/ORIGIN)
            throw new LvstackException("lvcreate --type " + segtype + " is not supported: the loaded plugin for "
                    + segtype + " makes no LVs yet");
        }
        Target target = target();
        boolean sized = sizeOptions.size != null || sizeOptions.extents != null;
        if (ownCreator && !sized && !pvs.isEmpty()) {
            // a thin LV or snapshot allocates nothing: LVM2's command lines for them take no PVs
            throw new CommandLineRefusal("Command does not accept argument: " + pvs.get(0) + ".");
        }
        LvSize lvSize = ownCreator && !sized && (virtualSize != null || target.origin() != null) ? null
                : sizeOptions.size();
        if (mirrors != null && mirrors > 0 && !MirrorArgs.MIRROR.equals(type) && !ownCreator) {
            throw new LvstackException("lvcreate -m" + MirrorArgs.RAID1_REFUSAL);
        }
        boolean mirror = MirrorArgs.MIRROR.equals(type);
        if (mirror) {
            checkMirror();
        } else if (mirrorLog != null || regionSize != null && !ownCreator) {
            throw new LvstackException("--mirrorlog and --regionsize are only available with mirrors.");
        }
        CreateRequest.RaidOptions raid = raidOptions();
        LvCreate.TypeOptions typeOptions = LvCreate.TypeOptions.NONE;
        if (mirror) {
            // -R is read with the VG, below; a mirror takes no pool options (and never read them)
            typeOptions = new LvCreate.TypeOptions(mirrors, mirrorLog, null, null, null);
        } else if (ownCreator) {
            typeOptions = new LvCreate.TypeOptions(mirrors, mirrorLog, null,
                    chunkSize == null ? null : SizeArgs.sectors(chunkSize, 'k', "--chunksize"),
                    poolMetadataSize == null ? null : SizeArgs.sectors(poolMetadataSize, 'm', "--poolmetadatasize"),
                    new LvCreate.Pooled(virtualSize == null ? null : LvSize.ofSize(virtualSize), target.pool(),
                            target.origin(), zero(), discards), raid);
        } else if (chunkSize != null || poolMetadataSize != null) {
            throw new LvstackException("--chunksize and --poolmetadatasize are only available with pools and snapshots.");
        }
        LvCreate.TypeOptions readOptions = typeOptions;
        String createdType = ownCreator ? segtype : null;
        Long ra = readAhead == null || readAhead.equals("auto") ? null
                : readAhead.equals("none") ? Long.valueOf(-1) : Long.valueOf(SizeArgs.integer(readAhead, "--readahead"));
        Long stripeSize = stripeSizeArg == null ? null : SizeArgs.sectors(stripeSizeArg, 'k', "--stripesize");
        MutationRun.run(spec, engineOptions, mutation, c -> {
            MutationRun.checkVg(c.vg(), target.vg());
            LvCreate.TypeOptions createdOptions = regionSize == null ? readOptions
                    : new LvCreate.TypeOptions(mirrors, mirrorLog, MirrorArgs.regionSectors(regionSize, true),
                            readOptions.chunkSize(), readOptions.metadataSize(), readOptions.pooled(),
                            readOptions.raid());
            return new LvCreate(c.engine(), new LvmAllocator(), c.stamp()).run(c.vg(),
                    new LvCreate.Request(target.lv(), lvSize, stripes, stripeSize, AllocPolicy.of(alloc),
                            MutationRun.pvRanges(c.vg(), pvs), ra, createdType, createdOptions), c.messages());
        });
    }

    /**
     * {@code --nosync} and {@code --raidintegrity*}, read as LVM2 reads them: the integrity options
     * need {@code --raidintegrity y}.
     */
    private CreateRequest.RaidOptions raidOptions() {
        boolean integrity = raidIntegrity != null && LvmArgs.yesNo(raidIntegrity, "--raidintegrity");
        if (raidIntegrityMode != null && !raidIntegrityMode.equals("journal") && !raidIntegrityMode.equals("bitmap")) {
            throw new CommandLineRefusal("Invalid argument for --raidintegritymode: " + raidIntegrityMode);
        }
        if (raidIntegrityBlockSize != null && !List.of(512, 1024, 2048, 4096).contains(raidIntegrityBlockSize)) {
            throw new LvstackException("Invalid raid integrity block size, possible values are 512, 1024, 2048,"
                    + " 4096.");
        }
        return new CreateRequest.RaidOptions(nosync, integrity, raidIntegrityMode,
                raidIntegrityBlockSize == null ? null : raidIntegrityBlockSize.longValue());
    }

    /** {@code -Z}: whether a new thin pool zeroes new blocks; null when not given (LVM2's default, yes). */
    private Boolean zero() {
        String z = mutation.activation.zero;
        return z == null ? null : LvmArgs.yesNo(z, "--zero");
    }

    /**
     * The VG and the new LV's name (null for the next {@code lvolN}), from {@code -n} and the VG
     * argument; the pool ({@code --thinpool}, or {@code -T VG/POOL}) and a snapshot's origin
     * ({@code -s VG/ORIGIN}), null when not given.
     */
    record Target(String vg, String lv, String pool, String origin) {
    }

    /**
     * {@code _lvcreate_name_params}: {@code -n [VG/]LV} must be a valid name LVM2 does not keep
     * for itself, and the VG it names, if any, must be the VG argument; before any metadata is read.
     */
    private Target target() {
        if (vgArg == null && (name == null || !name.contains("/"))) {
            // LVM2 finds no command line of lvcreate without a VG
            throw new CommandLineRefusal("No command with matching syntax recognised.  Run 'lvcreate --help' for more"
                    + " information.");
        }
        String vg = null;
        String lv = name;
        if (lv != null) {
            if (lv.contains("/")) {
                String[] path = LvmArgs.split(lv);
                vg = path[0];
                lv = path[1];
            }
            LvmNameRules.requireNewLvNameParam(lv);
        }
        String pool = null;
        String origin = null;
        if (thinPool != null) {
            String[] path = thinPool.contains("/") ? LvmArgs.split(thinPool) : new String[] {null, thinPool};
            vg = path[0] != null ? consistent(vg, path[0]) : vg;
            pool = path[1];
        }
        String given = vgArg == null ? null : LvmArgs.skipDevDir(vgArg);
        if (given != null && given.contains("/") && (snapshot || thin)) {
            // lvcreate's position argument names the origin of a snapshot, or the pool of -T
            String[] path = LvmArgs.split(given);
            if (snapshot) {
                origin = path[1];
            } else if (virtualSize == null) {
                if (lv != null && !lv.equals(path[1])) {
                    throw new CommandLineRefusal("Ambiguous pool name " + path[1] + " and LV name " + lv + ".");
                }
                lv = path[1];
            } else {
                pool = path[1];
            }
            given = path[0];
        }
        if (given != null) {
            if (given.contains("/")) {
                throw new CommandLineRefusal("Volume group name expected (no slash)");
            }
            if (vg != null && !vg.equals(given)) {
                throw new CommandLineRefusal("Inconsistent volume group names given: \"" + vg + "\" and \"" + given
                        + "\"");
            }
            vg = given;
        }
        if (!LvmNameRules.isValid(vg)) {
            throw new CommandLineRefusal("Volume group name " + vg + " has invalid characters");
        }
        return new Target(vg, lv, pool, origin);
    }

    private static String consistent(String vg, String other) {
        if (vg != null && !vg.equals(other)) {
            throw new CommandLineRefusal("Inconsistent volume group names given: \"" + vg + "\" and \"" + other
                    + "\"");
        }
        return other;
    }

    /**
     * {@code --type mirror -m N}: lvstack's limits of the mirrors it creates and LVM2's words for
     * {@code --mirrorlog}, checked before any metadata is read (the mirror type's creator checks
     * again what it can see).
     */
    private void checkMirror() {
        if (mirrors == null || mirrors < 1) {
            throw new LvstackException("--type mirror requires -m|--mirrors at least 1.");
        }
        if (stripes != 1 || stripeSizeArg != null || readAhead != null || !alloc.equals("inherit")) {
            throw new LvstackException("lvstack creates mirrors of linear legs, with the default allocation and"
                    + " read ahead only");
        }
        MirrorArgs.checkLogWord(mirrorLog);
    }
}
