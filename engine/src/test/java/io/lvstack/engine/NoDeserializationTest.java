package io.lvstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rule: no main code of any module (the examples included) deserializes Java
 * objects, nor turns on the Jackson and java.beans equivalents that name classes in the input.
 */
class NoDeserializationTest {
    /** What deserialization looks like in source. */
    static final List<String> FORBIDDEN = List.of("ObjectInputStream", "readObject(", "readUnshared(", "XMLDecoder",
            "enableDefaultTyping", "activateDefaultTyping", "Id.CLASS", "Id.MINIMAL_CLASS", "SerializationUtils");

    /** The repository: the parent of this module. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static List<Path> mainSources(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("(.*/)?src/main/java/.*"))
                    .filter(p -> !("/" + root.relativize(p).toString().replace('\\', '/')).contains("/target/"))
                    .sorted().toList();
        }
    }

    static List<String> findings(Path root, List<Path> files) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                for (String word : FORBIDDEN) {
                    if (lines.get(i).contains(word)) {
                        out.add(root.relativize(f) + ":" + (i + 1) + ": " + word);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noMainCodeDeserializes() throws IOException {
        List<Path> files = mainSources(ROOT);
        // The scan sees every module, or it would pass by looking at nothing.
        for (String module : List.of("api", "engine", "distribution", "segtype-linear", "segtype-striped",
                "segtype-mirror", "benchmarks", "examples/segtype-cache-pool")) {
            assertTrue(files.stream().anyMatch(p -> p.startsWith(ROOT.resolve(module + "/src/main/java"))), module);
        }
        assertEquals(List.of(), findings(ROOT, files));
    }

    @Test
    void theScanFindsWhatItLooksFor(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("m/src/main/java/x/A.java");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "class A {\n  Object o = new java.io.ObjectInputStream(in).readObject();\n}\n");
        Path test = dir.resolve("m/src/test/java/x/B.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "class B { java.beans.XMLDecoder d; }\n");
        assertEquals(List.of(f), mainSources(dir));
        assertEquals(List.of("m/src/main/java/x/A.java:2: ObjectInputStream", "m/src/main/java/x/A.java:2: readObject("),
                findings(dir, mainSources(dir)));
    }
}
