package io.lvstack.cli;

import java.io.PrintWriter;

/** Prints texts of megabytes (reports, metadata) without a second full-size copy. */
final class LargeText {
    private static final int SLICE = 8192;

    private LargeText() {
    }

    /**
     * Prints {@code text} in slices: a writer given a whole string first copies all of it into one
     * char array (twice the string's size for ASCII), which would count in the peak memory.
     */
    static void print(PrintWriter out, String text) {
        for (int i = 0; i < text.length(); i += SLICE) {
            out.write(text, i, Math.min(SLICE, text.length() - i));
        }
    }
}
