package io.lvstack.engine.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Layer precedence, list values, environment names, unknown keys, and where each value came from. */
class ConfigurationTest {
    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void higherLayersWinAndEachValueNamesItsSource() {
        Lvstack b = Lvstack.builder()
                .set("segtype.mirror.region_size", "1024")
                .configuration("--config a.properties", ConfigLayers.map(Map.of("segtype.mirror.region_size", "2048",
                        "lvstack.plugins.onError", "fail")))
                .systemProperties(props("lvstack.plugins.onError", "skip", "lvstack.input.max_depth", "64", "java.home",
                        "/x"))
                .environment(Map.of("LVSTACK_INPUT_MAX_DEPTH", "32", "LVSTACK_INPUT_MAX_BYTES", "1000", "PATH", "/bin"))
                .distribution("conf/lvstack.properties", ConfigLayers.map(Map.of("lvstack.segtypes.exclude", "mirror",
                        "lvstack.input.max_bytes", "2000")));
        ConfigLayers layers = b.layers();
        assertEquals("1024", layers.configuration().getString("segtype.mirror.region_size"));
        assertEquals("command line", layers.sourceOf("segtype.mirror.region_size"));
        assertEquals("fail", layers.configuration().getString("lvstack.plugins.onError"));
        assertEquals("--config a.properties", layers.sourceOf("lvstack.plugins.onError"));
        assertEquals(64, layers.configuration().getInt("lvstack.input.max_depth"));
        assertEquals("system property", layers.sourceOf("lvstack.input.max_depth"));
        assertEquals(1000, layers.configuration().getInt("lvstack.input.max_bytes"));
        assertEquals("environment", layers.sourceOf("lvstack.input.max_bytes"));
        assertEquals("conf/lvstack.properties", layers.sourceOf("lvstack.segtypes.exclude"));
        assertEquals("*", layers.configuration().getString("lvstack.segtypes.load"));
        assertEquals("built-in default", layers.sourceOf("lvstack.segtypes.load"));
        assertNull(layers.sourceOf("java.home"));
    }

    @Test
    void listsSplitOnCommas() {
        Engine e = Lvstack.builder().set("lvstack.segtypes.load", "linear, striped").build();
        assertEquals(List.of("linear", "striped"), e.configuration().getList(String.class, "lvstack.segtypes.load"));
        assertEquals(List.of("linear", "striped"),
                e.segmentTypes().active().stream().map(t -> t.name()).sorted().toList());
    }

    @Test
    void environmentNamesMapToKeys() {
        ConfigLayers layers = Lvstack.builder().environment(Map.of("LVSTACK_SEGTYPES_LOAD", "linear",
                "LVSTACK_PLUGINS_ONERROR", "fail", "LVSTACK_SEGTYPE_MIRROR_REGION_SIZE", "512")).layers();
        assertEquals("linear", layers.configuration().getString("lvstack.segtypes.load"));
        assertEquals("fail", layers.configuration().getString("lvstack.plugins.onError"));
        assertEquals("512", layers.configuration().getString("segtype.mirror.region_size"));
        assertEquals("LVSTACK_PLUGINS_ONERROR", ConfigLayers.envName("lvstack.plugins.onError"));
        LvstackException e = assertThrows(LvstackException.class,
                () -> Lvstack.builder().environment(Map.of("LVSTACK_SEGTYPES_LAOD", "x")));
        assertEquals("environment variable LVSTACK_SEGTYPES_LAOD names no lvstack setting; did you mean "
                + "LVSTACK_SEGTYPES_LOAD?", e.getMessage());
    }

    @Test
    void unknownKeysAreErrorsWithASuggestion() {
        LvstackException typo = assertThrows(LvstackException.class,
                () -> Lvstack.builder().set("lvstack.segtype.load", "linear").build());
        assertEquals("unknown configuration key 'lvstack.segtype.load' (from command line); did you mean "
                + "'lvstack.segtypes.load'?", typo.getMessage());
        LvstackException plugin = assertThrows(LvstackException.class,
                () -> Lvstack.builder().set("segtype.mirror.regionsize", "1024").build());
        assertEquals("unknown configuration key 'segtype.mirror.regionsize' (from command line); did you mean "
                + "'segtype.mirror.region_size'?", plugin.getMessage());
        LvstackException far = assertThrows(LvstackException.class,
                () -> Lvstack.builder().set("lvstack.completely.different", "1").build());
        assertEquals("unknown configuration key 'lvstack.completely.different' (from command line); lvstack config "
                + "lists the keys", far.getMessage());
        // Keys outside lvstack's namespaces are none of its business.
        Lvstack.builder().set("other.tool.key", "1").build();
    }

    @Test
    void pluginsDeclareTheirSettingsAndDefaults() {
        Engine e = Lvstack.engine();
        assertEquals(Map.of("segtype.mirror.region_size", "4096", "segtype.striped.stripe_size", "128"),
                e.pluginSettings());
    }
}
