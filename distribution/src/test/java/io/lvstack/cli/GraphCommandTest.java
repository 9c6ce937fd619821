package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lvstack graph}: DOT to standard output or a file, svg and png through Graphviz, and its errors. */
class GraphCommandTest {
    private static final Path CORPUS = FmtCommandTest.CORPUS;
    /** The engine's expected DOT of two corpus cases. */
    private static final Path EXPECTED = Path.of("../engine/src/test/resources/picture");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static String corpus(String name) {
        return CORPUS.resolve(name + ".vg").toString();
    }

    static boolean dotInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "dot")));
    }

    @Test
    void dotGoesToStandardOutput() throws Exception {
        CliRun r = CliRun.of("graph", corpus("mirror_disklog"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals(Files.readString(EXPECTED.resolve("mirror_disklog.dot")), r.out());
        assertEquals(r.out(), CliRun.of("graph", "--format", "dot", corpus("mirror_disklog")).out());
    }

    @Test
    void oneLvIsDrawnWithWhatLiesBelowIt() {
        CliRun r = CliRun.of("graph", corpus("mirror_disklog"), "vgm1/m");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(CliRun.of("graph", corpus("mirror_disklog"), "m").out(), r.out());
        List<String> nodes = r.outLines().stream().filter(l -> l.startsWith("  \"") && l.contains("[label=<"))
                .map(l -> l.substring(3, l.indexOf('"', 3))).toList();
        assertEquals(List.of("lv:m", "lv:m_mimage_0", "lv:m_mimage_1", "lv:m_mlog", "pv:pv0", "pv:pv1", "pv:pv2"), nodes);
        // other's range of pv0 is not drawn: only what m uses.
        assertFalse(r.out().contains("PE 6-9"), r.out());

        CliRun other = CliRun.of("graph", corpus("mirror_disklog"), "other");
        assertTrue(other.out().contains("\"lv:other\":s1:s -> \"pv:pv0\":pe6:n;\n"), other.out());
        assertFalse(other.out().contains("lv:m"), other.out());
    }

    @Test
    void outputFileIsWrittenAndNothingPrinted(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("linear.dot");
        CliRun r = CliRun.of("graph", corpus("linear"), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(Files.readString(EXPECTED.resolve("linear.dot")), Files.readString(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no temporary file left");
        }
    }

    @Test
    void svgAndPngThroughGraphviz(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(dotInstalled(), "Graphviz's dot is not on PATH");
        CliRun svg = CliRun.of("graph", "--format", "svg", corpus("mirror_mirroredlog"));
        assertEquals(0, svg.exitCode(), svg.err());
        assertTrue(svg.out().startsWith("<?xml"), svg.out());
        assertTrue(svg.out().contains("<svg ") && svg.out().strip().endsWith("</svg>"), svg.out());
        assertTrue(svg.out().contains("[m_mlog_mimage_1]"), svg.out());

        Path png = dir.resolve("pvmove.png");
        CliRun r = CliRun.of("graph", "--format", "png", "-o", png.toString(), corpus("pvmove"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG, Arrays.copyOf(bytes, PNG.length));
    }

    @Test
    void withoutGraphvizSvgFailsClearlyAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("out.svg");
        for (String where : List.of("top", "sub")) {
            List<String> args = where.equals("top")
                    ? List.of("-D", "lvstack.graphviz.dot=/nonexistent/dot", "graph", "--format", "svg", "-o", out.toString(),
                            corpus("linear"))
                    : List.of("graph", "-D", "lvstack.graphviz.dot=/nonexistent/dot", "--format", "svg", "-o",
                            out.toString(), corpus("linear"));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(5, r.exitCode());
            assertEquals("", r.out());
            assertEquals(List.of("lvstack: --format svg needs Graphviz's dot, and \"/nonexistent/dot\" "
                    + "(lvstack.graphviz.dot) was not found (Debian: apt-get install graphviz); --format dot needs nothing"),
                    r.errLines());
            assertFalse(Files.exists(out));
        }
        // DOT never runs it.
        CliRun dot = CliRun.of("-D", "lvstack.graphviz.dot=/nonexistent/dot", "graph", corpus("linear"));
        assertEquals(0, dot.exitCode(), dot.err());
    }

    @Test
    void unknownLvIsLvm2sMessage() {
        CliRun r = CliRun.of("graph", corpus("linear"), "nosuch");
        assertEquals(5, r.exitCode());
        assertEquals("", r.out());
        assertEquals(List.of("lvstack: Failed to find logical volume \"vg1/nosuch\""), r.errLines());

        CliRun otherVg = CliRun.of("graph", corpus("linear"), "vg9/root");
        assertEquals(5, otherVg.exitCode());
        assertEquals(List.of("lvstack: Volume group \"vg9\" not found"), otherVg.errLines());
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun r = CliRun.of("graph", "--format", "gif", corpus("linear"));
        assertEquals(3, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("lvstack: Unknown graph format 'gif' (expected dot, svg or png)\n"), r.err());
    }

    /**
     * A thin pool drawn with its links, as LVM2 with device-mapper made it: the pool over its data
     * LV (an area) and its metadata LV (a role), each thin LV to its pool, the thin snapshot to its
     * origin, the clone to its external origin; the PV pieces under the LVs that own them.
     */
    @Test
    void thinPoolsThinLvsAndOriginsWithTheirLinks() {
        CliRun r = CliRun.of("graph", VmStepParityTest.VM.resolve("thin.vg").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                  "lv:pool":s1:s -> "lv:pool_tdata":h:n [label=" LE 0-19 "];
                  "lv:pool":s1:s -> "lv:pool_tmeta":h:n [style=dashed, color="#b05a00", fontcolor="#b05a00", label=" metadata "];
                  "lv:vol1":s1:s -> "lv:pool":h:n [style=dashed, color="#b05a00", fontcolor="#b05a00", label=" thin_pool "];
                  "lv:vol1snap":s1:s -> "lv:pool":h:n [style=dashed, color="#b05a00", fontcolor="#b05a00", label=" thin_pool "];
                  "lv:vol1snap":s1:s -> "lv:vol1":h:n [style=dashed, color="#b05a00", fontcolor="#b05a00", label=" origin "];
                  "lv:ext":s1:s -> "pv:pv0":pe17:n;
                  "lv:extclone":s1:s -> "lv:pool":h:n [style=dashed, color="#b05a00", fontcolor="#b05a00", label=" thin_pool "];
                  "lv:extclone":s1:s -> "lv:ext":h:n [style=dashed, color="#b05a00", fontcolor="#b05a00", label=" external_origin "];
                  "lv:vol3":s1:s -> "lv:pool":h:n [style=dashed, color="#b05a00", fontcolor="#b05a00", label=" thin_pool "];
                  "lv:lvol0_pmspare":s1:s -> "pv:pv0":pe0:n;
                  "lv:pool_tmeta":s1:s -> "pv:pv5":pe0:n;
                  "lv:pool_tdata":s1 -> "pv:pv0":pe1:n;
                  "lv:pool_tdata":s2:s -> "pv:pv0":pe21:n;
                """, r.out().lines().filter(l -> l.contains(" -> ")).map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining()));
    }
}
