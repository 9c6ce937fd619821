package io.lvstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the embedding example of the README, and compares its output with the README's. */
class ReadmeExampleTest {
    private static final String MARKER = "<!-- embedding-example -->";

    @Test
    void readmeExampleCompilesRunsAndPrintsWhatTheReadmeSays(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf(MARKER);
        assertTrue(at >= 0, "README lacks " + MARKER);
        String code = block(readme, "```java\n", at);
        String expected = block(readme, "```text\n", readme.indexOf("```java\n", at));

        Path src = dir.resolve("Example.java");
        Files.writeString(src, code);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d", dir.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("Example").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    private static String block(String text, String fence, int from) {
        int start = text.indexOf(fence, from);
        assertTrue(start >= 0, "no " + fence.trim() + " block");
        start += fence.length();
        int end = text.indexOf("```", start);
        return text.substring(start, end);
    }

    @Test
    void readmeNamesTheTwoCommands() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        assertTrue(lines.contains("    ./lvstack fmt examples/mirror_mirroredlog.vg"));
        assertTrue(Files.isRegularFile(Path.of("..", "examples", "mirror_mirroredlog.vg")));
        assertTrue(lines.contains("    mvn -B verify"));
        String ci = Files.readString(Path.of("..", ".ci", "run"));
        assertTrue(ci.contains("mvn -B verify"), ".ci/run must run the README's test command");
    }
}
