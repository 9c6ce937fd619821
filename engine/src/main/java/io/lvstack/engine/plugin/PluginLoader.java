package io.lvstack.engine.plugin;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads segment-type plugins dropped into plugin directories. Each subdirectory of a plugin
 * directory is one plugin made of all its jars; a jar directly in the directory is a one-jar
 * plugin. Before any class of a plugin is loaded its jars are opened and checked, its descriptor
 * read and its SPI version compared with the host's; then it gets its own
 * {@link PluginClassLoader} and {@link ServiceLoader} runs against that loader, with the thread
 * context class loader set to it. Every failure is one {@link PluginException} naming the
 * plugin's path and a fix.
 */
public final class PluginLoader {
    static final String DESCRIPTOR = "META-INF/lvstack-plugin.properties";
    static final String SERVICES = "META-INF/services/" + SegmentTypeProvider.class.getName();

    /** A plugin that loaded, with the providers it registers. */
    public record Loaded(Path path, PluginDescriptor descriptor, ClassLoader loader, List<SegmentTypeProvider> providers) {
    }

    private final ClassLoader host;
    private final boolean allowWritable;

    /**
     * @param host          the loader of the host's SPI classes
     * @param allowWritable whether plugins others may write to are accepted
     */
    public PluginLoader(ClassLoader host, boolean allowWritable) {
        this.host = host;
        this.allowWritable = allowWritable;
    }

    /** The descriptors of the plugins visible to {@code loader} (built in), with where each is. */
    public static java.util.Map<PluginDescriptor, String> builtIn(ClassLoader loader) {
        java.util.Map<PluginDescriptor, String> out = new java.util.LinkedHashMap<>();
        try {
            for (URL url : java.util.Collections.list(loader.getResources(DESCRIPTOR))) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                String name = p.getProperty("name");
                String version = p.getProperty("version");
                String spi = p.getProperty("spi.version");
                if (name != null && version != null && spi != null) {
                    String where = url.toString();
                    int bang = where.indexOf("!/");
                    where = where.startsWith("jar:file:") && bang > 0 ? where.substring("jar:file:".length(), bang)
                            : where;
                    out.put(new PluginDescriptor(name.strip(), version.strip(), SpiVersion.parse(spi)), where);
                }
            }
        } catch (IOException | LvstackException e) {
            throw new LvstackException("cannot read the built-in plugins' " + DESCRIPTOR + ": " + e.getMessage());
        }
        return out;
    }

    /** The plugins of a plugin directory, sorted by name; none when it does not exist. */
    public static List<Path> plugins(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    || p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new LvstackException("cannot list plugin directory " + dir + ": " + e.getMessage());
        }
    }

    /** Checks and loads one plugin; nothing of it runs before its SPI version is known to fit. */
    public Loaded load(Path plugin) {
        return load(plugin, java.util.Map.of());
    }

    /**
     * Like {@link #load(Path)}, refusing a plugin whose name is already loaded from elsewhere
     * (built in, or another plugin directory) before any of its classes is touched.
     *
     * @param present descriptors of the plugins already loaded, with their locations
     */
    public Loaded load(Path plugin, java.util.Map<PluginDescriptor, String> present) {
        List<Path> jars = jarsOf(plugin);
        for (Path jar : jars) {
            checkSafe(plugin, jar);
            checkReadable(plugin, jar);
        }
        PluginDescriptor d = descriptor(plugin, jars);
        for (java.util.Map.Entry<PluginDescriptor, String> e : present.entrySet()) {
            if (e.getKey().name().equals(d.name())) {
                boolean same = e.getKey().version().equals(d.version());
                throw new PluginException(PluginException.Kind.DUPLICATE, plugin, "plugin " + d.name() + " " + d.version()
                        + (same ? " is already loaded from " : " conflicts with version " + e.getKey().version()
                                + " loaded from ") + e.getValue(), same ? "remove one of the two copies"
                                        : "remove one of the two versions");
            }
        }
        if (!d.spiVersion().loadableBy(SpiVersion.CURRENT)) {
            throw new PluginException(PluginException.Kind.SPI_MISMATCH, plugin, "plugin " + d.name() + " " + d.version()
                    + " was built for SPI " + d.spiVersion() + ", this lvstack has SPI " + SpiVersion.CURRENT,
                    "use a build of the plugin for SPI " + SpiVersion.CURRENT.major() + ".x, at most "
                            + SpiVersion.CURRENT);
        }
        if (!anyHas(jars, SERVICES)) {
            throw new PluginException(PluginException.Kind.NO_PROVIDER, plugin, "no jar has " + SERVICES,
                    "register the provider with @AutoService(SegmentTypeProvider.class) and build with the "
                            + "annotation processor");
        }
        PluginClassLoader loader = new PluginClassLoader(d.name(), urls(jars), host);
        List<SegmentTypeProvider> providers = new ArrayList<>();
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            for (ServiceLoader.Provider<SegmentTypeProvider> p : providers(plugin, loader)) {
                SegmentTypeProvider provider = instantiate(plugin, p);
                SpiVersion built = provider.spiVersion();
                if (!built.equals(d.spiVersion())) {
                    throw new PluginException(PluginException.Kind.SPI_MISMATCH, plugin, "its provider says SPI " + built
                            + " but its descriptor says " + d.spiVersion(), "rebuild the plugin");
                }
                providers.add(provider);
            }
        } finally {
            t.setContextClassLoader(saved);
        }
        if (providers.isEmpty()) {
            throw new PluginException(PluginException.Kind.NO_PROVIDER, plugin, SERVICES + " names no provider",
                    "register the provider with @AutoService(SegmentTypeProvider.class)");
        }
        return new Loaded(plugin, d, loader, providers);
    }

    private static List<Path> jarsOf(Path plugin) {
        if (Files.isRegularFile(plugin)) {
            return List.of(plugin);
        }
        try (Stream<Path> s = Files.list(plugin)) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new PluginException(PluginException.Kind.NOT_A_PLUGIN, plugin, "the directory holds no jar",
                        "put the plugin's jars in it, or remove it");
            }
            return jars;
        } catch (IOException e) {
            throw new PluginException(PluginException.Kind.UNREADABLE_JAR, plugin, "cannot list it: " + e.getMessage(),
                    "check its permissions");
        }
    }

    /** Links out of the plugin directory are not followed; files others may change are refused. */
    private void checkSafe(Path plugin, Path jar) {
        try {
            if (Files.isSymbolicLink(jar)) {
                Path dir = Files.isDirectory(plugin) ? plugin.toRealPath() : plugin.toAbsolutePath().getParent().toRealPath();
                if (!jar.toRealPath().startsWith(dir)) {
                    throw new PluginException(PluginException.Kind.UNSAFE, plugin, jar.getFileName()
                            + " is a link to " + jar.toRealPath() + ", outside the plugin", "copy the jar in instead");
                }
            }
            if (!allowWritable && Files.getFileAttributeView(jar, java.nio.file.attribute.PosixFileAttributeView.class)
                    != null) {
                for (Path p : List.of(jar, jar.toAbsolutePath().getParent())) {
                    if (Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_WRITE)) {
                        throw new PluginException(PluginException.Kind.UNSAFE, plugin, p + " is writable by other users",
                                "chmod o-w it, or set lvstack.plugins.allowWritable = true");
                    }
                }
            }
        } catch (IOException e) {
            throw new PluginException(PluginException.Kind.UNREADABLE_JAR, plugin, jar.getFileName() + ": "
                    + e.getMessage(), "check the file");
        }
    }

    private static void checkReadable(Path plugin, Path jar) {
        try (JarFile f = new JarFile(jar.toFile(), true)) {
            Enumeration<JarEntry> entries = f.entries();
            while (entries.hasMoreElements()) {
                entries.nextElement();
            }
        } catch (IOException | SecurityException e) {
            throw new PluginException(PluginException.Kind.UNREADABLE_JAR, plugin, jar.getFileName() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "replace the jar with a good copy");
        }
    }

    private static PluginDescriptor descriptor(Path plugin, List<Path> jars) {
        for (Path jar : jars) {
            try (JarFile f = new JarFile(jar.toFile())) {
                JarEntry e = f.getJarEntry(DESCRIPTOR);
                if (e == null) {
                    continue;
                }
                Properties p = new Properties();
                try (InputStream in = f.getInputStream(e)) {
                    p.load(in);
                }
                String name = p.getProperty("name");
                String version = p.getProperty("version");
                String spi = p.getProperty("spi.version");
                if (name == null || version == null || spi == null) {
                    throw new PluginException(PluginException.Kind.NOT_A_PLUGIN, plugin, DESCRIPTOR + " in "
                            + jar.getFileName() + " lacks name, version or spi.version", "add them");
                }
                try {
                    return new PluginDescriptor(name.strip(), version.strip(), SpiVersion.parse(spi));
                } catch (LvstackException bad) {
                    throw new PluginException(PluginException.Kind.NOT_A_PLUGIN, plugin, bad.getMessage(),
                            "write spi.version as MAJOR.MINOR");
                }
            } catch (IOException ex) {
                throw new PluginException(PluginException.Kind.UNREADABLE_JAR, plugin, jar.getFileName() + ": "
                        + ex.getMessage(), "replace the jar with a good copy");
            }
        }
        throw new PluginException(PluginException.Kind.NOT_A_PLUGIN, plugin, "none of its jars has " + DESCRIPTOR,
                "add it (name, version, spi.version), or remove the jar from the plugin directory");
    }

    private static boolean anyHas(List<Path> jars, String entry) {
        for (Path jar : jars) {
            try (JarFile f = new JarFile(jar.toFile())) {
                if (f.getJarEntry(entry) != null) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static URL[] urls(List<Path> jars) {
        URL[] out = new URL[jars.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static List<ServiceLoader.Provider<SegmentTypeProvider>> providers(Path plugin, ClassLoader loader) {
        try {
            return ServiceLoader.load(SegmentTypeProvider.class, loader).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw badProvider(plugin, e);
        }
    }

    private static SegmentTypeProvider instantiate(Path plugin, ServiceLoader.Provider<SegmentTypeProvider> p) {
        try {
            return p.get();
        } catch (ServiceConfigurationError e) {
            throw badProvider(plugin, e);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException(PluginException.Kind.FAILED, plugin, "creating " + p.type().getName()
                    + " failed: " + e, "fix or rebuild the plugin");
        }
    }

    /** ServiceLoader's errors, classified: the class is missing, or is not a provider. */
    private static PluginException badProvider(Path plugin, ServiceConfigurationError e) {
        String m = String.valueOf(e.getMessage());
        String fix;
        if (m.contains("not found")) {
            fix = "the class named in " + SERVICES + " is not in the plugin's jars; rebuild the plugin";
        } else if (m.contains("not a subtype")) {
            fix = "the class does not implement the host's " + SegmentTypeProvider.class.getName()
                    + "; build against lvstack-api in provided scope and do not bundle the SPI";
        } else {
            fix = "check " + SERVICES;
        }
        return new PluginException(PluginException.Kind.BAD_PROVIDER, plugin, m.replace('\n', ' '), fix);
    }
}
