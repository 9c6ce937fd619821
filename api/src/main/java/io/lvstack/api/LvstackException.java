package io.lvstack.api;

/**
 * The one documented error type of lvstack. Every failure the engine or a plugin reports to a
 * user is an {@code LvstackException} (or a subclass) whose message is a complete, one-line
 * explanation; callers print the message, never a stack trace.
 */
public class LvstackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LvstackException(String message) {
        super(message);
    }

    public LvstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
