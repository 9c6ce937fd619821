package io.lvstack.engine.dm;

import java.util.Objects;

/**
 * One line of a device-mapper table: {@code START LENGTH TARGET ARGS}, start and length in
 * 512-byte sectors. {@code target} is the target name and its arguments
 * ({@code "linear 7:0 2048"}).
 */
public record TableLine(long start, long length, String target) {
    public TableLine {
        Objects.requireNonNull(target, "target");
        if (start < 0 || length <= 0) {
            throw new IllegalArgumentException("table line at " + start + " of length " + length);
        }
    }

    @Override
    public String toString() {
        return start + " " + length + " " + target;
    }
}
