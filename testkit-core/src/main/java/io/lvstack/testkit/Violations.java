package io.lvstack.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The broken rules a contract check found, collected so that one failure lists them all. */
final class Violations {
    private final List<String> found = new ArrayList<>();

    void add(String violation) {
        found.add(violation);
    }

    /** What {@code body} returns, or null after noting what it threw as a violation of {@code what}. */
    <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            found.add(what + " throws " + e);
            return null;
        }
    }

    /** Runs {@code body}, noting what it throws as a violation of {@code what}; whether it ran through. */
    boolean run(String what, Runnable body) {
        return call(what, () -> {
            body.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** @throws AssertionError headed by {@code header}, a line for each violation, when there is any */
    void throwIfAny(String header) {
        if (!found.isEmpty()) {
            StringBuilder b = new StringBuilder(header).append(':');
            for (String v : found) {
                b.append("\n  - ").append(v);
            }
            throw new AssertionError(b.toString());
        }
    }
}
