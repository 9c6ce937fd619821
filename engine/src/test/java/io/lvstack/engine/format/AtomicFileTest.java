package io.lvstack.engine.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write protocol's edges: leftovers of killed writes, and the reasons failures give. */
class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteRemovesWhatKilledWritesOfTheSameTargetLeftAndNothingElse() throws Exception {
        Path target = dir.resolve("vg.vg");
        Files.writeString(target, "old");
        // What a write killed before its rename leaves: the same names write() makes.
        Files.writeString(dir.resolve(".vg.vg.3w5e11264sgsf.tmp"), "half");
        Files.writeString(dir.resolve(".vg.vg.0.tmp"), "");
        // Not leftovers of vg.vg: another target's, a name with another middle, the user's own.
        Files.writeString(dir.resolve(".other.vg.3w5e11264sgsf.tmp"), "x");
        Files.writeString(dir.resolve(".vg.vg.NOT-MINE.tmp"), "x");
        Files.writeString(dir.resolve(".vg.vg.tmp"), "x");
        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(".other.vg.3w5e11264sgsf.tmp", ".vg.vg.NOT-MINE.tmp", ".vg.vg.tmp", "vg.vg"), names());
    }

    @Test
    void temporaryNamesAreRecognisedExactly() {
        assertTrue(AtomicFile.isTemporaryFor("a.vg", ".a.vg.3w5e11264sgsf.tmp"));
        assertTrue(AtomicFile.isTemporaryFor("a[1].vg", ".a[1].vg.z.tmp"));
        assertFalse(AtomicFile.isTemporaryFor("a.vg", ".a.vg..tmp"));
        assertFalse(AtomicFile.isTemporaryFor("a.vg", ".a.vg.3w5e11264sgsfab.tmp"), "longer than a long in base 36");
        assertFalse(AtomicFile.isTemporaryFor("a.vg", ".b.vg.3w5.tmp"));
        assertFalse(AtomicFile.isTemporaryFor("a.vg", "a.vg.3w5.tmp"));
        assertFalse(AtomicFile.isTemporaryFor("a.vg", ".a.vg.3w5.tmp~"));
    }

    @Test
    void aMissingDirectoryIsNamedInTheSystemsWords() throws Exception {
        Path target = dir.resolve("nosuch/out.vg");
        LvstackException e = assertThrows(LvstackException.class,
                () -> AtomicFile.write(target, new byte[] {1}));
        assertEquals("cannot write " + target + ": No such file or directory", e.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void aParentThatIsAFileIsNotADirectory() throws Exception {
        Files.writeString(dir.resolve("plain"), "keep");
        Path target = dir.resolve("plain/out.vg");
        LvstackException e = assertThrows(LvstackException.class,
                () -> AtomicFile.write(target, new byte[] {1}));
        assertEquals("cannot write " + target + ": Not a directory", e.getMessage());
        assertEquals("keep", Files.readString(dir.resolve("plain")));
        assertEquals(List.of("plain"), names());
    }

    @Test
    void aTargetThatIsADirectoryIsKeptAndTheTemporaryFileRemoved() throws Exception {
        Path target = Files.createDirectory(dir.resolve("d.vg"));
        LvstackException e = assertThrows(LvstackException.class,
                () -> AtomicFile.write(target, new byte[] {1}));
        assertEquals("cannot write " + target + ": Is a directory", e.getMessage());
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of("d.vg"), names());
    }

    @Test
    void createDirectoriesMakesTheMissingOnesAndRefusesAFileInTheWay() throws Exception {
        Path nested = dir.resolve("a/b/c");
        AtomicFile.createDirectories(nested);
        assertTrue(Files.isDirectory(nested));
        AtomicFile.createDirectories(nested);
        Files.write(dir.resolve("x.archive"), new byte[] {7});
        LvstackException e = assertThrows(LvstackException.class,
                () -> AtomicFile.createDirectories(dir.resolve("x.archive")));
        assertEquals("cannot create " + dir.resolve("x.archive") + ": File exists", e.getMessage());
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(dir.resolve("x.archive")));
    }
}
