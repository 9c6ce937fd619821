package io.lvstack.testkit;

import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.model.SegmentView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ProblemSink} that keeps what a type's {@code validate} reports, in order, one string
 * each: {@code "error: MESSAGE"}, {@code "lvError: MESSAGE"} or {@code "lvInvalid: MESSAGE"} (kept
 * apart from {@code error} because the engine words them differently) or {@code "warning: MESSAGE"}. Not thread-safe.
 */
public final class RecordingProblemSink implements ProblemSink {
    private final List<String> problems = new ArrayList<>();

    /** What {@code segment.type().validate(segment, ...)} reports. */
    public static RecordingProblemSink validate(SegmentView segment) {
        RecordingProblemSink sink = new RecordingProblemSink();
        segment.type().validate(segment, sink);
        return sink;
    }

    @Override
    public void error(String message) {
        problems.add("error: " + message);
    }

    @Override
    public void lvError(String message) {
        problems.add("lvError: " + message);
    }

    @Override
    public void lvInvalid(String message) {
        problems.add("lvInvalid: " + message);
    }

    @Override
    public void warning(String message) {
        problems.add("warning: " + message);
    }

    /** Every problem reported, in order. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Whether an {@code error}, {@code lvError} or {@code lvInvalid} was reported. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> !p.startsWith("warning: "));
    }
}
