package io.lvstack.segtype.raid;

import io.lvstack.api.model.LvMark;

/**
 * What raid and integrity segments make of the LVs they use, after LVM2's RAID_IMAGE, RAID_META,
 * INTEGRITY_METADATA and its integrity origin.
 */
public final class RaidMarks {
    /** An image: an area of a raid segment. */
    public static final LvMark IMAGE = LvMark.component("raid_image", "used as RAID device");
    /** A metadata LV of a raid segment. */
    public static final LvMark METADATA = LvMark.component("raid_meta", "used as RAID device");
    /**
     * An integrity segment's origin ({@code _iorig}). Not a component: LVM2 shows it without a
     * parent.
     */
    public static final LvMark INTEGRITY_ORIGIN = LvMark.of("integrity_origin");
    /** An integrity segment's {@code meta_dev} ({@code _imeta}), also shown without a parent. */
    public static final LvMark INTEGRITY_METADATA = LvMark.of("integrity_metadata");

    private RaidMarks() {
    }
}
