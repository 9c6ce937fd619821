package io.lvstack.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.dm.DmDevice;
import io.lvstack.engine.dm.TableBuilder;
import io.lvstack.engine.dm.TableLine;
import io.lvstack.engine.dm.TableOptions;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The lab corpus ({@code corpus/lab}): cases the shared corpora lack, made by real LVM2 2.03.16
 * by the {@code make-*.sh} scripts beside them. Every file is read and written back byte for byte,
 * the checker finds nothing, and lvstack's reports equal LVM2's. Today: {@code virt}, LVM2's
 * {@code error} and {@code zero} LVs; and {@code cachedm}, two VGs with caches, whose
 * device-mapper tables {@code CacheTablesTest} holds to LVM2's.
 */
class LabCorpusTest {
    static final Path LAB = Path.of("src/test/resources/corpus/lab");
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());

    static Stream<String> files() throws Exception {
        try (Stream<Path> s = Files.list(LAB)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".vg")).sorted().toList().stream();
        }
    }

    static Stream<String> cases() throws Exception {
        return files().filter(n -> !n.contains(".step")).map(n -> n.substring(0, n.length() - 3));
    }

    private static String lab(String name, String suffix) throws Exception {
        return Files.readString(LAB.resolve(name + suffix));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyFileRoundTripsAndChecksClean(String file) throws Exception {
        ImportedVg vg = FORMAT.read(LAB.resolve(file));
        assertEquals(Files.readString(LAB.resolve(file)), FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
        assertEquals(List.of(), Checker.check(vg.vg()).problems().stream().map(Object::toString).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsAreLvm2s(String name) throws Exception {
        ImportedVg vg = FORMAT.read(LAB.resolve(name + ".vg"));
        Units sectors = Units.parse("s", true);
        Report lvs = ReportBuilder.build(vg.vg(), ReportKind.LVS, ReportCorpusTest.CORPUS_FIELDS, null, true);
        assertEquals(lab(name, ".lvs.json"), ReportFormat.json(lvs, sectors));
        assertEquals(lab(name, ".lvs.txt"), ReportFormat.basic(lvs, sectors, ReportFormat.Basic.DEFAULT));
        assertEquals(lab(name, ".lvs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg.vg(), ReportKind.LVS,
                null, null, true), Units.human(), ReportFormat.Basic.DEFAULT));
        assertEquals(lab(name, ".pvs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg.vg(), ReportKind.PVS,
                null, null, false), Units.human(), ReportFormat.Basic.DEFAULT));
        assertEquals(lab(name, ".vgs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg.vg(), ReportKind.VGS,
                null, null, false), Units.human(), ReportFormat.Basic.DEFAULT));
        assertEquals(lab(name, ".pvsegs.json"), ReportFormat.json(ReportBuilder.build(vg.vg(), ReportKind.PVSEGS,
                "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges", null, false), sectors));
    }

    /** LVM2's error and zero targets take no arguments: one line a segment, named after the type. */
    @Test
    void errorAndZeroLvsMapToTheirTargets() {
        ImportedVg vg = FORMAT.read(LAB.resolve("virt.vg"));
        List<String> lines = TableBuilder.build(vg.vg(), TableOptions.defaults()).devices().stream()
                .filter(d -> !d.name().endsWith("-plain"))
                .flatMap(d -> d.lines().stream().map(l -> d.name() + ": " + line(l))).toList();
        // load order: metadata order (err, zer, lvol0)
        assertEquals(List.of("vgv-err: 0 32768 error", "vgv-zer: 0 32768 zero", "vgv-lvol0: 0 16384 zero"), lines);
    }

    private static String line(TableLine l) {
        return l.start() + " " + l.length() + " " + l.target();
    }
}
