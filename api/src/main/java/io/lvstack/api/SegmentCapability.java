package io.lvstack.api;

/**
 * What a segment type's segments can do, after LVM2's {@code SEG_*} flags. The engine derives
 * generic behaviour from these instead of asking for a type by name.
 */
public enum SegmentCapability {
    /** Areas are stripes: each area holds {@code len / areaCount} extents. */
    AREAS_STRIPED,
    /** Areas are mirror legs: each area holds all {@code len} extents. */
    AREAS_MIRRORED,
    /**
     * Maps extents straight onto its areas, as LVM2's {@code striped} type does for every linear
     * and striped LV: operations use the type with this capability for plain LVs, legs and layers
     * when the command names no type.
     * @since SPI 2.0
     */
    PLAIN,
    /**
     * Makes its LV a pool (LVM2's {@code lv_is_pool}): renamed on its own even when hidden, and
     * keeping its name when an LV that uses it is renamed.
     * @since SPI 2.0
     */
    POOL,
    /** A segment may be split at an LE boundary ({@code lv_split_segment}). */
    CAN_SPLIT,
    /** Maps no real extents (error, zero, unknown): the owning LV is VIRTUAL. */
    VIRTUAL,
    /** The type is not one lvstack understands; its segments are kept verbatim. */
    UNKNOWN
}
