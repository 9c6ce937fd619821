package io.lvstack.engine.plugin;

import io.lvstack.api.SpiVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.segtype.RegisteredType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin directories: a good plugin, and one jar per failure class, each with its one-line message. */
class PluginLoaderTest {
    @TempDir
    Path dir;

    private final PluginLoader loader = new PluginLoader(SegmentTypeProvider.class.getClassLoader(), false);

    private Map<String, byte[]> classes(String pkg, String type, int major, int minor) throws Exception {
        return PluginJars.compile(dir.resolve("work-" + type + major + minor), Map.of(pkg + ".Provider",
                PluginJars.provider(pkg, type, major, minor)));
    }

    private Path goodJar(Path where, String type) throws Exception {
        return PluginJars.jar(where, classes("p." + type, type, io.lvstack.api.SpiVersion.MAJOR, io.lvstack.api.SpiVersion.MINOR),
                PluginJars.descriptor(type, PluginJars.SPI),
                PluginJars.services("p." + type + ".Provider"));
    }

    @Test
    void aGoodPluginLoadsInItsOwnLoaderSharingOnlyTheSpi() throws Exception {
        Path jar = goodJar(dir.resolve("plugins/frob.jar"), "frob");
        PluginLoader.Loaded loaded = loader.load(jar);
        assertEquals(new PluginDescriptor("frob", "7.0", io.lvstack.api.SpiVersion.CURRENT), loaded.descriptor());
        SegmentTypeProvider p = loaded.providers().get(0);
        assertEquals("PluginClassLoader[frob]", p.getClass().getClassLoader().toString());
        assertSame(SegmentTypeProvider.class, p.getClass().getInterfaces()[0]);
        // The host's libraries are invisible to the plugin.
        assertThrows(ClassNotFoundException.class,
                () -> p.getClass().getClassLoader().loadClass("org.apache.commons.configuration2.Configuration"));
    }

    @Test
    void theEngineLoadsDirectoryPluginsAndSaysWhereTheyCameFrom() throws Exception {
        Path plugins = dir.resolve("plugins");
        goodJar(plugins.resolve("frob.jar"), "frob");
        Path multi = plugins.resolve("knob");
        goodJar(multi.resolve("knob-core.jar"), "knob");
        PluginJars.jar(multi.resolve("lib-extra.jar"), Map.of("extra/data.txt", new byte[] {1}));
        Engine engine = Lvstack.builder().set("lvstack.plugins.dirs", plugins.toString()).build();
        RegisteredType frob = engine.segmentTypes().active().stream().filter(t -> t.name().equals("frob")).findFirst()
                .orElseThrow();
        assertEquals(plugins.resolve("frob.jar").toString(), frob.origin().location());
        assertEquals("7.0", frob.origin().version());
        assertTrue(engine.segmentTypes().active().stream().anyMatch(t -> t.name().equals("knob")
                && t.origin().location().equals(multi.toString())));
        assertEquals(List.of(), engine.warnings());
    }

    @Test
    void aCorruptJarIsUnreadable() throws Exception {
        Path jar = dir.resolve("bad.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        PluginException e = assertThrows(PluginException.class, () -> loader.load(jar));
        assertEquals(PluginException.Kind.UNREADABLE_JAR, e.kind());
        assertTrue(e.getMessage().startsWith("plugin " + jar + ": unreadable or corrupt jar: bad.jar: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; replace the jar with a good copy"), e.getMessage());
    }

    @Test
    void aJarWithoutDescriptorIsNotAPlugin() throws Exception {
        Path jar = PluginJars.jar(dir.resolve("nodesc.jar"), classes("p.n", "n", io.lvstack.api.SpiVersion.MAJOR, io.lvstack.api.SpiVersion.MINOR), PluginJars.services("p.n.Provider"));
        PluginException e = assertThrows(PluginException.class, () -> loader.load(jar));
        assertEquals("plugin " + jar + ": no lvstack-plugin.properties: none of its jars has "
                + "META-INF/lvstack-plugin.properties; add it (name, version, spi.version), or remove the jar from the "
                + "plugin directory", e.getMessage());
    }

    @Test
    void aJarThatRegistersNoProvider() throws Exception {
        Path jar = PluginJars.jar(dir.resolve("noserv.jar"), classes("p.s", "s", io.lvstack.api.SpiVersion.MAJOR, io.lvstack.api.SpiVersion.MINOR), PluginJars.descriptor("s", PluginJars.SPI));
        PluginException e = assertThrows(PluginException.class, () -> loader.load(jar));
        assertEquals(PluginException.Kind.NO_PROVIDER, e.kind());
        assertEquals("plugin " + jar + ": no segment-type provider registered: no jar has "
                + "META-INF/services/io.lvstack.api.SegmentTypeProvider; register the provider with "
                + "@AutoService(SegmentTypeProvider.class) and build with the annotation processor", e.getMessage());
    }

    @Test
    void aProviderClassThatIsMissingOrNotAProvider() throws Exception {
        Path missing = PluginJars.jar(dir.resolve("missing.jar"), classes("p.m", "m", io.lvstack.api.SpiVersion.MAJOR, io.lvstack.api.SpiVersion.MINOR),
                PluginJars.descriptor("m", PluginJars.SPI), PluginJars.services("p.m.Nowhere"));
        PluginException e1 = assertThrows(PluginException.class, () -> loader.load(missing));
        assertEquals(PluginException.Kind.BAD_PROVIDER, e1.kind());
        assertTrue(e1.getMessage().contains("p.m.Nowhere") && e1.getMessage().endsWith(
                "the class named in META-INF/services/io.lvstack.api.SegmentTypeProvider is not in the plugin's jars; "
                        + "rebuild the plugin"), e1.getMessage());

        Map<String, byte[]> notProvider = PluginJars.compile(dir.resolve("w-np"), Map.of("p.np.Provider",
                "package p.np; public final class Provider { }"));
        Path wrong = PluginJars.jar(dir.resolve("wrong.jar"), notProvider, PluginJars.descriptor("np", PluginJars.SPI),
                PluginJars.services("p.np.Provider"));
        PluginException e2 = assertThrows(PluginException.class, () -> loader.load(wrong));
        assertEquals(PluginException.Kind.BAD_PROVIDER, e2.kind());
        assertTrue(e2.getMessage().endsWith("the class does not implement the host's io.lvstack.api.SegmentTypeProvider; "
                + "build against lvstack-api in provided scope and do not bundle the SPI"), e2.getMessage());
    }

    @Test
    void anSpiMismatchIsFoundBeforeAnyPluginClassRuns() throws Exception {
        // The provider would fail if loaded: the descriptor must stop it first.
        Map<String, byte[]> bomb = PluginJars.compile(dir.resolve("w-b"), Map.of("p.b.Provider",
                "package p.b; public final class Provider { static { if (true) throw new Error(\"loaded\"); } }"));
        Path jar = PluginJars.jar(dir.resolve("future.jar"), bomb, PluginJars.descriptor("future", "3.0"),
                PluginJars.services("p.b.Provider"));
        PluginException e = assertThrows(PluginException.class, () -> loader.load(jar));
        assertEquals("plugin " + jar + ": built for another SPI version: plugin future 7.0 was built for SPI 3.0, this "
                + "lvstack has SPI " + io.lvstack.api.SpiVersion.CURRENT + "; use a build of the plugin for SPI 2.x, at most "
                + io.lvstack.api.SpiVersion.CURRENT, e.getMessage());
        Path newer = goodJarWithSpi(dir.resolve("newer.jar"), "newer", 2, 3);
        assertEquals(PluginException.Kind.SPI_MISMATCH, assertThrows(PluginException.class, () -> loader.load(newer)).kind());
    }

    /** A plugin built for SPI 1.x (before LV marks and report traits) is refused before it runs, saying why. */
    @Test
    void aPluginBuiltForSpi1IsRefusedClearly() throws Exception {
        Map<String, byte[]> bomb = PluginJars.compile(dir.resolve("w-o"), Map.of("p.o.Provider",
                "package p.o; public final class Provider { static { if (true) throw new Error(\"loaded\"); } }"));
        Path jar = PluginJars.jar(dir.resolve("old.jar"), bomb, PluginJars.descriptor("old", "1.1"),
                PluginJars.services("p.o.Provider"));
        PluginException e = assertThrows(PluginException.class, () -> loader.load(jar));
        assertEquals("plugin " + jar + ": built for another SPI version: plugin old 7.0 was built for SPI 1.1, this "
                + "lvstack has SPI " + SpiVersion.CURRENT + "; use a build of the plugin for SPI 2.x, at most "
                + SpiVersion.CURRENT, e.getMessage());
    }

    private Path goodJarWithSpi(Path jar, String type, int major, int minor) throws Exception {
        return PluginJars.jar(jar, classes("p." + type, type, major, minor), PluginJars.descriptor(type, major + "." + minor),
                PluginJars.services("p." + type + ".Provider"));
    }

    @Test
    void aPluginBundlingTheSpiStillUsesTheHostsCopy() throws Exception {
        Map<String, byte[]> spiCopy = Map.of("io/lvstack/api/SegmentTypeProvider.class",
                SegmentTypeProvider.class.getResourceAsStream("SegmentTypeProvider.class").readAllBytes());
        Path jar = PluginJars.jar(dir.resolve("bundling.jar"), spiCopy, classes("p.c", "c", io.lvstack.api.SpiVersion.MAJOR, io.lvstack.api.SpiVersion.MINOR),
                PluginJars.descriptor("c", PluginJars.SPI), PluginJars.services("p.c.Provider"));
        assertTrue(SegmentTypeProvider.class.isInstance(loader.load(jar).providers().get(0)));
    }

    @Test
    void aTypeProvidedTwiceNamesBothJars() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path jar = PluginJars.jar(plugins.resolve("other-mirror.jar"), classes("p.mirror", "mirror", io.lvstack.api.SpiVersion.MAJOR, io.lvstack.api.SpiVersion.MINOR),
                PluginJars.descriptor("othermirror", PluginJars.SPI), PluginJars.services("p.mirror.Provider"));
        LvstackException e = assertThrows(LvstackException.class,
                () -> Lvstack.builder().set("lvstack.plugins.dirs", plugins.toString()).build());
        assertTrue(e.getMessage().startsWith("segment type 'mirror' is provided twice: by plugin mirror ("), e.getMessage());
        assertTrue(e.getMessage().endsWith(") and by plugin mirror (" + jar + "); remove one of them"), e.getMessage());
    }

    @Test
    void aPluginAlsoBuiltInIsFoundBeforeItsClassesLoad() throws Exception {
        Path plugins = dir.resolve("plugins");
        // Another version of the built-in mirror plugin: which to trust is the user's call.
        Map<String, byte[]> bomb = PluginJars.compile(dir.resolve("w-m"), Map.of("p.m9.Provider",
                "package p.m9; public final class Provider { static { if (true) throw new Error(\"loaded\"); } }"));
        Path other = PluginJars.jar(plugins.resolve("mirror-9.jar"), bomb, Map.of(PluginLoader.DESCRIPTOR,
                ("name=mirror\nversion=9.0\nspi.version=" + PluginJars.SPI + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                PluginJars.services("p.m9.Provider"));
        PluginException conflict = assertThrows(PluginException.class,
                () -> Lvstack.builder().set("lvstack.plugins.dirs", plugins.toString()).build());
        assertEquals(PluginException.Kind.DUPLICATE, conflict.kind());
        assertTrue(conflict.getMessage().startsWith("plugin " + other + ": duplicate: plugin mirror 9.0 conflicts with "
                + "version 0.1.0 loaded from "), conflict.getMessage());
        assertTrue(conflict.getMessage().endsWith("; remove one of the two versions"), conflict.getMessage());

        // The same version again: skipped, with a warning naming both places.
        Files.delete(other);
        Path same = PluginJars.jar(plugins.resolve("mirror-copy.jar"), bomb, Map.of(PluginLoader.DESCRIPTOR,
                ("name=mirror\nversion=0.1.0\nspi.version=" + PluginJars.SPI + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                PluginJars.services("p.m9.Provider"));
        Engine engine = Lvstack.builder().set("lvstack.plugins.dirs", plugins.toString()).build();
        assertEquals(1, engine.warnings().size());
        assertTrue(engine.warnings().get(0).startsWith("plugin " + same + ": duplicate: plugin mirror 0.1.0 is already "
                + "loaded from "), engine.warnings().get(0));
    }

    @Test
    void brokenPluginsAreSkippedWithAWarningOrStopTheEngine() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path bad = plugins.resolve("broken.jar");
        Files.createDirectories(plugins);
        Files.write(bad, new byte[] {1, 2, 3});
        Engine skipping = Lvstack.builder().set("lvstack.plugins.dirs", plugins.toString()).build();
        assertEquals(1, skipping.warnings().size());
        assertTrue(skipping.warnings().get(0).startsWith("plugin " + bad + ": unreadable or corrupt jar: broken.jar: "));
        assertTrue(skipping.warnings().get(0).endsWith(" (skipped; lvstack.plugins.onError = fail stops instead)"));

        PluginException e = assertThrows(PluginException.class, () -> Lvstack.builder()
                .set("lvstack.plugins.dirs", plugins.toString()).set("lvstack.plugins.onError", "fail").build());
        assertEquals(PluginException.Kind.UNREADABLE_JAR, e.kind());

        LvstackException named = assertThrows(LvstackException.class, () -> Lvstack.builder()
                .set("lvstack.plugins.dirs", plugins.toString()).set("lvstack.segtypes.load", "linear,broken").build());
        assertTrue(named.getMessage().startsWith("segment type 'broken' is named in lvstack.segtypes.load but no plugin "
                + "provides it; looked in "), named.getMessage());
        assertTrue(named.getMessage().contains("plugin " + bad + ": unreadable or corrupt jar"), named.getMessage());
    }

    @Test
    void pluginsOthersMayWriteOrThatLinkOutsideAreRefused() throws Exception {
        Path jar = goodJar(dir.resolve("open/frob.jar"), "frob");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
        PluginException e = assertThrows(PluginException.class, () -> loader.load(jar));
        assertEquals("plugin " + jar + ": unsafe plugin location: " + jar + " is writable by group and others "
                + "(mode rw-rw-rw-); chmod go-w it, or set lvstack.plugins.allowInsecure = true",
                e.getMessage());
        PluginLoader.Loaded allowed = new PluginLoader(SegmentTypeProvider.class.getClassLoader(), true).load(jar);
        assertEquals("frob", allowed.descriptor().name());
        assertEquals(1, allowed.warnings().size());

        Path outside = goodJar(dir.resolve("elsewhere/x.jar"), "x");
        Path plugin = Files.createDirectories(dir.resolve("plugins/x"));
        Files.createSymbolicLink(plugin.resolve("x.jar"), outside);
        PluginException link = assertThrows(PluginException.class, () -> loader.load(plugin));
        assertEquals(PluginException.Kind.UNSAFE, link.kind());
        assertTrue(link.getMessage().endsWith(" is a symbolic link to " + outside + "; links in plugin directories are "
                + "not followed; copy the plugin in instead"), link.getMessage());
    }

    @Test
    void descriptorsAndServicesFilesOverTheirLimitAreRefusedUnread() throws Exception {
        byte[] padding = ("#" + "x".repeat(PluginLoader.MAX_TEXT_BYTES) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] descriptor = PluginJars.descriptor("frob", PluginJars.SPI).get(PluginLoader.DESCRIPTOR);
        byte[] bigDescriptor = java.util.Arrays.copyOf(padding, padding.length + descriptor.length);
        System.arraycopy(descriptor, 0, bigDescriptor, padding.length, descriptor.length);
        Path fat = PluginJars.jar(dir.resolve("a/fat.jar"), Map.of(PluginLoader.DESCRIPTOR, bigDescriptor),
                PluginJars.services("p.frob.Provider"));
        PluginException d = assertThrows(PluginException.class, () -> loader.load(fat));
        assertEquals("plugin " + fat + ": no lvstack-plugin.properties: META-INF/lvstack-plugin.properties in fat.jar "
                + "is over the limit of 65536 bytes; a descriptor holds name, version and spi.version only",
                d.getMessage());

        Path many = PluginJars.jar(dir.resolve("b/many.jar"), PluginJars.descriptor("frob", PluginJars.SPI),
                Map.of(PluginLoader.SERVICES, padding));
        PluginException s = assertThrows(PluginException.class, () -> loader.load(many));
        assertEquals("plugin " + many + ": provider class missing or not implementing the SPI: " + PluginLoader.SERVICES
                + " in many.jar is over the limit of 65536 bytes; list only the provider classes in it", s.getMessage());
    }

    @Test
    void pluginCodeRunsWithItsOwnContextClassLoader() throws Exception {
        String source = PluginJars.provider("p.t", "tcc", io.lvstack.api.SpiVersion.MAJOR, io.lvstack.api.SpiVersion.MINOR).replace(
                "{ return DecodedSegment.of(null, 0, TypeFields.NONE); }",
                "{ throw new IllegalStateException(\"context=\" + Thread.currentThread().getContextClassLoader()); }");
        Path plugins = dir.resolve("plugins");
        PluginJars.jar(plugins.resolve("tcc.jar"), PluginJars.compile(dir.resolve("w-t"), Map.of("p.t.Provider", source)),
                PluginJars.descriptor("tcc", PluginJars.SPI), PluginJars.services("p.t.Provider"));
        io.lvstack.engine.format.MetadataFormat format = new io.lvstack.engine.format.MetadataFormat(
                Lvstack.builder().set("lvstack.plugins.dirs", plugins.toString()).build());
        String text = io.lvstack.engine.Corpus.readString(io.lvstack.engine.Corpus.DIR.resolve("linear.vg"))
                .replaceFirst("type = \"striped\"", "type = \"tcc\"");
        LvstackException e = assertThrows(LvstackException.class, () -> format.read(text, "t.vg"));
        assertTrue(e.getMessage().contains("context=PluginClassLoader[tcc]"), e.getMessage());
        assertTrue(Thread.currentThread().getContextClassLoader() != null
                && !Thread.currentThread().getContextClassLoader().toString().contains("tcc"), "restored");
    }
}
