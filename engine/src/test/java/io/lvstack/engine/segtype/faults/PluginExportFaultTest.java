package io.lvstack.engine.segtype.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Call;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writing a VG to a file while a plugin's encode fails at every call in turn: the error names the
 * plugin, the graph is untouched, and the file keeps its old content with nothing left beside it.
 */
class PluginExportFaultTest {
    private static final Path MIRROR = Corpus.DIR.resolve("mirror_disklog.vg");
    private static final String OLD = "the file's previous content\n";

    @TempDir
    Path dir;

    /** mirror_disklog holds one mirror segment and four striped ones: one encode call each. */
    static Stream<Arguments> faults() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(Arguments.of("mirror", kind, 1),
                Arguments.of("striped", kind, 4)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("faults")
    void everyFaultLeavesTheFileAndTheGraph(String typeName, Kind kind, int calls) throws IOException {
        FaultyVg f = new FaultyVg(typeName, MIRROR);
        Path file = dir.resolve("vg.vg");
        Files.writeString(file, OLD);
        PluginFaults.Result r = PluginFaults.untilSuccess(f.faulty.type, Call.ENCODE, kind,
                () -> f.state() + "\n" + content(file) + "\n" + listing(), () -> f.format.write(f.vg,
                        f.imported.header(), MetadataFormat.Form.FILE, file));
        assertEquals(calls, r.faults());
        for (int n = 1; n <= calls; n++) {
            String m = r.messages().get(n - 1);
            assertEquals(true, m.startsWith(f.faulty.plugin() + " failed in encode of LV "), m);
            assertEquals(true, m.endsWith(": " + PluginFaults.thrown(Call.ENCODE, kind, n)), m);
        }
        MetadataFormat sound = new MetadataFormat(Lvstack.engine());
        assertEquals(sound.write(sound.read(MIRROR).vg(), f.imported.header(), MetadataFormat.Form.FILE),
                content(file));
        assertEquals("[vg.vg]", listing());
    }

    @Test
    void encodeFaultNamesTheSegment() {
        FaultyVg f = new FaultyVg("mirror", MIRROR);
        f.faulty.type.arm(Call.ENCODE, 1, Kind.CHECKED);
        LvstackException e = assertThrows(LvstackException.class,
                () -> f.format.write(f.vg, f.imported.header(), MetadataFormat.Form.ON_DISK));
        assertEquals("segment type 'mirror' (" + FaultySegmentType.class.getName()
                + ") failed in encode of LV vgm1/m segment 1 (LE 0-5): java.io.IOException: injected fault at encode call 1",
                e.getMessage());
    }

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String listing() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
