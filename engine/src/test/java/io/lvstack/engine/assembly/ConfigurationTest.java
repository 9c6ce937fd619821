package io.lvstack.engine.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Layer precedence, list values, environment names, unknown keys, where each value came from, and
 * the declared keys: each value checked against its key's type when the engine is built.
 */
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
    void aRemovedKeySaysWhatTookItsPlace() {
        LvstackException e = assertThrows(LvstackException.class,
                () -> Lvstack.builder().set("lvstack.alloc.policy", "bogus").build());
        assertEquals("configuration key 'lvstack.alloc.policy' (from command line) was removed: new LVs follow the VG's "
                + "allocation policy, as in LVM2; --alloc of lvcreate and lvextend overrides it", e.getMessage());
    }

    @Test
    void everyValueIsCheckedAgainstItsTypeWhenTheEngineIsBuilt() {
        assertRefused("configuration key lvstack.plugins.onError = 'bogus' (from command line): expected skip or fail",
                Lvstack.builder().set("lvstack.plugins.onError", "bogus"));
        assertRefused("configuration key lvstack.plugins.allowInsecure = 'yes' (from command line): expected true or "
                + "false", Lvstack.builder().set("lvstack.plugins.allowInsecure", "yes"));
        assertRefused("configuration key lvstack.input.max_depth = '0' (from environment): expected a whole number "
                + "from 1 to 2147483647", Lvstack.builder().environment(Map.of("LVSTACK_INPUT_MAX_DEPTH", "0")));
        assertRefused("configuration key lvstack.input.max_bytes = '2147483639' (from system property): expected a "
                + "whole number from 1 to 2147483638", Lvstack.builder().systemProperties(
                        props("lvstack.input.max_bytes", "2147483639")));
        // Plugins' keys too, by the type the plugin declares.
        assertRefused("configuration key segtype.striped.stripe_size = '100' (from --config a.properties): expected a "
                + "power of two from 8 to 2147483648", Lvstack.builder().configuration("--config a.properties",
                        ConfigLayers.map(Map.of("segtype.striped.stripe_size", "100"))));
        assertRefused("configuration key segtype.striped.stripe_size = '4' (from command line): expected a power of "
                + "two from 8 to 2147483648", Lvstack.builder().set("segtype.striped.stripe_size", 4));
        assertRefused("configuration key segtype.mirror.region_size = '2048,4096' (from command line): expected a "
                + "power of two from 8 to 2147483648", Lvstack.builder().set("segtype.mirror.region_size", "2048,4096"));
        // Blanks around a value do not count; case does not count for true and false.
        Engine e = Lvstack.builder().set("lvstack.plugins.allowInsecure", " FALSE ").set("segtype.striped.stripe_size",
                " 256").build();
        assertEquals("256", e.setting("segtype.striped.stripe_size"));
        assertEquals("FALSE", e.setting("lvstack.plugins.allowInsecure"));
    }

    private static void assertRefused(String message, Lvstack builder) {
        assertEquals(message, assertThrows(LvstackException.class, builder::build).getMessage());
    }

    @Test
    void theEngineAndEachPluginDeclareTheirKeysOnce() {
        Engine e = Lvstack.engine();
        List<String> declared = e.settings().stream()
                .map(s -> s.key() + " = " + s.defaultValue() + " (" + s.type().allowed() + ")").toList();
        assertEquals(List.of("lvstack.segtypes.load = * (a comma-separated list)",
                "lvstack.segtypes.exclude =  (a comma-separated list)",
                "lvstack.plugins.dirs =  (a comma-separated list)",
                "lvstack.plugins.onError = skip (skip or fail)",
                "lvstack.plugins.allowInsecure = false (true or false)",
                "lvstack.input.max_bytes = 67108864 (a whole number from 1 to 2147483638)",
                "lvstack.input.max_depth = 128 (a whole number from 1 to 2147483647)",
                "lvstack.graphviz.dot = dot (any text)",
                "segtype.mirror.region_size = 4096 (a power of two from 8 to 2147483648)",
                "segtype.striped.stripe_size = 128 (a power of two from 8 to 2147483648)"), declared);
        assertTrue(e.settings().stream().allMatch(s -> !s.doc().isEmpty()), "every key says what it does");
        assertEquals("4096", e.setting("segtype.mirror.region_size"));
        assertEquals("default of plugin mirror", e.settingSource("segtype.mirror.region_size"));
        assertEquals("built-in default", e.settingSource("lvstack.plugins.onError"));
        assertEquals("not set", e.settingSource("lvstack.plugins.dirs"));
        LvstackException none = assertThrows(LvstackException.class, () -> e.setting("segtype.raid.region_size"));
        assertEquals("no loaded plugin declares the setting segtype.raid.region_size", none.getMessage());
    }
}
