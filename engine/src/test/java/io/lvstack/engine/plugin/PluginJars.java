package io.lvstack.engine.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds plugin jars at test time: compiles sources against the SPI and packs them with any entries asked for. */
final class PluginJars {
    /** The host's SPI version, as a descriptor states it. */
    static final String SPI = io.lvstack.api.SpiVersion.CURRENT.toString();

    private PluginJars() {
    }

    /** A provider of one segment type named {@code type}, in package {@code pkg}, reporting SPI major.minor. */
    static String provider(String pkg, String type, int major, int minor) {
        return """
                package %1$s;
                import io.lvstack.api.*;
                import io.lvstack.api.model.*;
                import io.lvstack.api.text.*;
                import java.util.*;
                public final class Provider implements SegmentTypeProvider {
                    public SpiVersion spiVersion() { return SpiVersion.of(%3$d, %4$d); }
                    public String pluginName() { return "%2$s"; }
                    public String pluginVersion() { return "7.0"; }
                    public List<SegmentType> segmentTypes(PluginSettings s) {
                        return List.of(new SegmentType() {
                            public String name() { return "%2$s"; }
                            public Set<SegmentCapability> capabilities() { return EnumSet.of(SegmentCapability.VIRTUAL); }
                            public DecodedSegment decode(ConfigSection seg, long n) { return DecodedSegment.of(null, 0, TypeFields.NONE); }
                            public void encode(SegmentView seg, SegmentWriter out) { }
                        });
                    }
                }
                """.formatted(pkg, type, major, minor);
    }

    /** Compiles {@code sources} (class name to source) and returns class-file entries. */
    static Map<String, byte[]> compile(Path work, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path out = Files.createDirectories(work.resolve("classes"));
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-cp",
                System.getProperty("java.class.path")));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        if (javac.run(null, diag, diag, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException(diag.toString(StandardCharsets.UTF_8));
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                entries.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return entries;
    }

    static Map<String, byte[]> descriptor(String name, String spi) {
        return Map.of(PluginLoader.DESCRIPTOR, ("name=" + name + "\nversion=7.0\nspi.version=" + spi + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, byte[]> services(String... classes) {
        return Map.of(PluginLoader.SERVICES, (String.join("\n", classes) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a jar of {@code entries} (later maps win). */
    @SafeVarargs
    static Path jar(Path file, Map<String, byte[]>... parts) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        for (Map<String, byte[]> p : parts) {
            all.putAll(p);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        // Plugin locations must not be group- or other-writable, whatever the umask of the build.
        for (Path p = file; p != null && !p.equals(file.getParent().getParent().getParent()); p = p.getParent()) {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            perms.remove(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE);
            perms.remove(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
            Files.setPosixFilePermissions(p, perms);
        }
        return file;
    }
}
