package io.lvstack.engine.plugin;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * plugin. Before any class of a plugin is loaded its location is checked ({@link PluginLocation}:
 * no links, nothing others may write to), its jars are opened and checked, its descriptor
 * read and its SPI version compared with the host's; then it gets its own
 * {@link PluginClassLoader} and {@link ServiceLoader} runs against that loader, with the thread
 * context class loader set to it. Every failure is one {@link PluginException} naming the
 * plugin's path and a fix.
 */
public final class PluginLoader {
    static final String DESCRIPTOR = "META-INF/lvstack-plugin.properties";
    static final String SERVICES = "META-INF/services/" + SegmentTypeProvider.class.getName();
    /** Descriptors and services files name a few things; anything bigger is not one. */
    static final int MAX_TEXT_BYTES = 64 * 1024;

    /** The key that accepts plugins others may write to or own, with a warning. */
    public static final String ALLOW_INSECURE = PluginLocation.ALLOW_KEY;

    /**
     * A plugin that loaded, with the providers it registers and warnings about it (an insecure
     * location accepted).
     */
    public record Loaded(Path path, PluginDescriptor descriptor, ClassLoader loader, List<SegmentTypeProvider> providers,
            List<String> warnings) {
    }

    private final ClassLoader host;
    private final PluginLocation location;

    /**
     * @param host          the loader of the host's SPI classes
     * @param allowInsecure whether plugins others may write to, or another user owns, are accepted
     *                      (with a warning)
     */
    public PluginLoader(ClassLoader host, boolean allowInsecure) {
        this(host, allowInsecure, System.getProperty("user.name"));
    }

    /** As above, judging ownership for {@code user} rather than the user running the JVM. */
    PluginLoader(ClassLoader host, boolean allowInsecure, String user) {
        this.host = host;
        this.location = new PluginLocation(allowInsecure, user);
    }

    /** The descriptors of the plugins visible to {@code loader} (built in), with where each is. */
    public static java.util.Map<PluginDescriptor, String> builtIn(ClassLoader loader) {
        java.util.Map<PluginDescriptor, String> out = new java.util.LinkedHashMap<>();
        try {
            for (URL url : java.util.Collections.list(loader.getResources(DESCRIPTOR))) {
                Properties p;
                try (InputStream in = url.openStream()) {
                    p = properties(in, url.toString());
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
            // Links to directories are listed so that load() refuses them by name, not silently.
            return s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar")).sorted()
                    .toList();
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
        PluginLocation.refuseLink(plugin, plugin);
        List<Path> jars = jarsOf(plugin);
        List<String> warnings = location.check(plugin, jars);
        for (Path jar : jars) {
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
        if (!anyHas(plugin, jars, SERVICES)) {
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
        return new Loaded(plugin, d, loader, providers, List.copyOf(warnings));
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
                Properties p;
                try (InputStream in = f.getInputStream(e)) {
                    p = properties(in, DESCRIPTOR + " in " + jar.getFileName());
                } catch (LvstackException big) {
                    throw new PluginException(PluginException.Kind.NOT_A_PLUGIN, plugin, big.getMessage(),
                            "a descriptor holds name, version and spi.version only");
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

    /** Reads a small properties text, refusing more than {@link #MAX_TEXT_BYTES} whatever the jar claims. */
    static Properties properties(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new LvstackException(what + " is over the limit of " + MAX_TEXT_BYTES + " bytes");
        }
        Properties p = new Properties();
        p.load(new java.io.ByteArrayInputStream(bytes));
        return p;
    }

    /**
     * Whether any jar has {@code entry}; the entry must be at most {@link #MAX_TEXT_BYTES} long,
     * since ServiceLoader reads it whole and unbounded.
     */
    private static boolean anyHas(Path plugin, List<Path> jars, String entry) {
        boolean found = false;
        for (Path jar : jars) {
            try (JarFile f = new JarFile(jar.toFile())) {
                JarEntry e = f.getJarEntry(entry);
                if (e == null) {
                    continue;
                }
                found = true;
                try (InputStream in = f.getInputStream(e)) {
                    if (in.readNBytes(MAX_TEXT_BYTES + 1).length > MAX_TEXT_BYTES) {
                        throw new PluginException(PluginException.Kind.BAD_PROVIDER, plugin, entry + " in "
                                + jar.getFileName() + " is over the limit of " + MAX_TEXT_BYTES + " bytes",
                                "list only the provider classes in it");
                    }
                }
            } catch (IOException e) {
                throw new PluginException(PluginException.Kind.UNREADABLE_JAR, plugin, jar.getFileName() + ": "
                        + e.getMessage(), "replace the jar with a good copy");
            }
        }
        return found;
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
