package io.lvstack.testkit;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/** One run of {@link SegmentTypeContract#checkProvider}: see there for the rules. */
final class ProviderContract {
    static final String DESCRIPTOR = "META-INF/lvstack-plugin.properties";

    private final SegmentTypeProvider provider;
    private final Violations violations = new Violations();

    ProviderContract(SegmentTypeProvider provider) {
        this.provider = provider;
    }

    void run() {
        SpiVersion spi = violations.call("spiVersion", provider::spiVersion);
        if (spi != null && !spi.loadableBy(SpiVersion.CURRENT)) {
            violations.add("spiVersion " + spi + " cannot be loaded by the SPI on the class path, " + SpiVersion.CURRENT);
        }
        String name = violations.call("pluginName", provider::pluginName);
        if (name != null && (name.isBlank() || name.chars().anyMatch(c -> c <= ' '))) {
            violations.add("pluginName '" + name + "' is blank or holds a space");
        }
        String version = violations.call("pluginVersion", provider::pluginVersion);
        if (version != null && version.isBlank()) {
            violations.add("pluginVersion is blank");
        }
        types();
        registered();
        if (spi != null && name != null && version != null) {
            descriptor(name, version, spi);
        }
        violations.throwIfAny("segment-type provider " + provider.getClass().getName() + " breaks the contract");
    }

    /** Types with no setting, and with every setting at its declared default: at least one, names unique per rank. */
    private void types() {
        List<SegmentType> plain = violations.call("segmentTypes without settings",
                () -> provider.segmentTypes(io.lvstack.api.PluginSettings.empty()));
        if (plain != null) {
            if (plain.isEmpty() || plain.stream().anyMatch(java.util.Objects::isNull)) {
                violations.add("segmentTypes gives " + plain + ": no type, or a null one");
            } else {
                Set<String> seen = new HashSet<>();
                for (SegmentType t : plain) {
                    if (!seen.add((t.fallback() ? "fallback " : "") + t.name())) {
                        violations.add("segmentTypes gives two " + (t.fallback() ? "fallback" : "primary")
                                + " types named '" + t.name() + "' (the engine refuses them)");
                    }
                }
            }
        }
        List<io.lvstack.api.Setting> settings = violations.call("settings", provider::settings);
        Map<String, String> defaults = null;
        if (settings != null) {
            defaults = new java.util.TreeMap<>();
            for (io.lvstack.api.Setting s : settings) {
                defaults.put(s.key(), s.defaultValue());
            }
        }
        if (defaults != null) {
            Map<String, String> given = defaults;
            violations.call("segmentTypes with the settings at their defaults " + defaults,
                    () -> provider.segmentTypes(FakePluginSettings.of(given)));
        }
    }

    /** Registered for {@link ServiceLoader}, which is how the engine finds it. */
    private void registered() {
        boolean found;
        try {
            found = ServiceLoader.load(SegmentTypeProvider.class, provider.getClass().getClassLoader()).stream()
                    .anyMatch(p -> p.type() == provider.getClass());
        } catch (ServiceConfigurationError e) {
            violations.add("ServiceLoader cannot list the providers: " + e.getMessage());
            return;
        }
        if (!found) {
            violations.add("it is not registered in META-INF/services/" + SegmentTypeProvider.class.getName()
                    + " (annotate it with @AutoService(SegmentTypeProvider.class))");
        }
    }

    /** The descriptor next to the provider, which the host reads before loading any class, agrees with it. */
    private void descriptor(String name, String version, SpiVersion spi) {
        Properties p = ownDescriptor();
        if (p == null) {
            violations.add("its jar or class directory has no " + DESCRIPTOR + " (name, version, spi.version)");
            return;
        }
        check("name", p.getProperty("name"), name);
        check("version", p.getProperty("version"), version);
        check("spi.version", p.getProperty("spi.version"), spi.toString());
    }

    private void check(String key, String found, String expected) {
        if (!expected.equals(found == null ? null : found.trim())) {
            violations.add(DESCRIPTOR + " says " + key + "=" + found + ", the provider " + expected);
        }
    }

    /** The descriptor from the provider's own jar or class directory, not another plugin's. */
    private Properties ownDescriptor() {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        String location = source.getLocation().toString();
        try {
            Enumeration<URL> all = provider.getClass().getClassLoader().getResources(DESCRIPTOR);
            while (all.hasMoreElements()) {
                URL url = all.nextElement();
                String u = url.toString();
                if (u.equals(location + DESCRIPTOR) || u.equals("jar:" + location + "!/" + DESCRIPTOR)) {
                    try (InputStream in = url.openStream()) {
                        Properties p = new Properties();
                        p.load(in);
                        return p;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new LvstackException("cannot read " + DESCRIPTOR + " of " + location + ": " + e.getMessage(), e);
        }
    }
}
