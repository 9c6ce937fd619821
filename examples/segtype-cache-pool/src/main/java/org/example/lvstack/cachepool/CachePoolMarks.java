package org.example.lvstack.cachepool;

import io.lvstack.api.model.LvMark;

/** What a cache pool makes of its LVs, after LVM2's CACHE_POOL, CACHE_POOL_DATA and CACHE_POOL_METADATA. */
public final class CachePoolMarks {
    /** An LV owning a cache-pool segment that holds a data LV. */
    public static final LvMark POOL = LvMark.of("cache_pool");
    /** The pool's data LV: a component, as LVM2 also marks it POOL_DATA. */
    public static final LvMark DATA = LvMark.component("cache_pool_data", "used by a pool");
    /** The pool's metadata LV: a component, as LVM2 also marks it POOL_METADATA. */
    public static final LvMark METADATA = LvMark.component("cache_pool_metadata", "used by a pool");

    private CachePoolMarks() {
    }
}
