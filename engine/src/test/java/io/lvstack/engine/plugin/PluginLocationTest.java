package io.lvstack.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin locations: mode bits (tests run as root, so only the bits can be judged), owners, links
 * and file systems without POSIX permissions, each refusal with its one-line message.
 */
class PluginLocationTest {
    private static final String FIX = "; chmod go-w it, or set lvstack.plugins.allowInsecure = true";
    private static final ClassLoader HOST = SegmentTypeProvider.class.getClassLoader();

    @TempDir
    Path dir;

    private final PluginLoader loader = new PluginLoader(HOST, false);

    /** A jar that is a plugin as far as the location checks go (they run before its classes are read). */
    private static Path jar(Path file) throws Exception {
        return PluginJars.jar(file, PluginJars.descriptor("frob", PluginJars.SPI), PluginJars.services("p.frob.Provider"));
    }

    private static void chmod(Path p, String mode) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    private static PluginException refused(PluginLoader l, Path plugin) {
        PluginException e = assertThrows(PluginException.class, () -> l.load(plugin));
        assertEquals(PluginException.Kind.UNSAFE, e.kind());
        return e;
    }

    @Test
    void aJarWritableByItsGroupIsRefused() throws Exception {
        Path jar = jar(dir.resolve("plugins/frob.jar"));
        chmod(jar, "rw-rw-r--");
        assertEquals("plugin " + jar + ": unsafe plugin location: " + jar + " is writable by group (mode rw-rw-r--)"
                + FIX, refused(loader, jar).getMessage());
    }

    @Test
    void aPluginDirectoryWritableByOthersIsRefusedForEachPlugin() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path jar = jar(plugins.resolve("frob.jar"));
        chmod(plugins, "rwxrwxrwx");
        assertEquals("plugin " + jar + ": unsafe plugin location: plugin directory " + plugins
                + " is writable by group and others (mode rwxrwxrwx)" + FIX, refused(loader, jar).getMessage());
    }

    @Test
    void aPluginSubdirectoryBetweenTheDirectoryAndItsJarsIsChecked() throws Exception {
        Path knob = dir.resolve("plugins/knob");
        jar(knob.resolve("knob.jar"));
        chmod(knob, "rwxr-xrwx");
        assertEquals("plugin " + knob + ": unsafe plugin location: " + knob + " is writable by others "
                + "(mode rwxr-xrwx)" + FIX, refused(loader, knob).getMessage());

        chmod(knob, "rwxr-xr-x");
        Path inner = jar(knob.resolve("zzz.jar"));
        chmod(inner, "rw-r--rw-");
        assertEquals("plugin " + knob + ": unsafe plugin location: " + inner + " is writable by others "
                + "(mode rw-r--rw-)" + FIX, refused(loader, knob).getMessage());
    }

    @Test
    void aJarOwnedByAnotherUserIsRefusedButRootsIsNot() throws Exception {
        Path jar = jar(dir.resolve("plugins/frob.jar"));
        String owner = Files.getOwner(jar).getName();
        if (owner.equals("root")) {
            // Root's files are accepted for everyone, so hand this one to an ordinary user.
            Files.setOwner(jar, jar.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            owner = "nobody";
        }
        PluginLoader someoneElse = new PluginLoader(HOST, false, "lvstack-test-user");
        assertEquals("plugin " + jar + ": unsafe plugin location: " + jar + " is owned by " + owner
                + ", not by lvstack-test-user or root; chown it to lvstack-test-user or root, or set "
                + "lvstack.plugins.allowInsecure = true", refused(someoneElse, jar).getMessage());

        Path rootOwned = jar(dir.resolve("other/frob.jar"));
        if (Files.getOwner(rootOwned).getName().equals("root")) {
            // Past the location checks: the jar has no classes, so it fails later, for that reason.
            PluginException later = assertThrows(PluginException.class, () -> someoneElse.load(rootOwned));
            assertEquals(PluginException.Kind.BAD_PROVIDER, later.kind());
        }
    }

    @Test
    void allowInsecureAcceptsWithAWarningAndWithoutItThePluginIsSkippedWithOne() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path jar = PluginJars.jar(plugins.resolve("frob.jar"), PluginJars.compile(dir.resolve("work"),
                Map.of("p.frob.Provider", PluginJars.provider("p.frob", "frob", io.lvstack.api.SpiVersion.MAJOR, io.lvstack.api.SpiVersion.MINOR))),
                PluginJars.descriptor("frob", PluginJars.SPI), PluginJars.services("p.frob.Provider"));
        chmod(jar, "rw-rw-rw-");

        Engine allowed = Lvstack.builder().set("lvstack.plugins.dirs", plugins.toString())
                .set("lvstack.plugins.allowInsecure", "true").build();
        assertEquals(List.of("plugin " + jar + ": unsafe plugin location accepted because "
                + "lvstack.plugins.allowInsecure = true: " + jar + " is writable by group and others (mode rw-rw-rw-)"),
                allowed.warnings());
        assertTrue(allowed.segmentTypes().active().stream().anyMatch(t -> t.name().equals("frob")));

        Engine skipping = Lvstack.builder().set("lvstack.plugins.dirs", plugins.toString()).build();
        assertEquals(List.of("plugin " + jar + ": unsafe plugin location: " + jar + " is writable by group and others "
                + "(mode rw-rw-rw-)" + FIX + " (skipped; lvstack.plugins.onError = fail stops instead)"),
                skipping.warnings());
        assertTrue(skipping.segmentTypes().active().stream().noneMatch(t -> t.name().equals("frob")));
    }

    @Test
    void noSymbolicLinkInAPluginDirectoryIsFollowedWhereverItPoints() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path real = jar(plugins.resolve("frob.jar"));
        Path outsideJar = jar(dir.resolve("elsewhere/x.jar"));
        Path outsideDir = outsideJar.getParent();

        Path toOutsideJar = Files.createSymbolicLink(plugins.resolve("x.jar"), outsideJar);
        Path toOutsideDir = Files.createSymbolicLink(plugins.resolve("ext"), outsideDir);
        Path toInsideJar = Files.createSymbolicLink(plugins.resolve("alias.jar"), real);
        Path knob = Files.createDirectories(plugins.resolve("knob"));
        Path inKnob = Files.createSymbolicLink(knob.resolve("k.jar"), Path.of("../frob.jar"));

        // Links to directories are listed too, so they are refused by name rather than ignored.
        assertEquals(List.of(toInsideJar, toOutsideDir, real, knob, toOutsideJar), PluginLoader.plugins(plugins));
        String fix = "; links in plugin directories are not followed; copy the plugin in instead";
        assertEquals("plugin " + toOutsideJar + ": unsafe plugin location: " + toOutsideJar + " is a symbolic link to "
                + outsideJar + fix, refused(loader, toOutsideJar).getMessage());
        assertEquals("plugin " + toOutsideDir + ": unsafe plugin location: " + toOutsideDir + " is a symbolic link to "
                + outsideDir + fix, refused(loader, toOutsideDir).getMessage());
        assertEquals("plugin " + toInsideJar + ": unsafe plugin location: " + toInsideJar + " is a symbolic link to "
                + real + fix, refused(loader, toInsideJar).getMessage());
        assertEquals("plugin " + knob + ": unsafe plugin location: " + inKnob + " is a symbolic link to ../frob.jar"
                + fix, refused(loader, knob).getMessage());
    }

    @Test
    void aFileSystemWithoutPosixPermissionsIsRefused() throws Exception {
        Path zip = dir.resolve("plugins.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path plugins = Files.createDirectories(fs.getPath("/plugins"));
            Path jar = Files.write(plugins.resolve("frob.jar"), "not read".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(jar), PluginLoader.plugins(plugins));
            assertEquals("plugin /plugins/frob.jar: unsafe plugin location: plugin directory /plugins has no POSIX "
                    + "permissions to check (jar file system); move the plugins to a file system that has them, or set "
                    + "lvstack.plugins.allowInsecure = true", refused(loader, jar).getMessage());
        }
    }
}
