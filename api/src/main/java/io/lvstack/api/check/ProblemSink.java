package io.lvstack.api.check;

/** Where a segment type reports what is wrong with one of its segments. */
public interface ProblemSink {
    /**
     * The segment is invalid. Reported as LVM2's {@code _check_lv_segment} words it:
     * {@code LV vg/lv, segment N invalid: MESSAGE for TYPE segment.}
     */
    void error(String message);

    /**
     * The segment is invalid, reported as LVM2's {@code check_lv_segments} words its own
     * findings: {@code LV name: MESSAGE.} (the mirror's image-size rule, for one).
     */
    default void lvError(String message) {
        error(message);
    }

    /**
     * The segment is invalid, reported as LVM2's {@code _check_raid_seg} words it, without a final
     * period: {@code LV vg/lv invalid: MESSAGE for TYPE segment}.
     * @since SPI 2.1
     */
    default void lvInvalid(String message) {
        error(message);
    }

    /** Worth telling, but the segment is usable. */
    void warning(String message);
}
