package io.lvstack.engine.segtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.Setting;
import io.lvstack.api.SettingType;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Discovery over the real plugin jars, the load list, fallbacks and duplicates. */
class SegmentTypeRegistryTest {

    private static ConfigSection stripes(long count) {
        return new ConfigSection("segment1", List.of(new ConfigEntry("type", ConfigValue.Str.of("striped"), 1),
                new ConfigEntry("stripe_count", new ConfigValue.Int(count), 2)), 1);
    }

    @Test
    void findsTheRealPluginsWithTheirJars() {
        Engine engine = Lvstack.engine();
        List<RegisteredType> active = engine.segmentTypes().active();
        assertEquals(List.of("linear", "striped", "mirror", "snapshot", "thin-pool", "thin", "cache-pool", "cache",
                "writecache", "error", "zero", "raid0", "raid0_meta", "raid1", "raid10", "raid10_near", "raid4", "raid5",
                "raid5_n", "raid5_la", "raid5_ls", "raid5_ra", "raid5_rs", "raid6", "raid6_n_6", "raid6_nc", "raid6_nr",
                "raid6_zr", "raid6_ls_6", "raid6_rs_6", "raid6_la_6", "raid6_ra_6", "integrity"),
                active.stream().map(RegisteredType::name).sorted((a, b) -> order(a) - order(b)).toList());
        for (RegisteredType t : active) {
            // the virtual plugin provides error and zero, the thin plugin thin-pool and thin, the cache
            // plugin cache-pool, cache and writecache
            String plugin = t.name().equals("error") || t.name().equals("zero") ? "virtual"
                    : t.name().equals("thin-pool") ? "thin"
                    : t.name().equals("cache-pool") || t.name().equals("writecache") ? "cache"
                    : t.name().startsWith("raid") || t.name().equals("integrity") ? "raid" : t.name();
            assertEquals(plugin, t.origin().plugin());
            assertEquals("0.1.0", t.origin().version());
            assertEquals(SpiVersion.CURRENT, t.origin().spiVersion());
            // A jar under `mvn verify`, the module's classes directory under `mvn test`.
            assertTrue(Pattern.matches(".*(lvstack-segtype-" + plugin + "-0\\.1\\.0\\.jar|segtype-" + plugin
                    + "/target/classes)", t.origin().location()), t.origin().location());
        }
    }

    private static int order(String name) {
        return List.of("linear", "striped", "mirror", "snapshot", "thin-pool", "thin", "cache-pool", "cache", "writecache",
                "error", "zero", "raid0", "raid0_meta", "raid1", "raid10", "raid10_near", "raid4", "raid5", "raid5_n",
                "raid5_la", "raid5_ls", "raid5_ra", "raid5_rs", "raid6", "raid6_n_6", "raid6_nc", "raid6_nr", "raid6_zr",
                "raid6_ls_6", "raid6_rs_6", "raid6_la_6", "raid6_ra_6", "integrity").indexOf(name);
    }

    @Test
    void stripedOwnsItsNameWhenLoadedAndLinearIsTheFallbackOtherwise() {
        SegmentTypeRegistry all = Lvstack.engine().segmentTypes();
        SegmentType fromStriped = all.forSection("striped", stripes(1));
        assertEquals("io.lvstack.segtype.striped.StripedSegmentType", fromStriped.getClass().getName());
        assertSame(fromStriped, all.forSection("striped", stripes(3)));

        SegmentTypeRegistry linearOnly = Lvstack.builder().set("lvstack.segtypes.load", "linear").build()
                .segmentTypes();
        SegmentType fallback = linearOnly.forSection("striped", stripes(1));
        assertEquals("io.lvstack.segtype.linear.LinearSegmentType", fallback.getClass().getName());
        assertTrue(fallback.fallback());
        assertInstanceOf(UnknownSegmentType.class, linearOnly.forSection("striped", stripes(2)));
        assertEquals(List.of("linear", "striped"), linearOnly.active().stream().map(RegisteredType::name).toList());
        assertInstanceOf(UnknownSegmentType.class, linearOnly.forSection("mirror", stripes(1)));
    }

    @Test
    void unknownTypesAreOneObjectPerName() {
        SegmentTypeRegistry r = Lvstack.engine().segmentTypes();
        assertSame(r.unknown("frobnicate"), r.forSection("frobnicate", stripes(1)));
        assertEquals("frobnicate", r.unknown("frobnicate").name());
    }

    @Test
    void excludeDropsATypeAndALoadListMissIsAClearError() {
        SegmentTypeRegistry r = Lvstack.builder().set("lvstack.segtypes.exclude", "mirror").build().segmentTypes();
        assertEquals(List.of("cache", "cache-pool", "error", "integrity", "linear", "raid0", "raid0_meta", "raid1",
                "raid10", "raid10_near", "raid4", "raid5", "raid5_la", "raid5_ls", "raid5_n", "raid5_ra", "raid5_rs",
                "raid6", "raid6_la_6", "raid6_ls_6", "raid6_n_6", "raid6_nc", "raid6_nr", "raid6_ra_6", "raid6_rs_6",
                "raid6_zr", "snapshot", "striped", "thin", "thin-pool", "writecache", "zero"),
                r.active().stream().map(RegisteredType::name).sorted().toList());

        LvstackException e = assertThrows(LvstackException.class,
                () -> Lvstack.builder().set("lvstack.segtypes.load", "linear,vdo").build());
        assertTrue(e.getMessage().startsWith("segment type 'vdo' is named in lvstack.segtypes.load but no plugin "
                + "provides it; looked in "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; found [cache, cache-pool, error, integrity, linear, mirror, raid0, "
                + "raid0_meta, raid1, raid10, raid10_near, raid4, raid5, raid5_la, raid5_ls, raid5_n, raid5_ra, raid5_rs, "
                + "raid6, raid6_la_6, raid6_ls_6, raid6_n_6, raid6_nc, raid6_nr, raid6_ra_6, raid6_rs_6, raid6_zr, "
                + "snapshot, striped, thin, thin-pool, writecache, zero]"), e.getMessage());
    }

    @Test
    void twoTypesWithOneNameIsAnErrorNamingBothOrigins() {
        SegmentType a = Lvstack.engine().segmentTypes().byName("mirror");
        Origin one = new Origin("mirror", "1", SpiVersion.CURRENT, "/x/one.jar", true);
        Origin two = new Origin("mirror2", "1", SpiVersion.CURRENT, "/y/two.jar", false);
        LvstackException e = assertThrows(LvstackException.class,
                () -> new SegmentTypeRegistry(List.of(new RegisteredType(a, one), new RegisteredType(a, two))));
        assertEquals("segment type 'mirror' is provided twice: by plugin mirror (/x/one.jar) and by plugin mirror2 "
                + "(/y/two.jar); remove one of them", e.getMessage());
    }

    @Test
    void aPluginThatFailsAtAssemblyIsNamedInOneLine() {
        SegmentTypeProvider broken = new SegmentTypeProvider() {
            @Override
            public SpiVersion spiVersion() {
                return SpiVersion.CURRENT;
            }

            @Override
            public String pluginName() {
                return "broken";
            }

            @Override
            public String pluginVersion() {
                return "1";
            }

            @Override
            public List<Setting> settings() {
                return List.of(new Setting("size", SettingType.integer(1, 2), "3", "A size."));
            }

            @Override
            public List<SegmentType> segmentTypes(PluginSettings settings) {
                throw new IllegalStateException("boom");
            }
        };
        ProviderDiscovery.Found found = new ProviderDiscovery.Found(broken, "/x/broken.jar", false);
        LvstackException settings = assertThrows(LvstackException.class, () -> ProviderDiscovery.settingsOf(found));
        assertEquals("plugin broken (/x/broken.jar) cannot declare its settings: setting size: default '3' is not a "
                + "whole number from 1 to 2", settings.getMessage());
        LvstackException types = assertThrows(LvstackException.class,
                () -> ProviderDiscovery.typesOf(found, plugin -> PluginSettings.empty()));
        assertEquals("plugin broken (/x/broken.jar) cannot create its segment types: java.lang.IllegalStateException: "
                + "boom", types.getMessage());
    }

    @Test
    void pluginSettingsReachTheirPlugin() {
        SegmentType mirror = Lvstack.builder().set("segtype.mirror.region_size", "1024").build().segmentTypes()
                .byName("mirror");
        assertEquals(1024, ((io.lvstack.segtype.mirror.MirrorSegmentType) mirror).defaultRegionSize());
        LvstackException e = assertThrows(LvstackException.class,
                () -> Lvstack.builder().set("segtype.mirror.region_size", "1000").build());
        assertEquals("configuration key segtype.mirror.region_size = '1000' (from command line): expected a power of "
                + "two from 8 to 2147483648", e.getMessage());
    }
}
