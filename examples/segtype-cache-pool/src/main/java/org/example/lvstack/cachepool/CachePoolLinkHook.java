package org.example.lvstack.cachepool;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/**
 * Marks the LVs of a cache pool as LVM2's {@code attach_pool_data_lv} and
 * {@code attach_pool_metadata_lv} do: the data LV (area 0) is {@link CachePoolMarks#DATA}, the
 * metadata LV {@link CachePoolMarks#METADATA}, and the pool LV itself {@link CachePoolMarks#POOL}
 * while one of its cache-pool segments holds a data LV. A mark is cleared only when nothing of
 * this type holds the LV that way any more.
 */
final class CachePoolLinkHook implements LinkHook {
    private final CachePoolSegmentType type;

    CachePoolLinkHook(CachePoolSegmentType type) {
        this.type = type;
    }

    @Override
    public void linked(LinkEvent event, MarkEditor status) {
        if (isData(event.via())) {
            status.set(event.used(), CachePoolMarks.DATA);
            status.set(event.user().lv(), CachePoolMarks.POOL);
        } else if (isMetadata(event.via())) {
            status.set(event.used(), CachePoolMarks.METADATA);
        }
    }

    @Override
    public void unlinked(LinkEvent event, MarkEditor status) {
        if (isData(event.via())) {
            if (!usedAsData(event.used())) {
                status.clear(event.used(), CachePoolMarks.DATA);
            }
            LvView pool = event.user().lv();
            if (!holdsData(pool)) {
                status.clear(pool, CachePoolMarks.POOL);
            }
        } else if (isMetadata(event.via())) {
            if (!usedAsMetadata(event.used())) {
                status.clear(event.used(), CachePoolMarks.METADATA);
            }
        }
    }

    private static boolean isData(Via via) {
        return via instanceof Via.AreaSlot a && a.index() == 0;
    }

    private static boolean isMetadata(Via via) {
        return via instanceof Via.RoleSlot r && r.role().equals(CachePoolSegmentType.METADATA_ROLE);
    }

    private boolean usedAsData(LvView lv) {
        for (SegmentView user : lv.users()) {
            if (user.type() == type && CachePoolSegmentType.dataLv(user).orElse(null) == lv) {
                return true;
            }
        }
        return false;
    }

    private boolean usedAsMetadata(LvView lv) {
        for (SegmentView user : lv.users()) {
            if (user.type() == type && user.reference(CachePoolSegmentType.METADATA_ROLE).orElse(null) == lv) {
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
