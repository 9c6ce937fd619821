package io.lvstack.api.model;

import java.util.List;
import java.util.Set;

/** Read-only view of a logical volume, as segment types and hooks see it. */
public interface LvView {
    String name();

    /** The status bits stored in metadata. */
    Set<LvStatus> status();

    default boolean has(LvStatus bit) {
        return status().contains(bit);
    }

    /** What segment types have marked this LV as ({@link LvMark}). */
    Set<LvMark> marks();

    default boolean has(LvMark mark) {
        return marks().contains(mark);
    }

    /** Whether a segment type marked this LV as a component of the segment using it. */
    default boolean component() {
        for (LvMark m : marks()) {
            if (m.component()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Not hidden, as LVM2's {@code lv_is_visible}: has the VISIBLE word or is {@link LvMark#SHOWN},
     * and is not {@link LvMark#UNLISTED}.
     */
    default boolean visible() {
        return (has(LvStatus.VISIBLE) || has(LvMark.SHOWN)) && !has(LvMark.UNLISTED);
    }

    /** Segments in LE order. */
    List<? extends SegmentView> segments();

    /** Number of logical extents (the sum of the segments' lengths). */
    long extentCount();

    /** Sectors per extent of the LV's VG. */
    long extentSize();

    /** Number of distinct segments that use this LV (the upward links). */
    int userCount();

    /** The segments that use this LV, in the order they were linked. */
    List<? extends SegmentView> users();

    /** How many references {@code segment} holds to this LV (0 when it is no user). */
    int userCount(SegmentView segment);
}
