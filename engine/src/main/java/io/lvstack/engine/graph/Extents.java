package io.lvstack.engine.graph;

/** Formatting of extent ranges in messages. */
final class Extents {
    private Extents() {
    }

    /** {@code 10-19} for 10 extents from 10. */
    static String range(long start, long len) {
        return start + "-" + (start + len - 1);
    }
}
