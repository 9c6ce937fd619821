package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.model.ReferenceRole;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the host sees of the plugin before and after loading it. */
class CachePoolPluginTest {

    private static Properties descriptor() throws IOException {
        try (InputStream in = CachePoolProvider.class.getClassLoader()
                .getResourceAsStream("META-INF/lvstack-plugin.properties")) {
            assertNotNull(in, "META-INF/lvstack-plugin.properties");
            Properties p = new Properties();
            p.load(in);
            return p;
        }
    }

    @Test
    void theDescriptorNamesThePluginItsVersionAndItsSpi() throws IOException {
        Properties p = descriptor();
        assertEquals("cache-pool", p.getProperty("name"));
        assertEquals("1.0.0", p.getProperty("version"));
        CachePoolProvider provider = new CachePoolProvider();
        assertEquals(provider.spiVersion(), SpiVersion.parse(p.getProperty("spi.version")));
        assertEquals(provider.pluginName(), p.getProperty("name"));
        assertEquals(provider.pluginVersion(), p.getProperty("version"));
    }

    @Test
    void theProviderIsRegisteredAndLoadableByThisHost() {
        List<SegmentTypeProvider> found = ServiceLoader.load(SegmentTypeProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(CachePoolProvider.class::isInstance).toList();
        assertEquals(1, found.size());
        SegmentTypeProvider provider = found.get(0);
        assertEquals(SpiVersion.of(2, 0), provider.spiVersion());
        assertTrue(provider.spiVersion().loadableBy(SpiVersion.CURRENT));
        assertEquals("1.0.0", provider.pluginVersion());
    }

    @Test
    void theTypeIsLvm2sCachePool() {
        List<SegmentType> types = new CachePoolProvider().segmentTypes(PluginSettings.empty());
        assertEquals(1, types.size());
        SegmentType t = types.get(0);
        assertEquals("cache-pool", t.name());
        assertEquals(Set.of(), t.capabilities());
        assertTrue(!t.has(SegmentCapability.AREAS_STRIPED) && !t.has(SegmentCapability.AREAS_MIRRORED)
                && !t.has(SegmentCapability.CAN_SPLIT));
        assertEquals(List.of(ReferenceRole.of("metadata")), t.referenceRoles());
        assertTrue(t.linkHook().isPresent());
        assertTrue(!t.fallback());
    }
}
