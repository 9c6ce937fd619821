package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/**
 * The {@code raid} target line of LVM2's {@code _raid_add_target_line} as libdm's
 * {@code _raid_emit_segment_line} writes it for dm-raid 1.11 and later:
 * {@code raid TYPE #PARAMS STRIPE_SIZE [params] #DEVICES META|- IMAGE ...}, the parameters in the
 * kernel's documented order, each image with {@code REBUILD} a {@code rebuild N}, raid0 without
 * region or rebuilds.
 */
final class RaidTarget {
    private RaidTarget() {
    }

    static String line(RaidLevel level, SegmentView seg, TargetContext context) {
        RaidFields f = (RaidFields) seg.fields();
        int areas = seg.areaCount();
        if (areas == 0) {
            throw new LvstackException("raid LV " + seg.lv().name() + " has no images");
        }
        StringBuilder params = new StringBuilder();
        int count = 1;
        if (!level.raid0()) {
            if (f.regionSize() == 0) {
                throw new LvstackException("Missing region size for raid segment in " + RaidText.image(seg, 0).name()
                        + ".");
            }
            if (context.nosync()) {
                params.append(" nosync");
                count++;
            }
            for (int i = 0; i < areas; i++) {
                if (RaidText.image(seg, i).has(LvStatus.REBUILD)) {
                    params.append(" rebuild ").append(i);
                    count += 2;
                }
            }
            count += pair(params, "min_recovery_rate", f.minRecoveryRate());
            count += pair(params, "max_recovery_rate", f.maxRecoveryRate());
            if (level.family() == RaidLevel.Family.RAID1) {
                for (int i = 0; i < areas; i++) {
                    if (RaidText.image(seg, i).has(LvStatus.WRITEMOSTLY)) {
                        params.append(" write_mostly ").append(i);
                        count += 2;
                    }
                }
                count += pair(params, "max_write_behind", f.writebehind());
            }
            count += pair(params, "region_size", f.regionSize());
            if (level.family() == RaidLevel.Family.RAID10) {
                long copies = level.dataCopies(f, areas);
                count += pair(params, "raid10_copies", copies > 1 ? copies : 0);
            }
            long offset = f.dataOffset() == 0 && f.dataOffsetSet() ? 1 : f.dataOffset();
            if (offset != 0) {
                params.append(" data_offset ").append(offset == 1 ? 0 : offset);
                count += 2;
            }
        }
        StringBuilder line = new StringBuilder("raid ").append(level.target()).append(' ').append(count).append(' ')
                .append(f.stripeSize()).append(params).append(' ').append(areas);
        for (int i = 0; i < areas; i++) {
            LvView meta = seg.reference(RaidSegmentType.META.at(i)).orElse(null);
            line.append(' ').append(meta == null ? "-" : context.lvDevice(meta));
            line.append(' ').append(context.lvDevice(RaidText.image(seg, i)));
        }
        return line.toString();
    }

    private static int pair(StringBuilder params, String key, long value) {
        if (value == 0) {
            return 0;
        }
        params.append(' ').append(key).append(' ').append(value);
        return 2;
    }
}
