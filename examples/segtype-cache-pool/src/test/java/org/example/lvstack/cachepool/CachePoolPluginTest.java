package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.testkit.SegmentTypeContract;
import io.lvstack.testkit.harness.PluginHarness;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the host sees of the plugin before and after loading it. */
class CachePoolPluginTest {

    /**
     * Registered for ServiceLoader, loadable by this host, described by a
     * {@code META-INF/lvstack-plugin.properties} that agrees with the provider; and the type keeps
     * the rules of every segment type for LVM2's own segment and for a pool with every field.
     */
    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new CachePoolProvider());
        CachePoolSegmentType type = new CachePoolSegmentType();
        SegmentTypeContract.check(type, PluginHarness.parseSection("""
                segment1 {
                	start_extent = 0
                	extent_count = 8

                	type = "cache-pool"
                	data = "cpool_cdata"
                	metadata = "cpool_cmeta"
                	chunk_size = 128
                }
                """));
        SegmentTypeContract.check(type, PluginHarness.parseSection("""
                segment1 {
                	start_extent = 0
                	extent_count = 8

                	type = "cache-pool+METADATA_FORMAT"
                	data = "cpool_cdata"
                	metadata = "cpool_cmeta"
                	metadata_format = 2
                	chunk_size = 192
                	cache_mode = "writeback"
                	policy = "smq"
                	policy_settings {
                		migration_threshold = 2048
                	}
                }
                """));
    }

    @Test
    void itIsVersionOneOfPluginCachePool() {
        CachePoolProvider provider = new CachePoolProvider();
        assertEquals("cache-pool", provider.pluginName());
        assertEquals("1.0.0", provider.pluginVersion());
        assertEquals(SpiVersion.of(2, 1), provider.spiVersion());
    }

    @Test
    void theTypeIsLvm2sCachePool() {
        List<SegmentType> types = new CachePoolProvider().segmentTypes(PluginSettings.empty());
        assertEquals(1, types.size());
        SegmentType t = types.get(0);
        assertEquals("cache-pool", t.name());
        assertEquals(Set.of(SegmentCapability.POOL), t.capabilities());
        assertTrue(!t.has(SegmentCapability.AREAS_STRIPED) && !t.has(SegmentCapability.AREAS_MIRRORED)
                && !t.has(SegmentCapability.CAN_SPLIT));
        assertEquals(List.of(ReferenceRole.of("metadata")), t.referenceRoles());
        assertTrue(t.linkHook().isPresent());
        assertTrue(!t.fallback());
    }
}
