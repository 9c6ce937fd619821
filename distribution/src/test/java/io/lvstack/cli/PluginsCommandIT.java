package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropping the real mirror plugin jar (packaged into target/lib, hence an integration test) into a plugin directory, and a broken one beside it. */
class PluginsCommandIT {
    /** The mirror plugin's jar as the build made it (packaged before this module's tests run). */
    private static Path mirrorJar() throws Exception {
        try (var s = Files.list(Path.of("target/lib"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("lvstack-segtype-mirror-")).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void checkSaysWhatEachPluginProvidesOrWhyItFails(@TempDir Path dir) throws Exception {
        Path mirror = Files.copy(mirrorJar(), dir.resolve("mirror.jar"));
        Path broken = Files.write(dir.resolve("broken.jar"), new byte[] {1, 2, 3});
        CliRun r = CliRun.of("plugins", "check", dir.toString());
        assertEquals(5, r.exitCode());
        assertEquals(2, r.outLines().size());
        assertTrue(r.outLines().get(0).startsWith("error: plugin " + broken + ": unreadable or corrupt jar: broken.jar: "),
                r.out());
        assertEquals("ok: " + mirror + ": plugin mirror 0.1.0 (SPI 2.1): mirror", r.outLines().get(1));
    }

    @Test
    void brokenPluginsAndCopiesOfBuiltInPluginsAreSkippedWithAWarning(@TempDir Path dir) throws Exception {
        Path broken = Files.write(dir.resolve("broken.jar"), new byte[] {1, 2, 3});
        CliRun warned = CliRun.of("segtypes", "-D", "lvstack.plugins.dirs=" + dir);
        assertEquals(0, warned.exitCode(), warned.err());
        assertEquals(1, warned.errLines().size());
        assertTrue(warned.errLines().get(0).startsWith("lvstack: warning: plugin " + broken
                + ": unreadable or corrupt jar: broken.jar: "), warned.err());

        Path copy = Files.copy(mirrorJar(), dir.resolve("mirror.jar"));
        CliRun both = CliRun.of("segtypes", "-D", "lvstack.plugins.dirs=" + dir);
        assertEquals(0, both.exitCode(), both.err());
        assertTrue(both.err().contains("lvstack: warning: plugin " + copy + ": duplicate: plugin mirror " + "0.1.0"
                + " is already loaded from "), both.err());
        // columns are as wide as the widest type (raid10_near) and plugin (snapshot) names loaded
        assertTrue(both.out().lines().anyMatch(l -> l.startsWith("mirror       primary  mirror    0.1.0    2.1  built in  ")),
                both.out());
    }

    @Test
    void checkRefusesAWritablePluginUnlessAllowedAndThenWarns(@TempDir Path dir) throws Exception {
        Path mirror = Files.copy(mirrorJar(), dir.resolve("mirror.jar"));
        Files.setPosixFilePermissions(mirror, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        String detail = mirror + " is writable by group and others (mode rw-rw-rw-)";
        CliRun refused = CliRun.of("plugins", "check", dir.toString());
        assertEquals(5, refused.exitCode());
        assertEquals(java.util.List.of("error: plugin " + mirror + ": unsafe plugin location: " + detail
                + "; chmod go-w it, or set lvstack.plugins.allowInsecure = true"), refused.outLines());

        CliRun allowed = CliRun.of("plugins", "check", "--allow-insecure", dir.toString());
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertEquals(java.util.List.of("warning: plugin " + mirror + ": unsafe plugin location accepted because "
                + "lvstack.plugins.allowInsecure = true: " + detail,
                "ok: " + mirror + ": plugin mirror 0.1.0 (SPI 2.1): mirror"), allowed.outLines());
    }
}
