package io.lvstack.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints what reading warned about, one line each, naming the input. */
final class Warnings {
    private Warnings() {
    }

    static void print(PrintWriter err, String source, List<String> warnings) {
        for (String w : warnings) {
            err.println("lvstack: " + source + ": " + w);
        }
        err.flush();
    }
}
