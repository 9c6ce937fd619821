package io.lvstack.api;

/**
 * Version of this SPI. A plugin states the version it was compiled against by returning
 * {@code SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR)}: the two fields are compile-time
 * constants, so javac copies their values into the plugin's class file and the plugin keeps
 * reporting the version it was built with, whatever host later loads it.
 *
 * <p>A host accepts a plugin of the same major version whose minor version is not newer than
 * its own: minor versions only add default methods, so older plugins keep working.
 */
public record SpiVersion(int major, int minor) implements Comparable<SpiVersion> {
    /** Major version of this SPI: bumped on incompatible change. */
    public static final int MAJOR = 2;
    /** Minor version of this SPI: bumped when methods with defaults are added. */
    public static final int MINOR = 1;

    /** The version of the SPI classes actually loaded (the host's). */
    public static final SpiVersion CURRENT = new SpiVersion(MAJOR, MINOR);

    public SpiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("SPI version parts must not be negative: " + major + "." + minor);
        }
    }

    public static SpiVersion of(int major, int minor) {
        return new SpiVersion(major, minor);
    }

    /** Parses {@code "1.0"}. */
    public static SpiVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new LvstackException("SPI version '" + text + "' is not of the form MAJOR.MINOR");
        }
        try {
            return new SpiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new LvstackException("SPI version '" + text + "' is not of the form MAJOR.MINOR");
        }
    }

    /** Whether a host of version {@code host} can load a plugin built against this version. */
    public boolean loadableBy(SpiVersion host) {
        return major == host.major && minor <= host.minor;
    }

    @Override
    public int compareTo(SpiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
