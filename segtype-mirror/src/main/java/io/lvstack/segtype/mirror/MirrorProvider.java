package io.lvstack.segtype.mirror;

import com.google.auto.service.AutoService;
import io.lvstack.api.LvstackException;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/**
 * Registers the {@code mirror} segment type. Setting: {@code region_size} in sectors, a power of
 * two (default 4096, LVM2 2.03's 2 MiB).
 */
@AutoService(SegmentTypeProvider.class)
public final class MirrorProvider implements SegmentTypeProvider {
    static final long DEFAULT_REGION_SIZE = 4096;

    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return "mirror";
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(MirrorProvider.class);
    }

    @Override
    public java.util.Map<String, String> settingDefaults() {
        return java.util.Map.of("region_size", Long.toString(DEFAULT_REGION_SIZE));
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        long region = settings.getLong("region_size", DEFAULT_REGION_SIZE);
        if (region <= 0 || Long.bitCount(region) != 1) {
            throw new LvstackException("setting segtype.mirror.region_size = " + region
                    + " must be a power of two number of sectors");
        }
        return List.of(new MirrorSegmentType(region));
    }
}
