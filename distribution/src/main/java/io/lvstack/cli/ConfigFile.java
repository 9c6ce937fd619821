package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.fluent.Configurations;
import org.apache.commons.configuration2.ex.ConfigurationException;

/** Loads a {@code --config} properties file. */
final class ConfigFile {
    private ConfigFile() {
    }

    /**
     * @throws LvstackException naming the file when it is missing, not a regular file, unreadable
     *     or malformed
     */
    static PropertiesConfiguration load(Path file) {
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
        try {
            return new Configurations().properties(file.toFile());
        } catch (ConfigurationException e) {
            throw new LvstackException("cannot read configuration file " + file + ": " + rootMessage(e), e);
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
