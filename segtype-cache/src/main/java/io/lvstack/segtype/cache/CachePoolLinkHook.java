package io.lvstack.segtype.cache;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/**
 * Marks the LVs of a cache pool as LVM2's {@code attach_pool_data_lv} and
 * {@code attach_pool_metadata_lv} do: the data LV (area 0) {@link CacheMarks#DATA}, the metadata
 * LV {@link CacheMarks#METADATA}, and the pool LV {@link CacheMarks#POOL} while it holds a data
 * LV. A mark is cleared only when no cache-pool segment holds the LV that way any more.
 */
final class CachePoolLinkHook implements LinkHook {
    private final CachePoolSegmentType type;

    CachePoolLinkHook(CachePoolSegmentType type) {
        this.type = type;
    }

    @Override
    public void linked(LinkEvent event, MarkEditor marks) {
        LvMark mark = markFor(event.via());
        if (mark == null) {
            return;
        }
        marks.set(event.used(), mark);
        if (mark.equals(CacheMarks.DATA)) {
            marks.set(event.user().lv(), CacheMarks.POOL);
        }
    }

    @Override
    public void unlinked(LinkEvent event, MarkEditor marks) {
        LvMark mark = markFor(event.via());
        if (mark == null) {
            return;
        }
        if (!stillUsed(event.used(), mark)) {
            marks.clear(event.used(), mark);
        }
        if (mark.equals(CacheMarks.DATA) && !holdsData(event.user().lv())) {
            marks.clear(event.user().lv(), CacheMarks.POOL);
        }
    }

    private static LvMark markFor(Via via) {
        if (via instanceof Via.AreaSlot a && a.index() == 0) {
            return CacheMarks.DATA;
        }
        if (via instanceof Via.RoleSlot r && r.role().equals(CachePoolSegmentType.METADATA)) {
            return CacheMarks.METADATA;
        }
        return null;
    }

    private boolean stillUsed(LvView lv, LvMark mark) {
        for (SegmentView user : lv.users()) {
            if (user.type() != type) {
                continue;
            }
            LvView held = mark.equals(CacheMarks.METADATA) ? user.reference(CachePoolSegmentType.METADATA).orElse(null)
                    : CachePoolSegmentType.dataLv(user).orElse(null);
            if (held == lv) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsData(LvView pool) {
        for (SegmentView seg : pool.segments()) {
            if (seg.type() == type && CachePoolSegmentType.dataLv(seg).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
