package io.lvstack.engine.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Random access to the lines of a source text, for keeping source forms verbatim. Lines are
 * found lazily, only as far as asked: the header needs the first dozen lines of a file that may
 * be megabytes long.
 */
final class SourceText {
    private final byte[] bytes;
    /** Start offsets of the lines found so far; {@code starts[0] = 0}. */
    private int[] starts = new int[64];
    private int found = 1;
    /** Where the scan for line starts goes on. */
    private int scanned;

    SourceText(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Finds line starts until line {@code n + 1} starts or the text ends. */
    private void scanTo(int n) {
        while (found <= n && scanned < bytes.length) {
            if (bytes[scanned++] == '\n') {
                if (found == starts.length) {
                    starts = Arrays.copyOf(starts, found * 2);
                }
                starts[found++] = scanned;
            }
        }
    }

    /** Line {@code n} (1-based) without its newline, or null when there is no such line. */
    String line(int n) {
        if (n < 1) {
            return null;
        }
        scanTo(n);
        if (n > found) {
            return null;
        }
        int from = starts[n - 1];
        int to = n < found ? starts[n] - 1 : bytes.length;
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** The text before line {@code n}. */
    String before(int n) {
        scanTo(n - 1);
        int end = n - 1 < found ? starts[n - 1] : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
