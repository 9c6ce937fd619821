package io.lvstack.segtype.cache;

import io.lvstack.api.model.LvMark;

/**
 * What a cache pool makes of its LVs, after LVM2's CACHE_POOL, CACHE_POOL_DATA and
 * CACHE_POOL_METADATA. Cache origins, writecache origins and cachevols get no mark: LVM2 finds
 * them from the segments using them ({@code lv_is_cache_origin}) or from the stored
 * {@code CACHE_VOL} flag, and gives them no {@code lv_parent}, which a component mark would.
 */
public final class CacheMarks {
    /** An LV owning a cache-pool segment that holds a data LV. */
    public static final LvMark POOL = LvMark.of("cache_pool");
    /** The pool's data LV ({@code _cdata}): area 0 of a cache-pool segment. */
    public static final LvMark DATA = LvMark.component("cache_pool_data", "used by a pool");
    /** The pool's metadata LV ({@code _cmeta}): the {@code metadata} role of a cache-pool segment. */
    public static final LvMark METADATA = LvMark.component("cache_pool_metadata", "used by a pool");

    private CacheMarks() {
    }
}
