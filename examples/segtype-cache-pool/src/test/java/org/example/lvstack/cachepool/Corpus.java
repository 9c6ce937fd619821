package org.example.lvstack.cachepool;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * LVM2's corpus of the lvstack source tree, found from this project: the system property
 * {@code lvstack.corpus} if set, else {@code engine/src/test/resources/corpus/lvm2} of the first
 * directory above the working directory or the test classes that has it (the example lives at
 * {@code examples/segtype-cache-pool} of that tree).
 */
final class Corpus {
    private static final String RELATIVE = "engine/src/test/resources/corpus/lvm2";
    static final Path DIR = locate();

    private Corpus() {
    }

    static Path file(String name) {
        return DIR.resolve(name);
    }

    private static Path locate() {
        String explicit = System.getProperty("lvstack.corpus");
        if (explicit != null && !explicit.isBlank()) {
            return checked(Path.of(explicit));
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // the working directory alone will do
        }
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path candidate = p.resolve(RELATIVE);
                if (Files.isRegularFile(candidate.resolve("cachepool.vg"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("LVM2's corpus (" + RELATIVE + "/cachepool.vg) is not above " + starts
                + "; build this example inside the lvstack source tree or pass -Dlvstack.corpus=DIR");
    }

    private static Path checked(Path dir) {
        if (!Files.isRegularFile(dir.resolve("cachepool.vg"))) {
            throw new IllegalStateException("-Dlvstack.corpus=" + dir + " holds no cachepool.vg");
        }
        return dir;
    }
}
