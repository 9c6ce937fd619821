package io.lvstack.api.dm;

import java.util.List;
import java.util.Objects;

/**
 * What the table of one device-mapper device of an LV is: the LV's own segments (each one line
 * written by its segment's type through {@link io.lvstack.api.SegmentType#targetLine}, as every
 * LV's table is by default), or lines the declaring type has written itself ({@code linear 253:2
 * 0} over a layer, {@code snapshot-origin 253:1}).
 *
 * @since SPI 2.0
 */
public sealed interface DeviceTable {

    /** The LV's own segments, one line each. */
    static DeviceTable segments() {
        return Segments.INSTANCE;
    }

    /** One line over sectors {@code 0 .. length}: {@code target} and its arguments ({@code "linear 253:2 0"}). */
    static DeviceTable line(long length, String target) {
        return new Lines(List.of(new Line(0, length, target)));
    }

    /** Lines the type wrote, each after the one before, the first at sector 0. */
    static DeviceTable lines(List<Line> lines) {
        return new Lines(lines);
    }

    /**
     * The LV's own segments, one line each.
     * @since SPI 2.0
     */
    enum Segments implements DeviceTable {
        INSTANCE
    }

    /**
     * Lines written by the type that declares the layout.
     *
     * @param lines at least one; the engine checks that they follow each other from sector 0
     * @since SPI 2.0
     */
    record Lines(List<Line> lines) implements DeviceTable {
        public Lines {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one line");
            }
        }
    }

    /**
     * One table line: {@code START LENGTH TARGET ARGS}, start and length in 512-byte sectors.
     *
     * @param target the target name and its arguments, without start and length
     * @since SPI 2.0
     */
    record Line(long start, long length, String target) {
        public Line {
            Objects.requireNonNull(target, "target");
            if (start < 0 || length <= 0) {
                throw new IllegalArgumentException("table line at " + start + " of length " + length);
            }
            if (target.isBlank()) {
                throw new IllegalArgumentException("table line without target");
            }
        }
    }
}
