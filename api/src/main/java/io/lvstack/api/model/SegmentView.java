package io.lvstack.api.model;

import io.lvstack.api.SegmentType;
import java.util.List;
import java.util.Optional;

/** Read-only view of one segment of an LV, as segment types and hooks see it. */
public interface SegmentView {
    /** The LV owning this segment. */
    LvView lv();

    SegmentType type();

    TypeFields fields();

    /** First logical extent of the segment within its LV. */
    long le();

    /** Number of logical extents. */
    long len();

    /** Extents each area maps ({@code len / areaCount} for stripes, {@code len} for mirror legs). */
    long areaLen();

    int areaCount();

    /** Area {@code index}, empty when unassigned. */
    Optional<Area> area(int index);

    /** The LV held in {@code role} (a single role, or a list or named role at an index), if any. */
    Optional<LvView> reference(ReferenceRole role);

    /**
     * The LVs held in the list or named role {@code list} (its declaration or any index of it),
     * in index order; for a single role, its LV if any.
     * @since SPI 2.0
     */
    List<LvView> references(ReferenceRole list);

    List<String> tags();

    /**
     * LVM2's {@code reshape_len} ({@code reshape_count} in metadata): extents a raid reshape keeps
     * free, 0 but mid-reshape.
     * @since SPI 2.1
     */
    default long reshapeLen() {
        return 0;
    }
}
