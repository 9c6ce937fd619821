package io.lvstack.testkit.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading expected texts, and saying where an actual text first differs from one. */
final class Texts {
    private Texts() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @throws AssertionError naming {@code what} and the first differing line, when the texts differ */
    static void assertSame(String what, String expected, String actual) {
        String difference = firstDifference(expected, actual);
        if (difference != null) {
            throw new AssertionError(what + " differs: " + difference);
        }
    }

    /** {@code line N: expected <...> but was <...>}, or null when the texts are equal. */
    static String firstDifference(String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? "<" + e[i] + ">" : "(end of text)";
            String al = i < a.length ? "<" + a[i] + ">" : "(end of text)";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ": expected " + el + " but was " + al;
            }
        }
        throw new IllegalStateException("unequal texts with equal lines");
    }
}
