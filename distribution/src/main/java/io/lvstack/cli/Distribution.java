package io.lvstack.cli;

import io.lvstack.engine.assembly.ConfigLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.configuration2.PropertiesConfiguration;

/**
 * The distribution this tool runs from: the launcher passes its home directory as the system
 * property {@code lvstack.home}, whose {@code conf/lvstack.properties} holds the distribution's
 * settings. Plugin directories given relative there are relative to the home.
 */
final class Distribution {
    static final String HOME = "lvstack.home";

    /** A named configuration layer. */
    record Conf(String name, org.apache.commons.configuration2.Configuration config) {
    }

    private Distribution() {
    }

    static Optional<Conf> conf() {
        String home = System.getProperty(HOME);
        if (home == null) {
            return Optional.empty();
        }
        Path file = Path.of(home, "conf", "lvstack.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        PropertiesConfiguration loaded = ConfigFile.load(file);
        Map<String, Object> values = new LinkedHashMap<>();
        loaded.getKeys().forEachRemaining(k -> values.put(k, loaded.getProperty(k)));
        List<String> dirs = new ArrayList<>();
        for (String d : loaded.getList(String.class, "lvstack.plugins.dirs", List.of())) {
            dirs.add(Path.of(home).resolve(d).toString());
        }
        if (!dirs.isEmpty()) {
            values.put("lvstack.plugins.dirs", String.join(",", dirs));
        }
        return Optional.of(new Conf(file.toString(), ConfigLayers.map(values)));
    }
}
