package io.lvstack.engine.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tables of every corpus file. The named cases (and the texts given to LVM2 for the
 * hand-written ones) have their expected tables in {@code dm/NAME.table}, each line checked
 * against LVM2's report by {@link TableLvm2ReportTest}; every step file is held to what any
 * table must be: each LV once, after the LVs it uses, its lines covering it from sector 0, every
 * PV offset inside the PV's extents.
 */
class TableCorpusTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());
    private static final Path EXPECTED = Path.of("src/test/resources/io/lvstack/engine/dm");

    static Stream<Path> namedCases() {
        return Corpus.acceptedFiles().stream().filter(p -> !p.getFileName().toString().contains(".step"));
    }

    static Stream<Path> everyFile() {
        return Corpus.acceptedFiles().stream();
    }

    /** The tables and, after them, what could not be built, as {@code lvstack table} prints them. */
    static String tables(Path file) {
        DmTables t = TableBuilder.build(FORMAT.read(file).vg(), TableOptions.defaults());
        StringBuilder out = new StringBuilder(t.render());
        for (String p : t.problems()) {
            out.append("problem: ").append(p).append('\n');
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedCases")
    void tablesAreTheExpectedOnes(Path file) throws Exception {
        Path expected = EXPECTED.resolve(file.getFileName() + ".table");
        assertTrue(Files.exists(expected), "no expected tables for " + file + " at " + expected);
        assertEquals(Files.readString(expected), tables(file));
    }

    @Test
    void everyExpectedTableBelongsToACorpusFile() throws Exception {
        Set<String> cases = new HashSet<>(namedCases().map(p -> p.getFileName() + ".table").toList());
        try (Stream<Path> files = Files.list(EXPECTED)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".table")).toList()) {
                assertTrue(cases.contains(p.getFileName().toString()), p + " names no corpus file");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFile")
    void everyTableIsLoadableInOrder(Path file) {
        VolumeGroup vg = FORMAT.read(file).vg();
        DmTables t = TableBuilder.build(vg, TableOptions.defaults());
        long extentSize = vg.properties().extentSize();
        Map<String, long[]> pvExtents = new HashMap<>();
        for (PhysicalVolume pv : vg.pvs()) {
            pvExtents.put(pv.device(), new long[] {pv.peStart(), pv.peStart() + pv.peCount() * extentSize});
        }
        Set<String> loaded = new HashSet<>();
        for (DmDevice d : t.devices()) {
            assertTrue(loaded.add(d.name()), d.name() + " loaded twice");
            assertEquals(DmName.of(vg.name(), d.lv().name()), d.name());
            long next = 0;
            for (TableLine line : d.lines()) {
                assertEquals(next, line.start(), d.name() + ": lines must follow each other");
                next += line.length();
                String[] words = line.target().split(" ");
                for (int i = 1; i + 1 < words.length; i++) {
                    if (words[i].startsWith("/dev/mapper/")) {
                        assertTrue(loaded.contains(words[i].substring(12)), d.name() + " names " + words[i] + " before it is loaded");
                    } else if (pvExtents.containsKey(words[i])) {
                        long offset = Long.parseLong(words[i + 1]);
                        long[] range = pvExtents.get(words[i]);
                        assertTrue(offset >= range[0] && offset < range[1], line + ": offset outside " + words[i]);
                    }
                }
            }
            assertEquals(d.lv().extentCount() * extentSize, next, d.name() + " covers its LV");
        }
        // every LV vgchange -ay activates has a table or a problem, but a cache pool, which is no device
        long noDevice = TableBuilder.activated(vg).stream().filter(lv -> !lv.segments().isEmpty()
                && lv.segments().get(0).type().name().equals("cache-pool")).count();
        assertEquals(TableBuilder.activated(vg).size(), t.devices().size() + t.problems().size() + noDevice,
                "every LV vgchange -ay activates but a cache pool has a table or a problem");
    }
}
