package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.engine.ops.LvConvert;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvconvert} ({@code tools/lvconvert.c}): LVM2's options read as LVM2's command line reads
 * them into a {@link ConvertRequest}, which the engine hands to a segment type's converter (the
 * mirror type's for mirrors: linear or striped to mirror, legs added or removed, the log changed,
 * legs split off, back to linear; the cache types' for caches and writecaches: a cache pool or
 * cachevol attached, a writecache's cachevol attached, the cache split off or removed). With no daemon to wait for the resync, a conversion LVM2's poll
 * would finish later is finished in the same command, unless {@code --no-collapse} keeps the
 * converting state; {@code lvconvert VG/LV} alone then finishes it.
 */
@Command(name = "lvconvert",
        description = "Converts an LV to or from a mirror, or changes a mirror's legs or log, caches an LV or"
                + " splits its cache off, in a metadata file, as LVM2's lvconvert does.")
final class LvconvertCommand implements Runnable {
    /** lvconvert's {@code --type} values lvstack takes. */
    private static final List<String> TYPES = List.of(MirrorArgs.MIRROR, "linear", "striped", "cache", "writecache");

    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Option(names = {"-m", "--mirrors"}, paramLabel = "[+|-]N") String mirrors;
    @Option(names = "--mirrorlog", paramLabel = "core|disk|mirrored") String mirrorLog;
    @Option(names = "--splitmirrors", paramLabel = "N") Integer splitMirrors;
    @Option(names = {"-n", "--name"}, paramLabel = "NEW") String name;
    @Option(names = "--type", paramLabel = "mirror|linear|striped|cache|writecache") String type;
    @Option(names = "--cachepool", paramLabel = "LV", description = "The cache pool to cache the LV with.")
    String cachePool;
    @Option(names = "--cachevol", paramLabel = "LV", description = "The LV to cache the LV with, as a cachevol.")
    String cacheVol;
    @Option(names = "--splitcache", description = "Detaches the cache, keeping the cache pool or cachevol.")
    boolean splitCache;
    @Option(names = "--uncache", description = "Detaches the cache and removes the cache pool or cachevol.")
    boolean uncache;
    @Option(names = "--cachemode", paramLabel = "writethrough|writeback|passthrough") String cacheMode;
    @Option(names = "--cachepolicy", paramLabel = "POLICY") String cachePolicy;
    @Option(names = "--cachesettings", paramLabel = "KEY=VALUE") List<String> cacheSettings = new ArrayList<>();
    @Option(names = "--cachemetadataformat", paramLabel = "auto|1|2") String cacheMetadataFormat;
    @Option(names = {"-c", "--chunksize"}, paramLabel = "SIZE",
            description = "Chunk size of a cache, KiB unless a unit is given, as in LVM2.") String chunkSize;
    @Option(names = {"-R", "--regionsize"}, paramLabel = "SIZE") String regionSize;
    @Option(names = "--trackchanges", description = "With --splitmirrors 1 of raid1: the image stays in the LV,"
            + " read-only and visible, as in LVM2.") boolean trackChanges;
    @Option(names = "--mergemirrors", description = "Merges an image split off with --trackchanges back, as in"
            + " LVM2.") boolean mergeMirrors;
    @Option(names = "--raidintegrity", paramLabel = "y|n", description = "Adds or removes integrity on a raid LV's"
            + " images, as in LVM2.") String raidIntegrity;
    @Option(names = "--raidintegritymode", paramLabel = "journal|bitmap") String raidIntegrityMode;
    @Option(names = "--raidintegrityblocksize", paramLabel = "512|1024|2048|4096") Integer raidIntegrityBlockSize;
    @Option(names = {"-i", "--stripes"}, paramLabel = "N", description = "The stripes of a raid LV after a reshape,"
            + " as in LVM2.") Integer stripes;
    @Option(names = {"-I", "--stripesize"}, paramLabel = "SIZE", description = "The stripe size of a raid LV after a"
            + " reshape, KiB unless a unit is given, as in LVM2.") String stripeSize;
    @Option(names = "--no-collapse", description = "Leaves a mirror whose legs were added through a _mimagetmp"
            + " layer converting (LVM2's state until the new legs are in sync) instead of collapsing it.")
    boolean noCollapse;
    @Option(names = {"-b", "--background"}, description = "Accepted and ignored.") boolean background;
    @Parameters(index = "0", paramLabel = "VG/LV") String lvArg;
    @Parameters(index = "1..*", paramLabel = "PV") List<String> pvs = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        io.lvstack.engine.segtype.SegmentTypeRegistry types = engineOptions.engine().segmentTypes();
        if (type != null && !TYPES.contains(type) && !converts(types, type)) {
            throw new LvstackException("lvconvert --type " + type + " is not supported: lvstack converts to mirror,"
                    + " linear, striped, cache, writecache and the loaded raid types only");
        }
        if (trackChanges && splitMirrors == null) {
            throw new CommandLineRefusal("--trackchanges requires --splitmirrors.");
        }
        if (splitMirrors != null && (mirrors != null || mirrorLog != null || type != null)) {
            throw new LvstackException("--splitmirrors cannot be used with --mirrors, --mirrorlog or --type.");
        }
        String splitName = splitName();
        MutationRun.run(spec, engineOptions, mutation, c -> {
            VolumeGroup vg = c.vg();
            String lv = MutationRun.lvName(vg, lvArg);
            List<PvExtents> candidates = MutationRun.pvRanges(vg, pvs).stream()
                    .map(r -> new PvExtents(r.pv(), r.start(), r.count())).toList();
            ConvertRequest.CacheOptions cache = new ConvertRequest.CacheOptions(lvOption(vg, cachePool),
                    lvOption(vg, cacheVol), splitCache, uncache, cacheMode, cachePolicy, cacheSettings,
                    cacheMetadataFormat, chunkSize == null ? null : SizeArgs.sectors(chunkSize, 'k', "--chunksize"),
                    mutation.activation.yes, mutation.activation.force != null);
            ConvertRequest.RaidOptions raid = new ConvertRequest.RaidOptions(trackChanges, mergeMirrors,
                    raidIntegrity == null ? null : LvmArgs.yesNo(raidIntegrity, "--raidintegrity"), raidIntegrityMode,
                    raidIntegrityBlockSize == null ? null : raidIntegrityBlockSize.longValue(), stripes,
                    stripeSize == null ? null : SizeArgs.sectors(stripeSize, 'k', "--stripesize"));
            ConvertRequest request = new ConvertRequest(type, mirrors, mirrorLog,
                    MirrorArgs.regionSectors(regionSize, false), splitMirrors, splitMirrors == null ? null : splitName,
                    candidates, !noCollapse, cache, raid);
            // -m of an LV that is no mirror makes raid1, as LVM2 2.03's mirror_segtype_default says
            // (the mirror type refuses it in its words when no raid plugin is loaded); --mirrorlog and
            // --splitmirrors are the mirror's options; the cache options are the cache type's (LVM2
            // takes --cachepool and --cachevol alone as --type cache)
            String optionsType = cache.any() ? "cache"
                    : (mirrors != null && mirrorLog == null || raid.any())
                            && converts(types, MirrorArgs.MIRROR_SEGTYPE_DEFAULT)
                            ? MirrorArgs.MIRROR_SEGTYPE_DEFAULT : MirrorArgs.MIRROR;
            return new LvConvert(c.engine(), new LvmAllocator(), c.stamp()).run(vg, lv, request, optionsType,
                    c.messages());
        });
    }

    /** Whether a loaded type of that name converts LVs (LVM2's raid levels, when the raid plugin is loaded). */
    private static boolean converts(io.lvstack.engine.segtype.SegmentTypeRegistry types, String name) {
        io.lvstack.api.SegmentType t = types.byName(name);
        return t != null && t.converter().isPresent();
    }

    /**
     * An LV option's name without its {@code VG/} (LVM2's {@code validate_lvname_param}), or null;
     * another VG's name is refused in LVM2's words.
     */
    private static String lvOption(VolumeGroup vg, String arg) {
        if (arg == null || !arg.contains("/")) {
            return arg;
        }
        String[] parts = LvmArgs.split(arg);
        if (!parts[0].equals(vg.name())) {
            throw new LvstackException("Please use a single volume group name (\"" + parts[0] + "\" or \"" + vg.name()
                    + "\").");
        }
        return parts[1];
    }

    /**
     * {@code --splitmirrors} with {@code -n [VG/]NAME}: NAME, checked as LVM2's {@code _read_params}
     * checks it before reading metadata ({@code validate_restricted_lvname_param}, which drops a
     * VG part unchecked there); null without both options.
     */
    private String splitName() {
        if (splitMirrors == null || name == null) {
            return null;
        }
        String lv = name.contains("/") ? LvmArgs.split(name)[1] : name;
        LvmNameRules.requireNewLvNameParam(lv);
        return lv;
    }
}
