package io.lvstack.segtype.raid;

import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/** LVM2's {@code _check_raid_seg} and {@code _check_raid_sublvs} ({@code lib/metadata/merge.c}), in its words. */
final class RaidChecks {
    private RaidChecks() {
    }

    static void check(RaidLevel level, SegmentView seg, ProblemSink p) {
        LvView lv = seg.lv();
        RaidFields f = (RaidFields) seg.fields();
        int areas = seg.areaCount();
        if (lv.segments().size() != 1) {
            p.lvError("must have exactly one segment");
        }
        if (areas == 0) {
            p.lvInvalid("zero area count");
            return;
        }
        long imageLen = -1;
        for (int s = 0; s < areas; s++) {
            Area a = seg.area(s).orElse(null);
            if (!(a instanceof Area.OnLv image)) {
                p.lvInvalid("no DataLV");
                continue;
            }
            if (!image.lv().has(RaidMarks.IMAGE)) {
                p.lvInvalid("DataLV without RAID image flag");
            }
            if (imageLen >= 0 && imageLen != image.lv().extentCount()) {
                p.lvInvalid("DataLV size variations (is " + image.lv().extentCount() + ")");
            } else {
                imageLen = image.lv().extentCount();
            }
        }
        boolean metaAreas = !seg.references(RaidSegmentType.META).isEmpty();
        long metaLen = -1;
        for (int s = 0; s < areas && metaAreas; s++) {
            LvView meta = seg.reference(RaidSegmentType.META.at(s)).orElse(null);
            if (meta == null) {
                continue;
            }
            if (!meta.has(RaidMarks.METADATA)) {
                p.lvInvalid("MetaLV without RAID metadata flag");
            }
            if (metaLen >= 0 && metaLen != meta.extentCount()) {
                p.lvInvalid("MetaLV size variations (is " + meta.extentCount() + ")");
            } else {
                metaLen = meta.extentCount();
            }
        }
        switch (level.family()) {
            case RAID0 -> raid0(level, lv, f, metaAreas, p);
            case RAID1 -> raid1(lv, f, metaAreas, p);
            default -> raid45610(level, lv, f, areas, metaAreas, p);
        }
        sublvs(level, seg, metaAreas, p);
    }

    private static boolean reshaping(LvView lv) {
        return lv.has(LvStatus.RESHAPE) || lv.has(LvStatus.RESHAPE_DELTA_DISKS_MINUS)
                || lv.has(LvStatus.RESHAPE_DELTA_DISKS_PLUS);
    }

    private static long offset(RaidFields f) {
        return f.dataOffset() == 0 && f.dataOffsetSet() ? 1 : f.dataOffset();
    }

    private static void raid0(RaidLevel level, LvView lv, RaidFields f, boolean metaAreas, ProblemSink p) {
        if (level == RaidLevel.RAID0_META && !metaAreas) {
            p.lvInvalid("no meta areas");
        }
        if (level == RaidLevel.RAID0 && metaAreas) {
            p.lvInvalid("meta areas");
        }
        if (f.stripeSize() == 0) {
            p.lvInvalid("zero stripe size");
        }
        stripeSize(f, p);
        nonZero("non-zero region_size", f.regionSize(), p);
        nonZero("non-zero write behind", f.writebehind(), p);
        nonZero("non-zero min recovery rate", f.minRecoveryRate(), p);
        nonZero("non-zero max recovery rate", f.maxRecoveryRate(), p);
        if (lv.has(LvStatus.RESHAPE_DATA_OFFSET) || offset(f) > 1) {
            p.lvInvalid("data_offset (is " + offset(f) + ")");
        }
        if (reshaping(lv)) {
            p.lvInvalid("reshape");
        }
    }

    private static void raid1(LvView lv, RaidFields f, boolean metaAreas, ProblemSink p) {
        if (!metaAreas) {
            p.lvInvalid("no meta areas");
        }
        nonZero("non-zero stripe size", f.stripeSize(), p);
        if (lv.has(LvStatus.RESHAPE_DATA_OFFSET) || offset(f) > 1) {
            p.lvInvalid("data_offset (is " + offset(f) + ")");
        }
        if (reshaping(lv)) {
            p.lvInvalid("reshape");
        }
        regionAndRecovery(f, p);
    }

    private static void raid45610(RaidLevel level, LvView lv, RaidFields f, int areas, boolean metaAreas,
            ProblemSink p) {
        if (level.metadataRequired() && !metaAreas) {
            p.lvInvalid("no meta areas");
        }
        if (f.stripeSize() == 0) {
            p.lvInvalid("zero stripe size");
        }
        stripeSize(f, p);
        regionAndRecovery(f, p);
        long offset = offset(f);
        if (offset > 1 && (!lv.has(LvStatus.RESHAPE_DATA_OFFSET) || offset % lv.extentSize() != 0)) {
            p.lvInvalid("data_offset (is " + offset + ")");
        }
        switch (level.family()) {
            case RAID4, RAID5 -> {
                if (areas < 2) {
                    p.lvInvalid("minimum 2 areas required (is " + areas + ")");
                }
            }
            case RAID6 -> {
                if (areas < 5) {
                    p.lvInvalid("minimum 5 areas required (is " + areas + ")");
                }
            }
            default -> {
                if (areas < 4) {
                    p.lvInvalid("minimum 4 areas required (is " + areas + ")");
                }
                nonZero("non-zero writebehind", f.writebehind(), p);
            }
        }
    }

    /** LVM2's {@code is_power_of_2} takes 0 for one; a zero size has its own message. */
    private static void stripeSize(RaidFields f, ProblemSink p) {
        if (f.stripeSize() != 0 && Long.bitCount(f.stripeSize()) != 1) {
            p.lvInvalid("non power of 2 stripe size (is " + f.stripeSize() + ")");
        }
    }

    private static void regionAndRecovery(RaidFields f, ProblemSink p) {
        if (f.regionSize() == 0) {
            p.lvInvalid("zero region_size");
        } else if (Long.bitCount(f.regionSize()) != 1) {
            p.lvInvalid("non power of 2 region size (is " + f.regionSize() + ")");
        }
        if (f.maxRecoveryRate() != 0 && f.minRecoveryRate() > f.maxRecoveryRate()) {
            p.lvInvalid("min recovery larger than max recovery (is " + f.minRecoveryRate() + ")");
        }
    }

    private static void nonZero(String message, long value, ProblemSink p) {
        if (value != 0) {
            p.lvInvalid(message + " (is " + value + ")");
        }
    }

    /**
     * A writable visible image fails unless the raid LV skips activation (a read-only visible
     * image is a {@code --trackchanges} split); a visible metadata LV fails.
     */
    private static void sublvs(RaidLevel level, SegmentView seg, boolean metaAreas, ProblemSink p) {
        LvView lv = seg.lv();
        boolean skip = lv.has(LvStatus.ACTIVATION_SKIP);
        for (int s = 0; s < seg.areaCount(); s++) {
            if (!(seg.area(s).orElse(null) instanceof Area.OnLv image)) {
                p.lvInvalid("no raid image SubLV");
                continue;
            }
            if (image.lv().has(LvStatus.WRITE) && !skip && image.lv().visible()) {
                p.lvInvalid("visible raid image LV");
            }
            if (level == RaidLevel.RAID0 || !metaAreas) {
                continue;
            }
            LvView meta = seg.reference(RaidSegmentType.META.at(s)).orElse(null);
            if (meta == null) {
                p.lvInvalid("no raid meta SubLV");
            } else if (!skip && meta.visible()) {
                p.lvInvalid("visible raid meta LV");
            }
        }
    }
}
