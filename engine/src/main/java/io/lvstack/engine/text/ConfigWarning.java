package io.lvstack.engine.text;

import java.util.Objects;

/** A problem the parser tolerated, as LVM2 does with a {@code WARNING:} line. */
public record ConfigWarning(int line, String message) {
    public ConfigWarning {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
