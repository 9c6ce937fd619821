package io.lvstack.api.check;

/** Where a segment type reports what is wrong with one of its segments. */
public interface ProblemSink {
    /** The segment is invalid; {@code message} says why, in LVM2's words where it has them. */
    void error(String message);

    /** Worth telling, but the segment is usable. */
    void warning(String message);
}
