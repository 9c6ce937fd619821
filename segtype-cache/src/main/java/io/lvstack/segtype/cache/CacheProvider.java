package io.lvstack.segtype.cache;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/**
 * Registers LVM2's {@code cache-pool} and {@code cache} ({@code lib/cache_segtype/cache.c}) and
 * {@code writecache} ({@code lib/writecache/writecache.c}) segment types.
 */
@AutoService(SegmentTypeProvider.class)
public final class CacheProvider implements SegmentTypeProvider {
    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return "cache";
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(CacheProvider.class);
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return List.of(new CachePoolSegmentType(), new CacheSegmentType(), new WritecacheSegmentType());
    }
}
