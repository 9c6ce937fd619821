package io.lvstack.segtype.raid;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/**
 * Marks what a raid segment uses as LVM2's {@code _raid_text_import_areas} flags it: an area an
 * {@link RaidMarks#IMAGE}, a metadata LV a {@link RaidMarks#METADATA}. A mark goes when no raid
 * segment uses the LV that way any more.
 */
final class RaidLinkHook implements LinkHook {
    @Override
    public void linked(LinkEvent event, MarkEditor marks) {
        marks.set(event.used(), mark(event.via()));
    }

    @Override
    public void unlinked(LinkEvent event, MarkEditor marks) {
        LvMark mark = mark(event.via());
        if (!stillUsed(event.used(), mark)) {
            marks.clear(event.used(), mark);
        }
    }

    private static LvMark mark(Via via) {
        return via instanceof Via.AreaSlot ? RaidMarks.IMAGE : RaidMarks.METADATA;
    }

    private static boolean stillUsed(LvView lv, LvMark mark) {
        for (SegmentView user : lv.users()) {
            if (!(user.type() instanceof RaidSegmentType)) {
                continue;
            }
            for (int i = 0; i < user.areaCount(); i++) {
                if (mark.equals(RaidMarks.IMAGE) ? user.area(i).orElse(null) instanceof Area.OnLv l && l.lv() == lv
                        : user.reference(RaidSegmentType.META.at(i)).orElse(null) == lv) {
                    return true;
                }
            }
        }
        return false;
    }
}
