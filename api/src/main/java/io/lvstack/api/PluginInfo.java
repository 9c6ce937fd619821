package io.lvstack.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Reads the {@code plugin.properties} a plugin keeps next to its provider class (in the same
 * package, so two plugins on one class path never shadow each other's). The build fills it in
 * from the plugin's POM: {@code version=${project.version}}.
 */
public final class PluginInfo {
    private PluginInfo() {
    }

    /** The {@code version} property next to {@code providerClass}. */
    public static String versionOf(Class<?> providerClass) {
        try (InputStream in = providerClass.getResourceAsStream("plugin.properties")) {
            if (in == null) {
                throw new LvstackException("plugin " + providerClass.getName() + " has no plugin.properties next to it");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isBlank()) {
                throw new LvstackException("plugin.properties of " + providerClass.getName() + " names no version");
            }
            return v.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
