package io.lvstack.testkit.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.segtype.mirror.MirrorProvider;
import io.lvstack.segtype.mirror.MirrorSegmentType;
import io.lvstack.testkit.SegmentTypeContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHarnessTest {
    /** LVM2's corpus, from this module's directory (where Surefire runs). */
    static final Path CORPUS = Path.of("../engine/src/test/resources/corpus/lvm2");
    private static final Path MIRROR = CORPUS.resolve("mirror_disklog.vg");
    private final PluginHarness harness = PluginHarness.classPath();

    @TempDir
    Path dir;

    private static List<String> names(PluginHarness h) {
        return h.engine().segmentTypes().active().stream()
                .map(t -> (t.type().fallback() ? "fallback " : "") + t.name()).sorted().toList();
    }

    @Test
    void theClassPathGivesTheBuiltInTypes() {
        assertEquals(List.of("linear", "mirror", "striped"), names(harness));
        assertEquals("4096", harness.engine().setting("segtype.mirror.region_size"));
    }

    @Test
    void aGivenTypeReplacesTheClassPathsOfItsNameAndRank() {
        MirrorSegmentType mine = new MirrorSegmentType(1024);
        PluginHarness h = PluginHarness.withTypes(mine);
        assertSame(mine, h.engine().segmentTypes().byName("mirror"));
        assertEquals(names(harness), names(h));
        RegisteredType registered = h.engine().segmentTypes().active().stream().filter(t -> t.type() == mine)
                .findFirst().orElseThrow();
        assertEquals("mirror", registered.origin().plugin());
        assertEquals(false, registered.origin().builtIn());
    }

    @Test
    void aGivenTypeOfANewNameIsAdded() {
        SegmentType mirror = harness.engine().segmentTypes().byName("mirror");
        SegmentType renamed = new Renamed("mirror2", mirror);
        PluginHarness h = PluginHarness.withTypes(renamed);
        assertEquals(List.of("linear", "mirror", "mirror2", "striped"), names(h));
    }

    @Test
    void aGivenProviderReplacesItsPluginAndGetsItsSettings() {
        PluginHarness h = PluginHarness.withProvider(new MirrorProvider(), Map.of("region_size", "1024"));
        assertEquals(1024, ((MirrorSegmentType) h.engine().segmentTypes().byName("mirror")).defaultRegionSize());
        assertEquals(names(harness), names(h));
        assertEquals(4096, ((MirrorSegmentType) PluginHarness.withProvider(new MirrorProvider()).engine()
                .segmentTypes().byName("mirror")).defaultRegionSize());
    }

    @Test
    void aProviderForAnotherSpiIsRefusedAsTheEngineRefusesIt() {
        MirrorProvider real = new MirrorProvider();
        SegmentTypeProvider future = new SegmentTypeProvider() {
            @Override
            public SpiVersion spiVersion() {
                return SpiVersion.of(SpiVersion.MAJOR + 1, 0);
            }

            @Override
            public String pluginName() {
                return real.pluginName();
            }

            @Override
            public String pluginVersion() {
                return real.pluginVersion();
            }

            @Override
            public List<SegmentType> segmentTypes(PluginSettings settings) {
                return real.segmentTypes(settings);
            }
        };
        LvstackException e = assertThrows(LvstackException.class, () -> PluginHarness.withProvider(future));
        assertTrue(e.getMessage().startsWith("plugin mirror ("), e.getMessage());
        assertTrue(e.getMessage().contains(") was built for SPI " + future.spiVersion() + " but this lvstack has SPI "
                + SpiVersion.CURRENT), e.getMessage());
    }

    @Test
    void readsAndWritesBackAsTheToolDoes() throws IOException {
        ImportedVg vg = harness.read(MIRROR);
        assertEquals("vgm1", vg.vg().name());
        assertEquals(Files.readString(MIRROR), harness.write(vg));
        String disk = harness.write(vg, MetadataFormat.Form.ON_DISK);
        assertEquals(disk, harness.write(harness.read(disk, "disk"), MetadataFormat.Form.ON_DISK));
        assertSame(harness.format(), harness.format());
    }

    @Test
    void aRoundTripPassesForLvm2sOwnFile() {
        harness.assertRoundTrip(MIRROR);
    }

    @Test
    void aRoundTripSaysWhereTheTextsFirstDiffer() throws IOException {
        String text = Files.readString(MIRROR).replace("\tid = ", "\tid =  ");
        AssertionError e = assertThrows(AssertionError.class, () -> harness.assertRoundTrip(text, "t.vg"));
        int line = (int) text.substring(0, text.indexOf("id =  ")).lines().count();
        assertEquals("t.vg written back differs: line " + line + ": expected <\tid =  "
                + text.lines().skip(line - 1).findFirst().orElseThrow().substring("\tid =  ".length()) + "> but was <\tid = "
                + text.lines().skip(line - 1).findFirst().orElseThrow().substring("\tid =  ".length()) + ">",
                e.getMessage());
    }

    @Test
    void aRoundTripWithoutThePluginIsNoRoundTrip() {
        Path cachepool = CORPUS.resolve("cachepool.vg");
        AssertionError e = assertThrows(AssertionError.class, () -> harness.assertRoundTrip(cachepool));
        assertEquals(cachepool + ": segment types [cache-pool] are unknown to this engine, so their segments are kept "
                + "verbatim; load their plugin", e.getMessage());
    }

    @Test
    void checksAsTheToolChecks() throws IOException {
        assertEquals(List.of(), harness.problems(MIRROR));
        assertTrue(harness.check(MIRROR).valid());
        Path regionsize = CORPUS.resolve("bad/regionsize.vg");
        List<String> fromFile = harness.problems(regionsize);
        assertEquals(1, fromFile.size(), fromFile.toString());
        assertTrue(fromFile.get(0).startsWith("error: "), fromFile.get(0));
        assertEquals(fromFile, harness.problems(Files.readString(regionsize), regionsize.toString()));
        assertEquals("vgx", harness.check(Files.readString(regionsize), "r.vg").vgName());
    }

    @Test
    void unreadableTextIsOneProblem() {
        assertEquals(List.of("error: t.vg:1:5: unexpected end of input (expected '=' or '{' after key 'vgx')"),
                harness.problems("vgx ", "t.vg"));
    }

    @Test
    void reportsAsLvsPrintsThem() throws IOException {
        ImportedVg vg = harness.read(MIRROR);
        assertEquals(Files.readString(CORPUS.resolve("mirror_disklog.lvs.json")), harness.lvs(vg.vg()).all().units("s")
                .nosuffix().fields(Lvm2Answers.LVS_FIELDS).json());
        assertEquals(Files.readString(CORPUS.resolve("mirror_disklog.lvs.default.txt")), harness.lvs(vg.vg()).all()
                .plain());
        assertEquals("  LV    VG   Attr       LSize  Pool Origin Data%  Meta%  Move Log      Cpy%Sync Convert\n"
                + "  m     vgm1 mwi-XXm--- 24.00m                                [m_mlog]                 \n"
                + "  other vgm1 -wi-XX---- 16.00m                                                         \n",
                harness.lvs(vg.vg()).plain());
        assertEquals("  LV      \n  [m_mlog]\n  m       \n", harness.lvs(vg.vg()).all().fields("lv_name").names("m", "vgm1/m_mlog")
                .sort("-lv_name").plain());
        assertEquals(ReportKind.PVS, harness.report(vg.vg(), ReportKind.PVS).report().kind());
    }

    @Test
    void lvm2sAnswersAreComparedEveryOne() {
        assertEquals(List.of("mirror_disklog.lvs.json", "mirror_disklog.lvs.txt", "mirror_disklog.lvs.default.txt",
                "mirror_disklog.pvs.default.txt", "mirror_disklog.pvsegs.json", "mirror_disklog.pvsegs.txt"),
                harness.assertLvm2Reports(MIRROR));
    }

    @Test
    void anAnswerThatDiffersIsNamedWithItsLineAndOnlyIt() throws IOException {
        Path vg = dir.resolve("m.vg");
        Files.copy(MIRROR, vg);
        Files.copy(CORPUS.resolve("mirror_disklog.lvs.txt"), dir.resolve("m.lvs.txt"));
        Files.writeString(dir.resolve("m.pvs.default.txt"), "  PV\n");
        AssertionError e = assertThrows(AssertionError.class, () -> harness.assertLvm2Reports(vg));
        assertTrue(e.getMessage().startsWith("lvstack's reports of " + vg + " differ from LVM2's:\n"
                + "  - m.pvs.default.txt: line 1: expected <  PV> but was <  PV "), e.getMessage());
        assertEquals(2, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aFileWithoutAnswersOrOfAnotherNameIsTheTestsMistake() throws IOException {
        Path vg = dir.resolve("alone.vg");
        Files.copy(MIRROR, vg);
        assertEquals("no LVM2 answer (alone.lvs.json, ...) next to " + vg, assertThrows(AssertionError.class,
                () -> harness.assertLvm2Reports(vg)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> harness.assertLvm2Reports(dir.resolve("alone.txt")));
    }

    @Test
    void aSectionIsParsedWithItsLines() {
        ConfigSection s = PluginHarness.parseSection("segment1 {\n\tstart_extent = 0\n\textent_count = 6\n\n"
                + "\ttype = \"mirror\"\n\tmirror_count = 2\n\tmirror_log = \"m_mlog\"\n\tregion_size = 1024\n\n"
                + "\tmirrors = [\n\t\t\"m_mimage_0\", 0,\n\t\t\"m_mimage_1\", 0\n\t]\n}\n");
        assertEquals("segment1", s.key());
        assertEquals(6, s.lineOf("mirror_count"));
        assertEquals(14, s.endLine());
        SegmentTypeContract.check(harness.engine().segmentTypes().byName("mirror"), s);
        assertEquals("the text holds 2 top-level nodes; expected one section", assertThrows(
                IllegalArgumentException.class, () -> PluginHarness.parseSection("a = 1\nb = 2\n")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PluginHarness.parseSection("a = 1\n"));
    }
}
