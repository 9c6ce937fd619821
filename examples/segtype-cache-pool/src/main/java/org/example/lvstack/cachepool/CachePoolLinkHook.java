package org.example.lvstack.cachepool;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.StatusEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/**
 * Marks the LVs of a cache pool as LVM2's {@code attach_pool_data_lv} and
 * {@code attach_pool_metadata_lv} do: the data LV (area 0) is CACHE_POOL_DATA and POOL_DATA, the
 * metadata LV is CACHE_POOL_METADATA and POOL_METADATA, and the pool LV itself is CACHE_POOL
 * while one of its cache-pool segments holds a data LV. A mark is cleared only when nothing of
 * this type holds the LV that way any more.
 */
final class CachePoolLinkHook implements LinkHook {
    private final CachePoolSegmentType type;

    CachePoolLinkHook(CachePoolSegmentType type) {
        this.type = type;
    }

    @Override
    public void linked(LinkEvent event, StatusEditor status) {
        if (isData(event.via())) {
            status.set(event.used(), LvStatus.CACHE_POOL_DATA);
            status.set(event.used(), LvStatus.POOL_DATA);
            status.set(event.user().lv(), LvStatus.CACHE_POOL);
        } else if (isMetadata(event.via())) {
            status.set(event.used(), LvStatus.CACHE_POOL_METADATA);
            status.set(event.used(), LvStatus.POOL_METADATA);
        }
    }

    @Override
    public void unlinked(LinkEvent event, StatusEditor status) {
        if (isData(event.via())) {
            if (!usedAsData(event.used())) {
                status.clear(event.used(), LvStatus.CACHE_POOL_DATA);
                status.clear(event.used(), LvStatus.POOL_DATA);
            }
            LvView pool = event.user().lv();
            if (!holdsData(pool)) {
                status.clear(pool, LvStatus.CACHE_POOL);
            }
        } else if (isMetadata(event.via())) {
            if (!usedAsMetadata(event.used())) {
                status.clear(event.used(), LvStatus.CACHE_POOL_METADATA);
                status.clear(event.used(), LvStatus.POOL_METADATA);
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
