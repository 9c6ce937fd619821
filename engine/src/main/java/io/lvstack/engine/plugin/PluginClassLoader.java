package io.lvstack.engine.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * One plugin's class loader: its own jars first and only, with the platform loader as parent, so
 * a plugin sees none of the host's libraries; the packages of the SPI are always taken from the
 * host, even when a plugin bundles a copy, so that a plugin's types are the host's types.
 */
final class PluginClassLoader extends URLClassLoader {
    /** Packages shared with the host: the SPI and nothing else. */
    static final List<String> SHARED = List.of("io.lvstack.api.");

    private final ClassLoader host;
    private final String plugin;

    PluginClassLoader(String plugin, URL[] jars, ClassLoader host) {
        super("lvstack-plugin-" + plugin, jars, ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.plugin = plugin;
    }

    private static boolean shared(String name) {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared(name)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return shared(name.replace('/', '.')) ? host.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return shared(name.replace('/', '.')) ? host.getResources(name) : super.getResources(name);
    }

    @Override
    public String toString() {
        // Names the plugin in class-cast messages between loaders.
        return "PluginClassLoader[" + plugin + "]";
    }
}
