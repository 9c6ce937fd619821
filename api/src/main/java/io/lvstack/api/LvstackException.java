package io.lvstack.api;

/**
 * The one documented error type of lvstack. Every failure the engine or a plugin reports to a
 * user is an {@code LvstackException} (or a subclass) whose message is a complete, one-line
 * explanation; callers print the message, never a stack trace.
 *
 * <p>The message is kept on one line whatever it quotes from its input: line breaks and other
 * control characters in it are shown as escapes ({@link #oneLine}).
 */
public class LvstackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LvstackException(String message) {
        super(oneLine(message));
    }

    public LvstackException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * {@code text} with every character that could break or garble a line shown as an escape:
     * C0 controls and DEL as <code>&#92;xNN</code> (tab and newline included), C1 controls and the Unicode
     * line and paragraph separators as <code>&#92;uNNNN</code>. Null stays null.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !breaksLine(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else if (breaksLine(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean breaksLine(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }
}
