package io.lvstack.segtype.snapshot;

import io.lvstack.api.model.LvMark;

/** What a snapshot segment makes of the LVs it names, after LVM2's {@code lv_is_cow} and {@code lv_is_origin}. */
public final class SnapshotMarks {
    /**
     * The COW store: a part of its {@code snapshotN} LV, which LVM2 shows under the user's name
     * in its place (with {@link LvMark#SHOWN}, unless the snapshot is merging).
     */
    public static final LvMark COW = LvMark.component("cow", "used as snapshot cow store");
    /** An origin of at least one snapshot (LVM2's {@code origin_count} above 0). */
    public static final LvMark ORIGIN = LvMark.of("snapshot_origin");

    private SnapshotMarks() {
    }
}
