package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.engine.ops.mirror.MirrorConverter;
import io.lvstack.engine.ops.mirror.MirrorLog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvconvert} for mirrors ({@code tools/lvconvert.c}, {@code _lvconvert_mirrors}): linear or
 * striped to mirror, legs added or removed, the log changed, legs split off, back to linear.
 * With no daemon to wait for the resync, legs added through a {@code _mimagetmp_N} layer are
 * collapsed in the same command, as LVM2's poll does once they are in sync, unless
 * {@code --no-collapse} keeps the converting state; {@code lvconvert VG/LV} alone then collapses it.
 */
@Command(name = "lvconvert",
        description = "Converts an LV to or from a mirror, or changes a mirror's legs or log, in a metadata file,"
                + " as LVM2's lvconvert does.")
final class LvconvertCommand implements Runnable {
    private static final ReferenceRole LOG = ReferenceRole.of("log");

    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Option(names = {"-m", "--mirrors"}, paramLabel = "[+|-]N") String mirrors;
    @Option(names = "--mirrorlog", paramLabel = "core|disk|mirrored") String mirrorLog;
    @Option(names = "--splitmirrors", paramLabel = "N") Integer splitMirrors;
    @Option(names = {"-n", "--name"}, paramLabel = "NEW") String name;
    @Option(names = "--type", paramLabel = "mirror|linear|striped") String type;
    @Option(names = {"-R", "--regionsize"}, paramLabel = "SIZE") String regionSize;
    @Option(names = "--no-collapse", description = "Leaves a mirror whose legs were added through a _mimagetmp"
            + " layer converting (LVM2's state until the new legs are in sync) instead of collapsing it.")
    boolean noCollapse;
    @Option(names = {"-b", "--background"}, description = "Accepted and ignored.") boolean background;
    @Parameters(index = "0", paramLabel = "VG/LV") String lvArg;
    @Parameters(index = "1..*", paramLabel = "PV") List<String> pvs = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        if (type != null && !List.of("mirror", "linear", "striped").contains(type)) {
            throw new LvstackException("lvconvert --type " + type + " is not supported: lvstack converts to mirror,"
                    + " linear and striped only");
        }
        if (splitMirrors != null && (mirrors != null || mirrorLog != null || type != null)) {
            throw new LvstackException("--splitmirrors cannot be used with --mirrors, --mirrorlog or --type.");
        }
        boolean finishOnly = mirrors == null && mirrorLog == null && splitMirrors == null && type == null;
        String splitName = splitName();
        MutationRun.run(spec, engineOptions, mutation, c -> {
            VolumeGroup vg = c.vg();
            String lv = MutationRun.lvName(vg, lvArg);
            LogicalVolume target = vg.lv(lv);
            if (target == null) {
                throw new LvstackException("Failed to find logical volume \"" + vg.name() + "/" + lv + "\"");
            }
            MirrorConverter conv = new MirrorConverter(c.engine(), MirrorArgs.type(c.engine()), new LvmAllocator(),
                    c.stamp());
            if (target.has(LvStatus.LOCKED)) {
                throw new LvstackException("Cannot convert locked LV " + vg.name() + "/" + lv);
            }
            if (finishOnly) {
                // lvconvert VG/LV alone finishes a conversion in progress, as LVM2's poll would
                if (!target.has(io.lvstack.engine.ops.mirror.ConvertingMark.MARK)) {
                    throw new LvstackException("Operation requires --mirrors, --mirrorlog, --splitmirrors or --type"
                            + " (or a conversion in progress to finish).");
                }
                conv.collapse(vg, target.name());
            } else if (target.has(io.lvstack.engine.ops.mirror.ConvertingMark.MARK)) {
                throw new LvstackException("Logical volume " + vg.name() + "/" + lv + " is being converted: finish"
                        + " it first with lvconvert " + vg.name() + "/" + lv + ".");
            } else if (splitMirrors != null) {
                split(vg, conv, target, splitName);
            } else if (!convert(vg, conv, target)) {
                // LVM2 (_lvconvert_mirrors): same leg and log counts, nothing to do, nothing said
                return List.of();
            }
            MutationRun.commit(vg);
            // LVM2 says "being converted" while its poll still has to collapse the sync layer.
            return List.of("  Logical volume " + vg.name() + "/" + lv + (target.has(io.lvstack.engine.ops.mirror.ConvertingMark.MARK)
                    ? " being converted." : " converted."));
        });
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

    private void split(VolumeGroup vg, MirrorConverter conv, LogicalVolume lv, String newName) {
        if (newName == null) {
            throw new LvstackException("The split off mirror image requires a name (--name).");
        }
        if (splitMirrors < 1) {
            throw new LvstackException("--splitmirrors must be at least 1, not " + splitMirrors + ".");
        }
        conv.splitLegs(vg, lv.name(), splitMirrors, newName, pvsOf(vg));
    }

    /** Returns false when the legs and log asked for are those the LV has. */
    private boolean convert(VolumeGroup vg, MirrorConverter conv, LogicalVolume lv) {
        int legs = mirrored(lv) ? lv.segments().get(0).areaCount() : 1;
        int wanted = wantedLegs(lv, legs);
        if (wanted == 1) {
            if (legs == 1 && mirrors == null && type == null) {
                throw new LvstackException("--mirrorlog needs a mirror: " + vg.name() + "/" + lv.name()
                        + " is not one.");
            }
            if (legs == 1) {
                return false;
            }
            conv.removeLegs(vg, lv.name(), legs - 1, pvsOf(vg));
            return true;
        }
        if (legs == 1) {
            if (!MirrorArgs.MIRROR.equals(type)) {
                throw new LvstackException("lvconvert -m" + MirrorArgs.RAID1_REFUSAL);
            }
            conv.convertToMirror(vg, lv.name(), wanted, mirrorLog == null ? MirrorLog.DISK : MirrorLog.of(mirrorLog),
                    MirrorArgs.regionSectors(regionSize, conv.mirrorType()), MutationRun.pvRanges(vg, pvs));
            return true;
        }
        if (regionSize != null) {
            throw new LvstackException("--regionsize can only be given when converting to a mirror.");
        }
        MirrorLog newLog = mirrorLog == null ? null : MirrorLog.of(mirrorLog);
        if (wanted == legs && (newLog == null || newLog == MirrorLog.of(currentLog(lv)))) {
            return false;
        }
        if (wanted > legs) {
            addLegs(vg, conv, lv, wanted - legs);
        } else if (wanted < legs) {
            conv.removeLegs(vg, lv.name(), legs - wanted, pvsOf(vg));
        }
        if (newLog != null && newLog != MirrorLog.of(currentLog(lv))) {
            conv.changeLog(vg, lv.name(), newLog, MutationRun.pvRanges(vg, pvs));
        }
        return true;
    }

    /** core, disk (a linear log) or mirrored (a log that is itself a mirror). */
    private static String currentLog(LogicalVolume lv) {
        LogicalVolume log = lv.segments().get(0).referenceOrNull(LOG);
        return log == null ? "core" : mirrored(log) ? "mirrored" : "disk";
    }

    private void addLegs(VolumeGroup vg, MirrorConverter conv, LogicalVolume lv, int count) {
        conv.addLegs(vg, lv.name(), count, MutationRun.pvRanges(vg, pvs));
        if (!noCollapse && lv.has(io.lvstack.engine.ops.mirror.ConvertingMark.MARK)) {
            conv.collapse(vg, lv.name());
        }
    }

    /** The leg count asked for: {@code -m N} is N+1 legs, {@code -m +N}/{@code -N} relative; linear/striped 1. */
    private int wantedLegs(LogicalVolume lv, int legs) {
        if (mirrors == null) {
            if ("linear".equals(type) || "striped".equals(type)) {
                return 1;
            }
            if ("mirror".equals(type) && legs == 1) {
                return 2;
            }
            return legs;
        }
        char sign = mirrors.charAt(0) == '+' || mirrors.charAt(0) == '-' ? mirrors.charAt(0) : 0;
        long n = SizeArgs.integer(sign == 0 ? mirrors : mirrors.substring(1), "--mirrors");
        if (n < 0) {
            throw new LvstackException("Invalid argument for --mirrors: " + mirrors);
        }
        long wanted = sign == '+' ? legs + n : sign == '-' ? legs - n : n + 1;
        if (wanted < 1) {
            throw new LvstackException("Logical volume " + lv.name() + " only has " + (legs - 1) + " mirrors.");
        }
        if (wanted > 1 && ("linear".equals(type) || "striped".equals(type))) {
            throw new LvstackException("--type " + type + " cannot be used with --mirrors " + mirrors + ".");
        }
        return (int) wanted;
    }

    private static boolean mirrored(LogicalVolume lv) {
        return !lv.segments().isEmpty() && lv.segments().get(0).type().has(SegmentCapability.AREAS_MIRRORED);
    }

    /** PV arguments as whole PVs: the legs to remove or split are those on them. */
    private List<PhysicalVolume> pvsOf(VolumeGroup vg) {
        LinkedHashSet<PhysicalVolume> out = new LinkedHashSet<>();
        for (PvRange r : MutationRun.pvRanges(vg, pvs)) {
            out.add(r.pv());
        }
        return new ArrayList<>(out);
    }
}
