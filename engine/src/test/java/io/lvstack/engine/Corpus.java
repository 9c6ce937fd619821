package io.lvstack.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The LVM2 corpus copied into the test resources (from ../shared/corpus/lvm2), so tests run in any clone. */
public final class Corpus {
    /** Relative to the engine module, where Surefire runs. */
    public static final Path DIR = Path.of("src/test/resources/corpus/lvm2");
    public static final Path BAD = DIR.resolve("bad");

    private Corpus() {
    }

    /** Every metadata file LVM2 accepted and wrote, {@code stepK} files included. */
    public static List<Path> acceptedFiles() {
        return vgFiles(DIR);
    }

    /** The {@code *.vg} files directly in {@code dir}, sorted by name. */
    public static List<Path> vgFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".vg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
