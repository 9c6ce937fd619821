package io.lvstack.segtype.mirror;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;

/**
 * What a mirror means in reports, as LVM2's {@code lv_attr_dup_with_info_and_seg_status},
 * {@code _lv_layout_and_role_mirror} and the {@code mirror_log}, {@code move_pv} and
 * {@code convert_lv} fields decide it, for a mirror LV, a pvmove LV (whose segments are mirrors),
 * a leg and a log. Priorities follow {@link LvTraits}.
 */
final class MirrorDescription {
    private MirrorDescription() {
    }

    static void describe(SegmentType mirror, LvView lv, LvTraits t) {
        boolean owns = owns(mirror, lv);
        boolean image = lv.has(MirrorMarks.IMAGE);
        boolean log = lv.has(MirrorMarks.LOG);
        boolean pvmove = lv.has(LvStatus.PVMOVE);
        if (image) {
            t.role("mirror");
            t.role("image");
        } else if (log) {
            t.role("mirror");
            t.role("log");
            if (owns) {
                t.layout("mirror");
            }
        } else if (owns || pvmove) {
            t.layout("mirror");
        }
        if (lv.has(MirrorMarks.CONVERTING)) {
            t.attr(LvTraits.VOLUME_TYPE, 'c', 90);
        }
        if (owns) {
            t.attr(LvTraits.VOLUME_TYPE, lv.has(LvStatus.NOTSYNCED) ? 'M' : 'm', 40);
        }
        if (image) {
            // activation is off, so an image's sync state is unknown: LVM2 shows I
            t.attr(LvTraits.VOLUME_TYPE, 'I', 15);
        }
        if (log) {
            t.attr(LvTraits.VOLUME_TYPE, 'l', 10);
        }
        if (owns || pvmove || image || log) {
            t.attr(LvTraits.TARGET_TYPE, 'm', 30);
        }
        fields(mirror, lv, pvmove, t);
    }

    private static void fields(SegmentType mirror, LvView lv, boolean pvmove, LvTraits t) {
        for (SegmentView s : lv.segments()) {
            if (s.type() == mirror && s.reference(MirrorSegmentType.LOG).isPresent()) {
                t.field("mirror_log", new FieldValue.Lv(s.reference(MirrorSegmentType.LOG).get()));
                break;
            }
        }
        if (lv.segments().isEmpty()) {
            return;
        }
        SegmentView first = lv.segments().get(0);
        // a segment may have no area at all (found by fuzzing): then there is nothing to name
        Area area = first.areaCount() > 0 ? first.area(0).orElse(null) : null;
        if (pvmove && area instanceof Area.OnPv p) {
            t.field("move_pv", new FieldValue.Pv(p.pv()));
        }
        if (lv.has(MirrorMarks.CONVERTING) && area instanceof Area.OnLv l) {
            t.field("convert_lv", new FieldValue.Lv(l.lv()));
        }
    }

    private static boolean owns(SegmentType mirror, LvView lv) {
        for (SegmentView s : lv.segments()) {
            if (s.type() == mirror) {
                return true;
            }
        }
        return false;
    }
}
