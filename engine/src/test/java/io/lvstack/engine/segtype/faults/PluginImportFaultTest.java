package io.lvstack.engine.segtype.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Call;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading metadata with a plugin that fails in accepts, decode or canMerge at every call in turn:
 * the read fails with a located error naming the plugin and the call, and returns no VG.
 */
class PluginImportFaultTest {
    private static final Path MIRROR = Corpus.DIR.resolve("mirror_disklog.vg");
    private static final Path MULTISEG = Corpus.DIR.resolve("multiseg.vg");

    /** Each file's calls of the method: one mirror segment, four striped ones, two pairs to merge. */
    static Stream<Arguments> faults() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(
                Arguments.of("mirror", Call.ACCEPTS, MIRROR, kind, 1),
                Arguments.of("mirror", Call.DECODE, MIRROR, kind, 1),
                Arguments.of("striped", Call.ACCEPTS, MIRROR, kind, 4),
                Arguments.of("striped", Call.DECODE, MIRROR, kind, 4),
                Arguments.of("striped", Call.DECODE, MULTISEG, kind, 4),
                Arguments.of("striped", Call.CAN_MERGE, MULTISEG, kind, 2)));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("faults")
    void everyFaultFailsTheWholeRead(String typeName, Call call, Path file, Kind kind, int calls) {
        FaultyEngine f = new FaultyEngine(typeName);
        MetadataFormat format = new MetadataFormat(f.engine);
        AtomicReference<ImportedVg> read = new AtomicReference<>();
        PluginFaults.Result r = PluginFaults.untilSuccess(f.type, call, kind, () -> String.valueOf(read.get()),
                () -> read.set(format.read(file)));
        assertEquals(calls, r.faults());
        for (int n = 1; n <= calls; n++) {
            String m = r.messages().get(n - 1);
            String plugin = f.plugin() + " failed in " + call.method;
            assertTrue(m.startsWith(file + ":"), m);
            assertTrue(m.contains(": " + plugin), m);
            assertTrue(m.endsWith(": " + PluginFaults.thrown(call, kind, n)), m);
        }
        // The read that got through is the read of a sound engine.
        MetadataFormat sound = new MetadataFormat(Lvstack.engine());
        assertEquals(sound.write(sound.read(file).vg(), read.get().header(), MetadataFormat.Form.FILE),
                format.write(read.get().vg(), read.get().header(), MetadataFormat.Form.FILE));
    }

    @Test
    void decodeFaultIsLocatedAtItsSegment() {
        FaultyEngine f = new FaultyEngine("mirror");
        f.type.arm(Call.DECODE, 1, Kind.RUNTIME);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(io.lvstack.api.LvstackException.class,
                () -> new MetadataFormat(f.engine).read(MIRROR));
        assertEquals(MIRROR + ":77: segment type 'mirror' (" + FaultySegmentType.class.getName()
                + ") failed in decode of LV m segment1: java.lang.IllegalStateException: injected fault at decode call 1",
                e.getMessage());
    }

    @Test
    void canMergeFaultAfterReadingNamesBothSegments() {
        FaultyEngine f = new FaultyEngine("striped");
        f.type.arm(Call.CAN_MERGE, 1, Kind.CHECKED);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(io.lvstack.api.LvstackException.class,
                () -> new MetadataFormat(f.engine).read(MULTISEG));
        assertEquals(MULTISEG + ": segment type 'striped' (" + FaultySegmentType.class.getName()
                + ") failed in canMerge of LV vg2/a segment 1 (LE 0-7) and LV vg2/a segment 2 (LE 8-19):"
                + " java.io.IOException: injected fault at canMerge call 1", e.getMessage());
    }

    /** Checking a file whose plugin fails while reading: the failure is the one problem. */
    @Test
    void checkReportsAFailingDecodeAsTheOneProblem() {
        FaultyEngine f = new FaultyEngine("mirror");
        f.type.arm(Call.DECODE, 1, Kind.ERROR);
        CheckReport report = new Checker(new MetadataFormat(f.engine)).check(MIRROR);
        assertEquals(List.of(Problem.error(MIRROR + ":77", "segment type 'mirror' (" + FaultySegmentType.class.getName()
                + ") failed in decode of LV m segment1: java.lang.StackOverflowError: injected fault at decode call 1")),
                report.problems());
    }
}
