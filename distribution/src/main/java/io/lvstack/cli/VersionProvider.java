package io.lvstack.cli;

import io.lvstack.api.SpiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code lvstack --version}: the project version the build recorded, and the host's SPI version. */
final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "lvstack.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"lvstack " + projectVersion() + " (segment-type SPI " + SpiVersion.CURRENT + ")"};
    }

    static String projectVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the lvstack jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
