package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distributions, unpacked and run through their own launcher: the minimal tool keeps
 * a mirror as an unknown segment until the mirror plugin's jar is dropped into its plugins/, then
 * reports it as the full tool and LVM2 do; a third-party plugin built on its own works the same
 * way; each class of broken plugin gets its one-line message.
 */
class DistributionIT {
    private static final Path CORPUS = Path.of("../engine/src/test/resources/corpus/lvm2").toAbsolutePath();
    private static final String VERSION = "0.1.0";

    @TempDir
    static Path dir;
    static Path minimal;
    static Path full;

    @BeforeAll
    static void unpack() throws Exception {
        for (String name : List.of("minimal", "full")) {
            run(dir, "tar", "xzf", Path.of("target/lvstack-" + VERSION + "-" + name + ".tar.gz").toAbsolutePath().toString());
        }
        minimal = dir.resolve("lvstack-minimal-" + VERSION);
        full = dir.resolve("lvstack-full-" + VERSION);
    }

    record Result(int code, String out, String err) {
    }

    static Result run(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> copy(p.getErrorStream(), err));
        t.start();
        copy(p.getInputStream(), out);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + Arrays.toString(command));
        t.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, OutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Result lvstack(Path tool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool.resolve("bin/lvstack").toString()));
        cmd.addAll(List.of(args));
        return run(dir, cmd.toArray(String[]::new));
    }

    private static String corpus(String file) throws IOException {
        return Files.readString(CORPUS.resolve(file));
    }

    @Test
    void theMinimalToolKeepsAMirrorUntilItsPluginIsDroppedIn() throws Exception {
        Path tool = dir.resolve("minimal-copy");
        run(dir, "cp", "-a", minimal.toString(), tool.toString());
        String mirror = CORPUS.resolve("mirror_disklog.vg").toString();

        Result unknown = lvstack(tool, "lvs", "-a", mirror);
        assertEquals(0, unknown.code(), unknown.err());
        assertTrue(unknown.out().contains("  m            vgm1 vwi-XXu--- 24.00m"), unknown.out());
        assertEquals("lvstack: " + mirror + ": line 81: WARNING: Unrecognised segment type mirror\n", unknown.err());
        assertEquals(corpus("mirror_disklog.vg"), lvstack(tool, "fmt", mirror).out(), "kept whole");

        Files.copy(full.resolve("lib/lvstack-segtype-mirror-" + VERSION + ".jar"),
                tool.resolve("plugins/lvstack-segtype-mirror-" + VERSION + ".jar"));
        Result known = lvstack(tool, "lvs", "-a", mirror);
        assertEquals("", known.err());
        assertEquals(corpus("mirror_disklog.lvs.default.txt"), known.out());
        assertEquals(lvstack(full, "lvs", "-a", mirror).out(), known.out());
        assertTrue(lvstack(tool, "segtypes").out().contains("mirror   primary  mirror   " + VERSION + "    2.1  plugin    "
                + tool.resolve("plugins/lvstack-segtype-mirror-" + VERSION + ".jar")));
    }

    @Test
    void aThirdPartyCachePoolPluginWorksWhenDroppedIn() throws Exception {
        Path project = Path.of("../examples/segtype-cache-pool").toAbsolutePath().normalize();
        // The example builds against the published artifacts, as a third party's would: publish
        // this build's (mvn verify installs nothing) to the local repository first.
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertEquals(0, run(root, "mvn", "-B", "-q", "install:install-file", "-Dfile=pom.xml", "-DpomFile=pom.xml",
                "-Dpackaging=pom").code());
        // The example's tests use the test kit as a third party would: lvstack-testkit and its core.
        for (String module : List.of("api", "engine", "testkit-core", "testkit", "segtype-linear", "segtype-striped",
                "segtype-mirror")) {
            Result installed = run(root, "mvn", "-B", "-q", "install:install-file", "-Dfile=" + module
                    + "/target/lvstack-" + module + "-" + VERSION + ".jar", "-DpomFile=" + module + "/pom.xml");
            assertEquals(0, installed.code(), installed.out() + installed.err());
        }
        Result build = run(project, "mvn", "-B", "-q", "verify");
        assertEquals(0, build.code(), build.out() + build.err());
        Path jar;
        try (Stream<Path> s = Files.list(project.resolve("target"))) {
            jar = s.filter(p -> p.getFileName().toString().matches("segtype-cache-pool-.*\\.jar")).findFirst().orElseThrow();
        }
        String cachepool = CORPUS.resolve("cachepool.vg").toString();
        // One type name, one provider: the full tool has cache-pool built in (the cache plugin), so
        // the example is refused there at load, naming both jars.
        Path fullTool = dir.resolve("full-with-example");
        run(dir, "cp", "-a", full.toString(), fullTool.toString());
        Files.copy(jar, fullTool.resolve("plugins/" + jar.getFileName()));
        Result twice = lvstack(fullTool, "lvs", "-a", cachepool);
        assertEquals(5, twice.code(), twice.err());
        assertEquals("", twice.out());
        assertEquals("lvstack: segment type 'cache-pool' is provided twice: by plugin cache ("
                + fullTool.resolve("lib/lvstack-segtype-cache-" + VERSION + ".jar") + ") and by plugin cache-pool ("
                + fullTool.resolve("plugins/" + jar.getFileName()) + "); remove one of them\n", twice.err());

        // The minimal tool has no cache-pool: the example supplies it. The lab corpus's steps make
        // error and zero LVs, so the virtual plugin is dropped in with it.
        Path tool = dir.resolve("minimal-with-example");
        run(dir, "cp", "-a", minimal.toString(), tool.toString());
        Files.copy(full.resolve("lib/lvstack-segtype-virtual-" + VERSION + ".jar"),
                tool.resolve("plugins/lvstack-segtype-virtual-" + VERSION + ".jar"));
        Result without = lvstack(tool, "lvs", "-a", cachepool);
        assertTrue(without.err().contains("WARNING: Unrecognised segment type cache-pool"), without.err());
        assertEquals(corpus("cachepool.vg"), lvstack(tool, "fmt", cachepool).out(), "kept whole without the plugin");

        Files.copy(jar, tool.resolve("plugins/" + jar.getFileName()));
        Result with = lvstack(tool, "lvs", "-a", cachepool);
        assertEquals("", with.err());
        assertEquals(corpus("cachepool.lvs.default.txt"), with.out());
        Result json = lvstack(tool, "lvs", "-a", "--reportformat", "json", "--units", "s", "--nosuffix", "-o",
                "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,stripes,stripe_size,"
                        + "region_size,mirror_log,lv_attr", cachepool);
        assertEquals(corpus("cachepool.lvs.json"), json.out());
        assertEquals(corpus("cachepool.vg"), lvstack(tool, "fmt", cachepool).out());

        // Every corpus step, cachepool#2 (lvcreate --type cache-pool) among them, gives LVM2's metadata.
        Path steps = Files.createDirectories(dir.resolve("steps"));
        Map<String, String> failures = new TreeMap<>();
        int total = StepParityTest.replayAll(steps, args -> {
            try {
                Result r = lvstack(tool, args);
                return new CliRun(r.code(), r.out(), r.err());
            } catch (Exception e) {
                throw new IOException(e);
            }
        }, failures);
        System.out.println("Step parity with the cache-pool plugin: " + (total - failures.size()) + " of " + total);
        assertEquals(Map.of(), failures);
    }

    /** The mirror plugin's jar rewritten: entries dropped or replaced. */
    private static Path variant(String name, List<String> drop, String entry, String content) throws IOException {
        Path src = full.resolve("lib/lvstack-segtype-mirror-" + VERSION + ".jar");
        Path out = dir.resolve("variants").resolve(name);
        Files.createDirectories(out.getParent());
        try (JarFile in = new JarFile(src.toFile()); JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out))) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (drop.contains(e.getName()) || e.getName().equals(entry)) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(e.getName()));
                in.getInputStream(e).transferTo(jar);
                jar.closeEntry();
            }
            if (entry != null) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(content.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return out;
    }

    @Test
    void eachClassOfBrokenPluginGetsItsOneLineMessage() throws Exception {
        String descriptor = "META-INF/lvstack-plugin.properties";
        String services = "META-INF/services/io.lvstack.api.SegmentTypeProvider";
        Path plugins = Files.createDirectories(dir.resolve("broken-plugins"));
        Files.write(plugins.resolve("a-corrupt.jar"), new byte[] {'P', 'K', 3, 4, 9, 9});
        Files.copy(variant("b-nodescriptor.jar", List.of(descriptor), null, null), plugins.resolve("b-nodescriptor.jar"));
        Files.copy(variant("c-noprovider.jar", List.of(services), null, null), plugins.resolve("c-noprovider.jar"));
        Files.copy(variant("d-missingclass.jar", List.of(), services, "org.nowhere.Provider\n"),
                plugins.resolve("d-missingclass.jar"));
        Files.copy(variant("e-future.jar", List.of(), descriptor, "name=mirror\nversion=9\nspi.version=3.0\n"),
                plugins.resolve("e-future.jar"));
        Result check = lvstack(minimal, "plugins", "check", plugins.toString());
        assertEquals(5, check.code());
        List<String> lines = check.out().lines().toList();
        assertEquals(5, lines.size(), check.out());
        assertTrue(lines.get(0).startsWith("error: plugin " + plugins.resolve("a-corrupt.jar") + ": unreadable or corrupt jar"));
        assertTrue(lines.get(1).startsWith("error: plugin " + plugins.resolve("b-nodescriptor.jar") + ": no lvstack-plugin.properties"));
        assertTrue(lines.get(2).startsWith("error: plugin " + plugins.resolve("c-noprovider.jar") + ": no segment-type provider registered"));
        assertTrue(lines.get(3).startsWith("error: plugin " + plugins.resolve("d-missingclass.jar")
                + ": provider class missing or not implementing the SPI"));
        assertTrue(lines.get(4).startsWith("error: plugin " + plugins.resolve("e-future.jar")
                + ": built for another SPI version: plugin mirror 9 was built for SPI 3.0"));

        // The full tool's own lib/ as a plugin directory: every plugin in it is built in already.
        Result copies = lvstack(full, "-D", "lvstack.plugins.dirs=" + full.resolve("lib"), "segtypes");
        assertEquals(0, copies.code(), copies.err());
        assertTrue(copies.err().contains(": duplicate: plugin linear " + VERSION + " is already loaded from "),
                copies.err());
        Path other = Files.createDirectories(dir.resolve("other-version"));
        Files.copy(variant("mirror-9.jar", List.of(), descriptor, "name=mirror\nversion=9\nspi.version=2.0\n"),
                other.resolve("mirror-9.jar"));
        Result conflict = lvstack(full, "-D", "lvstack.plugins.dirs=" + other, "segtypes");
        assertEquals(5, conflict.code());
        assertEquals("lvstack: plugin " + other.resolve("mirror-9.jar") + ": duplicate: plugin mirror 9 conflicts with "
                + "version " + VERSION + " loaded from " + full.resolve("lib/lvstack-segtype-mirror-" + VERSION + ".jar")
                + "; remove one of the two versions\n", conflict.err());
    }
}
