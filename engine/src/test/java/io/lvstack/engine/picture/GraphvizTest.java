package io.lvstack.engine.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Running Graphviz: every corpus file rendered where dot is installed, and the ways it can fail. */
class GraphvizTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static boolean dotInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "dot")));
    }

    static Stream<String> files() {
        return Corpus.acceptedFiles().stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyCorpusFileRendersAsSvgAndPng(String file) throws Exception {
        Assumptions.assumeTrue(dotInstalled(), "Graphviz's dot is not on PATH");
        String dot = DotWriter.write(StackPicture.of(FORMAT.read(Corpus.DIR.resolve(file)).vg()));
        Graphviz graphviz = Graphviz.of("dot");

        byte[] svg = graphviz.render(dot, Graphviz.Output.SVG);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // dot names the SVG DTD on the web: never fetch it.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(doc.getElementsByTagName("g").getLength() > 0, file);

        byte[] png = graphviz.render(dot, Graphviz.Output.PNG);
        assertTrue(png.length > 100, file);
        assertArrayEquals(PNG, Arrays.copyOf(png, PNG.length), file);
    }

    @Test
    void aMissingProgramSaysWhatToInstallAndThatDotNeedsNothing() {
        LvstackException onPath = assertThrows(LvstackException.class,
                () -> new Graphviz("lvstack-no-such-dot", Duration.ofSeconds(5)).render("digraph {}", Graphviz.Output.SVG));
        assertEquals("--format svg needs Graphviz's dot, and \"lvstack-no-such-dot\" (lvstack.graphviz.dot) was not found"
                + " (Debian: apt-get install graphviz); --format dot needs nothing", onPath.getMessage());
        assertEquals("--format png needs Graphviz's dot, which was not found on PATH (Debian: apt-get install graphviz);"
                + " --format dot needs nothing", Graphviz.of("dot").notFound(Graphviz.Output.PNG));
        assertEquals("dot", Graphviz.of(" ").command());
    }

    @Test
    void aFailingRunGivesItsExitCodeAndComplaint(@TempDir Path dir) throws Exception {
        Path fails = script(dir, "fails", "cat >/dev/null; echo \"Error: <stdin>: syntax error in line 1\" >&2; exit 3");
        LvstackException e = assertThrows(LvstackException.class,
                () -> Graphviz.of(fails.toString()).render("digraph {", Graphviz.Output.SVG));
        assertEquals(fails + " -Tsvg failed (exit 3): Error: <stdin>: syntax error in line 1", e.getMessage());
    }

    @Test
    void aRunThatHangsIsKilled(@TempDir Path dir) throws Exception {
        Path hangs = script(dir, "hangs", "exec sleep 30");
        long start = System.nanoTime();
        LvstackException e = assertThrows(LvstackException.class,
                () -> new Graphviz(hangs.toString(), Duration.ofMillis(300)).render("digraph {}", Graphviz.Output.PNG));
        assertEquals(hangs + " -Tpng did not finish within 300 ms; --format dot needs no Graphviz", e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "killed, not waited for");
    }

    @Test
    void theImageIsWhatTheProgramWrites(@TempDir Path dir) throws Exception {
        // A stand-in for dot that echoes its input: the DOT goes in whole and the output comes back whole.
        Path echo = script(dir, "echo", "cat");
        String big = "digraph {\n" + "  a -> b;\n".repeat(100_000) + "}\n";
        assertEquals(big, new String(Graphviz.of(echo.toString()).render(big, Graphviz.Output.SVG),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Path script(Path dir, String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
