package io.lvstack.segtype.mirror;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.Setting;
import io.lvstack.api.SettingType;
import io.lvstack.api.SpiVersion;
import java.util.List;

/**
 * Registers the {@code mirror} segment type, and declares the setting {@code region_size}: the
 * default region size of mirrors.
 */
@AutoService(SegmentTypeProvider.class)
public final class MirrorProvider implements SegmentTypeProvider {
    /** {@code segtype.mirror.region_size}. */
    static final Setting REGION_SIZE = new Setting("region_size",
            // LVM2's rule for a region size: a power of two, a multiple of a 4 KiB page.
            SettingType.powerOfTwo(8, 1L << 31), "4096",
            "The default region size of mirrors, in sectors (LVM2 2.03's activation/raid_region_size;"
                    + " 4096 = 2 MiB): of new mirrors without --regionsize, of pvmove's, and of their tables.");

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
    public List<Setting> settings() {
        return List.of(REGION_SIZE);
    }

    /** The engine has checked the value against {@link #REGION_SIZE}'s type. */
    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return List.of(new MirrorSegmentType(settings.getLong(REGION_SIZE.key(),
                Long.parseLong(REGION_SIZE.defaultValue()))));
    }
}
