package io.lvstack.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The copy of the corpus in the test resources is the shared corpus, whole and unchanged. */
class CorpusCopyTest {
    private static final Path SHARED = Path.of("../../shared/corpus/lvm2");

    @Test
    void copyHoldsEveryFileOfTheSharedCorpusUnchanged() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "the shared corpus is beside the clone in CI and on developer machines");
        List<Path> shared = files(SHARED);
        assertEquals(shared.stream().map(p -> SHARED.relativize(p).toString()).toList(),
                files(Corpus.DIR).stream().map(p -> Corpus.DIR.relativize(p).toString()).toList());
        for (Path p : shared) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(Corpus.DIR.resolve(SHARED.relativize(p))),
                    p.toString());
        }
    }

    @Test
    void corpusHasItsKnownSize() {
        assertEquals(128, Corpus.acceptedFiles().size());
        assertEquals(16, Corpus.vgFiles(Corpus.BAD).size());
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
