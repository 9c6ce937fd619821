package io.lvstack.segtype.thin;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/**
 * Marks a thin pool's data LV (area 0) {@link ThinMarks#DATA} and its metadata LV
 * {@link ThinMarks#METADATA}, as LVM2's {@code attach_pool_data_lv} and
 * {@code attach_pool_metadata_lv}; a mark is cleared when no thin-pool segment holds the LV that
 * way any more. Named {@code message} references mark nothing.
 */
final class ThinLinkHook implements LinkHook {
    private final ThinPoolSegmentType type;

    ThinLinkHook(ThinPoolSegmentType type) {
        this.type = type;
    }

    @Override
    public void linked(LinkEvent event, MarkEditor status) {
        LvMark mark = markFor(event.via());
        if (mark != null) {
            status.set(event.used(), mark);
        }
    }

    @Override
    public void unlinked(LinkEvent event, MarkEditor status) {
        LvMark mark = markFor(event.via());
        if (mark != null && !stillUsed(event.used(), mark)) {
            status.clear(event.used(), mark);
        }
    }

    private static LvMark markFor(Via via) {
        if (via instanceof Via.AreaSlot) {
            return ThinMarks.DATA;
        }
        if (via instanceof Via.RoleSlot r && r.role().equals(ThinPoolSegmentType.METADATA)) {
            return ThinMarks.METADATA;
        }
        return null;
    }

    private boolean stillUsed(LvView lv, LvMark mark) {
        for (SegmentView user : lv.users()) {
            if (user.type() != type) {
                continue;
            }
            if (mark.equals(ThinMarks.METADATA) ? user.reference(ThinPoolSegmentType.METADATA).orElse(null) == lv
                    : ThinPoolSegmentType.dataLv(user).orElse(null) == lv) {
                return true;
            }
        }
        return false;
    }
}
