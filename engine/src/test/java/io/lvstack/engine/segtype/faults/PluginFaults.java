package io.lvstack.engine.segtype.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Call;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs an operation with a plugin fault at call 1, 2, ... of one SPI method until the operation
 * gets through. Each fault must surface as lvstack's own error and leave {@code state} (a dump
 * of everything observable) as it was before.
 */
public final class PluginFaults {
    /** How many faults were injected before the operation got through, and their messages in order. */
    public record Result(int faults, List<String> messages) {
    }

    private PluginFaults() {
    }

    public static Result untilSuccess(FaultySegmentType type, Call call, Kind kind, Supplier<String> state,
            Runnable op) {
        List<String> messages = new ArrayList<>();
        String before = state.get();
        for (int n = 1;; n++) {
            type.arm(call, n, kind);
            try {
                op.run();
                type.disarm();
                return new Result(n - 1, messages);
            } catch (LvstackException e) {
                type.disarm();
                assertEquals(n, type.seen(), "the fault at call " + n + " was not what failed: " + e.getMessage());
                messages.add(e.getMessage());
                assertEquals(before, state.get(), "after a fault at " + call.method + " call " + n);
            }
        }
    }

    /** The end of the message of the fault at call {@code n}: the plugin's throwable as it printed. */
    public static String thrown(Call call, Kind kind, int n) {
        return kind.className + ": " + FaultySegmentType.detail(call, n);
    }
}
