package io.lvstack.engine.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Random access to the lines of a source text, for keeping source forms verbatim. */
final class SourceText {
    private final byte[] bytes;
    private int[] starts;
    private int lineCount;

    SourceText(byte[] bytes) {
        this.bytes = bytes;
    }

    private void index() {
        if (starts != null) {
            return;
        }
        starts = new int[64];
        starts[0] = 0;
        lineCount = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (lineCount == starts.length) {
                    starts = Arrays.copyOf(starts, lineCount * 2);
                }
                starts[lineCount++] = i + 1;
            }
        }
    }

    /** Line {@code n} (1-based) without its newline, or null when there is no such line. */
    String line(int n) {
        index();
        if (n < 1 || n > lineCount) {
            return null;
        }
        int from = starts[n - 1];
        int to = n < lineCount ? starts[n] - 1 : bytes.length;
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** The text before line {@code n}. */
    String before(int n) {
        index();
        int end = n <= lineCount ? starts[n - 1] : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
