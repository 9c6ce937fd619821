package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mirror type's {@code lvconvert} ({@code tools/lvconvert.c}, {@code _lvconvert_mirrors}):
 * linear or striped to mirror, legs added or removed, the log changed, legs split off, back to
 * linear. The engine hands it the mirror's conversions, {@code --type mirror}, and lvconvert's
 * mirror options ({@code -m}, {@code --mirrorlog}, {@code --splitmirrors}) of LVs of other types.
 * With no daemon to wait for the resync, legs added through a {@code _mimagetmp_N} layer are
 * collapsed in the same command, as LVM2's poll does once they are in sync, unless the request
 * does not ask to finish ({@code --no-collapse}); {@code lvconvert VG/LV} alone then collapses it.
 */
final class MirrorConverter implements LvConverter {
    /** What {@code -m} without {@code --type mirror} would make in LVM2 2.03, which lvstack does not have. */
    static final String RAID1_REFUSAL = " makes a raid1 LV in LVM2 2.03 (mirror_segtype_default = \"raid1\"), which"
            + " lvstack does not support: add --type mirror";

    private final String mirrorName;

    /** @param mirrorName the mirror type's name, as {@code --type} names it */
    MirrorConverter(String mirrorName) {
        this.mirrorName = mirrorName;
    }

    @Override
    public Optional<String> convert(LvView lv, ConvertRequest r, VgEditor editor) {
        MirrorOps ops = new MirrorOps(editor);
        String full = editor.vg().name() + "/" + lv.name();
        String type = r.type();
        if (type != null && !type.equals(mirrorName) && !type.equals("linear") && !type.equals("striped")) {
            throw new LvstackException("Unable to convert mirror LV " + full + " to " + type
                    + ": lvstack converts mirrors to linear or striped only.");
        }
        for (SegmentView s : lv.segments()) {
            if (s.type() != editor.type() && s.type() != editor.plainType()) {
                if (mirrorName.equals(type) && io.lvstack.api.model.Stacks.fullCopies(lv)) {
                    // raid1: its images hold full copies and become the legs (LVM2's _convert_raid1_to_mirror)
                    ops.fromFullCopies(lv, r.candidates());
                    return Optional.of("Logical volume " + full + " successfully converted.");
                }
                throw new LvstackException("Unable to convert " + s.type().name() + " LV " + full + " to "
                        + mirrorName + ": lvstack converts linear, striped, raid1 and mirror LVs to mirrors only.");
            }
        }
        if (r.finishOnly()) {
            // lvconvert VG/LV alone finishes a conversion in progress, as LVM2's poll would
            if (!lv.has(MirrorMarks.CONVERTING)) {
                throw new LvstackException("Operation requires --mirrors, --mirrorlog, --splitmirrors or --type"
                        + " (or a conversion in progress to finish).");
            }
            ops.collapse(lv);
        } else if (lv.has(MirrorMarks.CONVERTING)) {
            throw new LvstackException("Logical volume " + full + " is being converted: finish it first with"
                    + " lvconvert " + full + ".");
        } else if (r.splitMirrors() != null) {
            split(ops, lv, r);
        } else if (!convert(ops, lv, r)) {
            // LVM2 (_lvconvert_mirrors): same leg and log counts, nothing to do, nothing said
            return Optional.empty();
        }
        // LVM2 says "being converted" while its poll still has to collapse the sync layer.
        return Optional.of("Logical volume " + full + (lv.has(MirrorMarks.CONVERTING) ? " being converted."
                : " converted."));
    }

    private static void split(MirrorOps ops, LvView lv, ConvertRequest r) {
        if (r.name() == null) {
            throw new LvstackException("The split off mirror image requires a name (--name).");
        }
        if (r.splitMirrors() < 1) {
            throw new LvstackException("--splitmirrors must be at least 1, not " + r.splitMirrors() + ".");
        }
        ops.splitLegs(lv, r.splitMirrors(), r.name(), pvsOf(r.candidates()));
    }

    /** Returns false when the legs and log asked for are those the LV has. */
    private boolean convert(MirrorOps ops, LvView lv, ConvertRequest r) {
        int legs = MirrorOps.legCount(lv);
        int wanted = wantedLegs(lv, legs, r);
        if (wanted == 1) {
            if (legs == 1 && r.mirrors() == null && r.type() == null) {
                throw new LvstackException("--mirrorlog needs a mirror: " + ops.fullName(lv) + " is not one.");
            }
            if (legs == 1) {
                return false;
            }
            ops.removeLegs(lv, legs - 1, pvsOf(r.candidates()));
            return true;
        }
        if (legs == 1) {
            if (!mirrorName.equals(r.type())) {
                throw new LvstackException("lvconvert -m" + RAID1_REFUSAL);
            }
            MirrorLog log = r.mirrorLog() == null ? MirrorLog.DISK : MirrorLog.of(r.mirrorLog());
            ops.convertToMirror(lv, wanted, log, regionSize(ops, r.regionSize()), r.candidates());
            return true;
        }
        if (r.regionSize() != null) {
            throw new LvstackException("--regionsize can only be given when converting to a mirror.");
        }
        MirrorLog newLog = r.mirrorLog() == null ? null : MirrorLog.of(r.mirrorLog());
        if (wanted == legs && (newLog == null || newLog == MirrorOps.currentLog(lv))) {
            return false;
        }
        if (wanted > legs) {
            ops.addLegs(lv, wanted - legs, r.candidates());
            if (r.finish() && lv.has(MirrorMarks.CONVERTING)) {
                ops.collapse(lv);
            }
        } else if (wanted < legs) {
            ops.removeLegs(lv, legs - wanted, pvsOf(r.candidates()));
        }
        if (newLog != null && newLog != MirrorOps.currentLog(lv)) {
            ops.changeLog(lv, newLog, r.candidates());
        }
        return true;
    }

    /** {@code -R} (the command line has read it): a power of 2; without it, the type's default. */
    private static long regionSize(MirrorOps ops, Long asked) {
        if (asked == null) {
            return ops.defaultRegionSize();
        }
        if (asked == 0) {
            throw new LvstackException("Non-zero region size must be supplied.");
        }
        if (asked < 0 || Long.bitCount(asked) != 1) {
            throw new LvstackException("Region size (" + asked + ") must be a power of 2");
        }
        return asked;
    }

    /** The leg count asked for: {@code -m N} is N+1 legs, {@code -m +N}/{@code -N} relative; linear/striped 1. */
    private int wantedLegs(LvView lv, int legs, ConvertRequest r) {
        String type = r.type();
        String mirrors = r.mirrors();
        if (mirrors == null) {
            if ("linear".equals(type) || "striped".equals(type)) {
                return 1;
            }
            if (mirrorName.equals(type) && legs == 1) {
                return 2;
            }
            return legs;
        }
        char sign = !mirrors.isEmpty() && (mirrors.charAt(0) == '+' || mirrors.charAt(0) == '-') ? mirrors.charAt(0)
                : 0;
        String digits = sign == 0 ? mirrors : mirrors.substring(1);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new LvstackException("Invalid argument for --mirrors: " + digits);
        }
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

    /** PV arguments as whole PVs: the legs to remove or split are those on them. */
    private static List<PvView> pvsOf(List<PvExtents> candidates) {
        Set<PvView> out = new LinkedHashSet<>();
        for (PvExtents r : candidates) {
            out.add(r.pv());
        }
        return new ArrayList<>(out);
    }
}
