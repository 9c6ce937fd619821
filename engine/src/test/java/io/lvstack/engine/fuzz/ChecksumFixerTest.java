package io.lvstack.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.disk.DiskVgReader;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.text.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzz target's checksum fixer keeps a valid image as it is and repairs a mutated one. */
class ChecksumFixerTest {
    private static final Path SEED = Path.of(
            "src/test/resources/io/lvstack/engine/fuzz/FuzzTargetsInputs/device/wrapped-pv-head.img");

    @TempDir
    Path dir;

    @Test
    void aValidImageIsLeftAsItIsAndAMutatedOneReadsAgain() throws Exception {
        byte[] image = Files.readAllBytes(SEED);
        assertArrayEquals(image, ChecksumFixer.fix(image));
        byte[] mutated = image.clone();
        int at = 4096 + 31232 + 100; // in the text's first piece: the last letter of RESIZEABLE
        mutated[at] = 'x';
        Path img = dir.resolve("fixed.img");
        Files.write(img, ChecksumFixer.fix(mutated));
        DiskVgReader reader = new DiskVgReader(new MetadataFormat(Lvstack.engine()), ParseOptions.fileForm());
        // past every checksum, into the text: what fails now is the word the mutation made
        assertEquals(img + " (metadata area 1):5: Unknown status flag 'RESIZEABLx'.", assertThrows(
                io.lvstack.api.LvstackException.class, () -> reader.read(List.of(img), List.of(), null)).getMessage());
        Files.write(img, mutated);
        String unfixed = assertThrows(io.lvstack.api.LvstackException.class,
                () -> reader.read(List.of(img), List.of(), null)).getMessage();
        assertEquals(true, unfixed.contains(img + ": damaged metadata in metadata area 1 at byte 4096: checksum "), unfixed);
    }
}
