package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.assembly.ConfigKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;

/**
 * Loads a configuration file ({@code --config}, the distribution's {@code conf/lvstack.properties}).
 * It is read before the configuration is known, so the built-in input size limit applies to it;
 * {@code include} is refused, so one file is all that is read and nothing nests.
 */
final class ConfigFile {
    /** The built-in {@code lvstack.input.max_bytes}. */
    static final int MAX_BYTES = Integer.parseInt(ConfigKeys.INPUT_MAX_BYTES.defaultValue());

    private ConfigFile() {
    }

    /**
     * @throws LvstackException naming the file when it is missing, not a regular file, unreadable,
     *     too big, malformed or includes another file
     */
    static PropertiesConfiguration load(Path file) {
        return load(file, MAX_BYTES);
    }

    static PropertiesConfiguration load(Path file, int maxBytes) {
        // Checked first: Commons Configuration reports a missing file as "Cannot locate configuration source".
        if (!Files.exists(file)) {
            throw new LvstackException("configuration file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new LvstackException("configuration file " + file + " is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new LvstackException("configuration file " + file + " is not readable");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded read: the file may grow between a size check and the read.
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new LvstackException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw new LvstackException("configuration file " + file + " is over the limit of " + maxBytes + " bytes");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        PropertiesConfiguration config = new PropertiesConfiguration();
        config.setIncludesAllowed(false);
        try {
            refuseIncludes(file, text);
            new FileHandler(config).load(new StringReader(text));
        } catch (ConfigurationException | IOException e) {
            throw new LvstackException("cannot read configuration file " + file + ": " + rootMessage(e), e);
        }
        return config;
    }

    /** With includes off, Commons Configuration drops an include line silently; it is refused instead. */
    private static void refuseIncludes(Path file, String text) throws IOException {
        try (PropertiesConfiguration.PropertiesReader r = new PropertiesConfiguration.PropertiesReader(
                new StringReader(text))) {
            while (r.nextProperty()) {
                String key = r.getPropertyName();
                if (key.equalsIgnoreCase(PropertiesConfiguration.getInclude())
                        || key.equalsIgnoreCase(PropertiesConfiguration.getIncludeOptional())) {
                    throw new LvstackException("configuration file " + file + ": '" + key + "' is not supported; "
                            + "put the keys in this file");
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
