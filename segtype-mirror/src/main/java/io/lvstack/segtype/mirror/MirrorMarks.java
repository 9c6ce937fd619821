package io.lvstack.segtype.mirror;

import io.lvstack.api.model.LvMark;

/** What a mirror makes of the LVs it uses, after LVM2's MIRROR_IMAGE, MIRROR_LOG and CONVERTING. */
public final class MirrorMarks {
    /** A leg: an area of a mirror segment. */
    public static final LvMark IMAGE = LvMark.component("mirror_image", "used by a mirror");
    /** The log of a mirror segment. */
    public static final LvMark LOG = LvMark.component("mirror_log", "used as mirror log");
    /** A mirror whose first leg is a {@code _mimagetmp_N} conversion layer: the SPI's {@link LvMark#CONVERTING}. */
    public static final LvMark CONVERTING = LvMark.CONVERTING;

    private MirrorMarks() {
    }
}
