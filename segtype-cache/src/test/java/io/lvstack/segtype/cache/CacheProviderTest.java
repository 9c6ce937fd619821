package io.lvstack.segtype.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.SegmentTypeContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin keeps the SPI's contract on segments as LVM2 writes them (a used pool's settings with
 * format 1, as the METADATA_FORMAT flag of format 2 is the LV's, which a lone section cannot
 * carry); its corpus tests, which need an engine, are the engine's ({@code CacheCorpusTest},
 * {@code CacheVerdictsTest}, {@code CacheTablesTest}).
 */
class CacheProviderTest {
    private final List<SegmentType> types = new CacheProvider().segmentTypes(PluginSettings.empty());

    @Test
    void providesCachePoolCacheAndWritecache() {
        assertEquals(List.of("cache-pool", "cache", "writecache"), types.stream().map(SegmentType::name).toList());
    }

    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new CacheProvider());
        SegmentTypeContract.check(types.get(0), ConfigSectionBuilder.segment("segment1", 0, 4, "cache-pool")
                .string("data", "cpool_cpool_cdata").string("metadata", "cpool_cpool_cmeta").integer("metadata_format", 1)
                .integer("chunk_size", 128).string("cache_mode", "writethrough").string("policy", "smq").build());
        SegmentTypeContract.check(types.get(0), ConfigSectionBuilder.segment("segment1", 0, 4, "cache-pool")
                .string("data", "cpool_cdata").string("metadata", "cpool_cmeta").integer("chunk_size", 128).build());
        SegmentTypeContract.check(types.get(2), ConfigSectionBuilder.segment("segment1", 0, 6, "writecache")
                .string("writecache", "fast3_cvol").string("origin", "slow3_wcorig")
                .integer("writecache_block_size", 4096).build());
        // a cache's sample cannot be checked alone: validate rightly asks that its cache_pool LV be a
        // cache pool or a cachevol, which the contract's fake LVs are not; CacheCorpusTest checks it
        // in an engine
    }
}
