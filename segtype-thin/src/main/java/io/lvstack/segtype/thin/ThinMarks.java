package io.lvstack.segtype.thin;

import io.lvstack.api.model.LvMark;

/** What a thin pool makes of the LVs it uses, after LVM2's THIN_POOL_DATA and THIN_POOL_METADATA. */
public final class ThinMarks {
    /** The pool's data LV ({@code _tdata}): area 0 of a thin-pool segment. */
    public static final LvMark DATA = LvMark.component("thin_pool_data", "used by a pool");
    /** The pool's metadata LV ({@code _tmeta}): the {@code metadata} role of a thin-pool segment. */
    public static final LvMark METADATA = LvMark.component("thin_pool_metadata", "used by a pool");

    private ThinMarks() {
    }
}
