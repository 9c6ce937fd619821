package org.example.lvstack.cachepool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Variants of the corpus's {@code cachepool.vg} with the pool's segment written differently. */
final class Fixture {
    static final String INDENT = "\t\t\t\t";
    /** The pool segment's type and own fields, as LVM2 wrote them. */
    static final String POOL_BODY = INDENT + "type = \"cache-pool\"\n" + INDENT + "data = \"cpool_cdata\"\n" + INDENT
            + "metadata = \"cpool_cmeta\"\n" + INDENT + "chunk_size = 128\n";

    private Fixture() {
    }

    static String corpusText() {
        try {
            return Files.readString(Corpus.file("cachepool.vg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus file with the pool segment's type and fields replaced by {@code lines}, one a line. */
    static String withPoolBody(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(INDENT).append(l).append('\n');
        }
        String text = corpusText();
        if (!text.contains(POOL_BODY)) {
            throw new IllegalStateException("cachepool.vg no longer holds the pool segment this test expects");
        }
        return text.replace(POOL_BODY, b.toString());
    }
}
