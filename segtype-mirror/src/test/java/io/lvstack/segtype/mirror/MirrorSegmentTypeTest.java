package io.lvstack.segtype.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.MetadataException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MirrorSegmentTypeTest {
    private final MirrorSegmentType type = new MirrorSegmentType(4096);

    private static ConfigSection section(Object... kv) {
        List<ConfigNode> nodes = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            ConfigValue v = kv[i + 1] instanceof String s ? ConfigValue.Str.of(s) : new ConfigValue.Int((Long) kv[i + 1]);
            nodes.add(new ConfigEntry((String) kv[i], v, 10 + i / 2));
        }
        return new ConfigSection("segment1", nodes, 9);
    }

    @Test
    void decodesADiskLogMirror() {
        DecodedSegment d = type.decode(section("mirror_count", 2L, "mirror_log", "m_mlog", "region_size", 128L), 6);
        assertEquals("mirrors", d.areasKey());
        assertEquals(2, d.areaCount());
        assertEquals(new MirrorFields(128, null), d.fields());
        assertEquals(Map.of(MirrorSegmentType.LOG, "m_mlog"), d.references());
    }

    @Test
    void decodesAPvmoveSegment() {
        DecodedSegment d = type.decode(section("mirror_count", 2L, "extents_moved", 0L, "region_size", 4096L), 10);
        assertEquals(new MirrorFields(4096, 0L), d.fields());
        assertEquals(Map.of(), d.references());
    }

    @Test
    void aLogWithoutRegionSizeIsRefused() {
        MetadataException e = assertThrows(MetadataException.class,
                () -> type.decode(section("mirror_count", 2L, "mirror_log", "m_mlog"), 6));
        assertEquals("Missing region size for mirror log in segment1", e.getMessage());
        assertEquals(9, e.line());
    }

    @Test
    void mirrorCountIsRequiredAndBounded() {
        MetadataException missing = assertThrows(MetadataException.class, () -> type.decode(section(), 6));
        assertEquals("section 'segment1' lacks 'mirror_count' (expected an integer)", missing.getMessage());
        MetadataException big = assertThrows(MetadataException.class,
                () -> type.decode(section("mirror_count", 129L), 6));
        assertEquals("mirror_count 129 of segment1 is outside 1..128", big.getMessage());
        assertEquals(10, big.line());
        MetadataException wrong = assertThrows(MetadataException.class,
                () -> type.decode(section("mirror_count", "2"), 6));
        assertEquals("'mirror_count' in section 'segment1' must be an integer, found a string", wrong.getMessage());
    }

    @Test
    void providerStatesItsSpiVersionAndReadsItsRegionSize() {
        MirrorProvider p = new MirrorProvider();
        assertEquals(SpiVersion.CURRENT, p.spiVersion());
        assertEquals("mirror", p.pluginName());
        assertEquals("0.1.0", p.pluginVersion());
        PluginSettings settings = new PluginSettings() {
            @Override
            public Optional<String> get(String key) {
                return key.equals("region_size") ? Optional.of("1024") : Optional.empty();
            }

            @Override
            public Set<String> keys() {
                return Set.of("region_size");
            }
        };
        assertEquals(1024, ((MirrorSegmentType) p.segmentTypes(settings).get(0)).defaultRegionSize());
        assertEquals(4096, ((MirrorSegmentType) p.segmentTypes(PluginSettings.empty()).get(0)).defaultRegionSize());
        // LVM2 2.03's default, 2 MiB (activation/raid_region_size = 2048 KiB), as lvstack config lists it.
        assertEquals(List.of("region_size"), p.settings().stream().map(s -> s.key()).toList());
        assertEquals("4096", p.settings().get(0).defaultValue());
        assertEquals("a power of two from 8 to 2147483648", p.settings().get(0).type().allowed());
        PluginSettings bad = new PluginSettings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.of("lots");
            }

            @Override
            public Set<String> keys() {
                return Set.of("region_size");
            }
        };
        LvstackException e = assertThrows(LvstackException.class, () -> p.segmentTypes(bad));
        assertEquals("setting 'region_size' = 'lots' is not a whole number", e.getMessage());
    }
}
