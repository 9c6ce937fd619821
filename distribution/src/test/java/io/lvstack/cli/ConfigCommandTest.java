package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lvstack config}: values, their sources and docs, and the distribution's file via lvstack.home. */
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
        assertTrue(lines.contains("segtype.mirror.region_size     1024      command line"), r.out());
        assertEquals(11, lines.size(), "a header and the ten keys: " + r.out());
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
    void docSaysWhatEachKeyDoesTheValuesItTakesAndItsDefault() {
        CliRun r = CliRun.of("config", "--doc", "-D", "segtype.striped.stripe_size=256");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertEquals(30, lines.size(), r.out());
        int at = lines.indexOf("segtype.striped.stripe_size = 256 (command line)");
        assertEquals(List.of("segtype.striped.stripe_size = 256 (command line)",
                "    The stripe size, in sectors, of a striped LV created without -I (LVM2's metadata/stripesize; 128 = "
                        + "64 KiB).",
                "    Takes a power of two from 8 to 2147483648; default 128."), lines.subList(at, at + 3));
        at = lines.indexOf("lvstack.plugins.dirs (not set)");
        assertEquals("    Takes a comma-separated list; default none.", lines.get(at + 2));
    }

    @Test
    void aValueItsKeyDoesNotAllowStopsTheToolNamingWhatItAllows() {
        CliRun r = CliRun.of("config", "-D", "lvstack.plugins.onError=bogus");
        assertEquals(5, r.exitCode());
        assertEquals("", r.out());
        assertEquals(List.of("lvstack: configuration key lvstack.plugins.onError = 'bogus' (from command line): "
                + "expected skip or fail"), r.errLines());
        CliRun removed = CliRun.of("segtypes", "-D", "lvstack.alloc.policy=bogus");
        assertEquals(5, removed.exitCode());
        assertEquals(List.of("lvstack: configuration key 'lvstack.alloc.policy' (from command line) was removed: new "
                + "LVs follow the VG's allocation policy, as in LVM2; --alloc of lvcreate and lvextend overrides it"),
                removed.errLines());
    }

    @Test
    void anUnknownKeyStopsTheToolWithASuggestion() {
        CliRun r = CliRun.of("segtypes", "-D", "lvstack.segtype.load=x");
        assertEquals(5, r.exitCode());
        assertEquals(List.of("lvstack: unknown configuration key 'lvstack.segtype.load' (from command line); did you "
                + "mean 'lvstack.segtypes.load'?"), r.errLines());
    }
}
