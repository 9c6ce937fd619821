package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lvstack config}: values and their sources, and the distribution's file via lvstack.home. */
class ConfigCommandTest {
    @Test
    void listsEveryKeyWithItsValueAndSource(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("site.properties"), "lvstack.plugins.onError = fail\n");
        CliRun r = CliRun.of("config", "-D", "segtype.mirror.region_size=1024", "--config", conf.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertEquals("KEY                            VALUE     SOURCE", lines.get(0));
        assertTrue(lines.contains("lvstack.segtypes.load          *         built-in default"), r.out());
        assertTrue(lines.contains("lvstack.plugins.onError        fail      --config " + conf), r.out());
        assertTrue(lines.contains("segtype.mirror.region_size     1024      command line"), r.out());
        assertTrue(lines.contains("segtype.striped.stripe_size    128       default of plugin striped"), r.out());
        assertTrue(lines.contains("lvstack.plugins.dirs                     not set"), r.out());
    }

    @Test
    void theDistributionsFileSitsBelowEverythingButDefaults(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/lvstack.properties"),
                "lvstack.plugins.dirs = plugins\nlvstack.segtypes.exclude = mirror\n");
        String saved = System.getProperty("lvstack.home");
        System.setProperty("lvstack.home", home.toString());
        try {
            CliRun r = CliRun.of("config");
            assertEquals(0, r.exitCode(), r.err());
            String source = home.resolve("conf/lvstack.properties").toString();
            assertTrue(r.outLines().stream().anyMatch(l -> l.matches("lvstack\\.plugins\\.dirs +"
                    + java.util.regex.Pattern.quote(home.resolve("plugins").toString()) + " +"
                    + java.util.regex.Pattern.quote(source))), r.out());
            CliRun overridden = CliRun.of("config", "-D", "lvstack.segtypes.exclude=linear");
            assertTrue(overridden.outLines().stream().anyMatch(l -> l.matches(
                    "lvstack\\.segtypes\\.exclude +linear +command line")), overridden.out());
        } finally {
            if (saved == null) {
                System.clearProperty("lvstack.home");
            } else {
                System.setProperty("lvstack.home", saved);
            }
        }
    }

    @Test
    void anUnknownKeyStopsTheToolWithASuggestion() {
        CliRun r = CliRun.of("segtypes", "-D", "lvstack.segtype.load=x");
        assertEquals(1, r.exitCode());
        assertEquals(List.of("lvstack: unknown configuration key 'lvstack.segtype.load' (from command line); did you "
                + "mean 'lvstack.segtypes.load'?"), r.errLines());
    }
}
