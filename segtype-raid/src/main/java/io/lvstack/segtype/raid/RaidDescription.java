package io.lvstack.segtype.raid;

import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.report.LvTraits;

/**
 * What raid means in reports, as LVM2's {@code _lv_layout_and_role_raid} and
 * {@code lv_attr_dup_with_info_and_seg_status} say offline: the raid LV {@code raid,LEVEL[,LAYOUT]}
 * with {@code r} (or {@code R} when not synced), images {@code private,raid,image} with {@code I}
 * (being in sync needs an active LV), metadata LVs {@code private,raid,metadata} with {@code e};
 * all of them target type {@code r} and health {@code X} (unknown without activation).
 */
final class RaidDescription {
    private RaidDescription() {
    }

    static void describe(LvView lv, LvTraits t) {
        boolean raidType = false;
        if (!lv.segments().isEmpty() && lv.segments().get(0).type() instanceof RaidSegmentType top) {
            RaidLevel level = top.level();
            t.layout("raid");
            level.layout().ifPresent(t::layout);
            level.sublayout().ifPresent(t::layout);
            t.attr(LvTraits.VOLUME_TYPE, lv.has(LvStatus.NOTSYNCED) ? 'R' : 'r', 50);
            raidType = true;
        }
        if (lv.has(RaidMarks.IMAGE)) {
            t.role("raid");
            t.role("image");
            t.privateLv();
            t.attr(LvTraits.VOLUME_TYPE, 'I', 15);
            raidType = true;
        } else if (lv.has(RaidMarks.METADATA)) {
            t.role("raid");
            t.role("metadata");
            t.privateLv();
            t.attr(LvTraits.VOLUME_TYPE, 'e', 70);
            raidType = true;
        }
        if (raidType) {
            t.attr(LvTraits.TARGET_TYPE, 'r', 40);
            t.attr(LvTraits.HEALTH, 'X', 10);
        }
    }
}
