package org.example.lvstack.cachepool;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/** Registers LVM2's {@code cache-pool} segment type. It has no settings. */
@AutoService(SegmentTypeProvider.class)
public final class CachePoolProvider implements SegmentTypeProvider {

    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return CachePoolSegmentType.NAME;
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(CachePoolProvider.class);
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return List.of(new CachePoolSegmentType());
    }
}
