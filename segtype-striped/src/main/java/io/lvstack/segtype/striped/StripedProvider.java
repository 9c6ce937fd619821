package io.lvstack.segtype.striped;

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
 * Registers the {@code striped} segment type, and declares the setting {@code stripe_size}: the
 * stripe size of its new segments made without {@code -I} ({@code lvcreate -i N}).
 */
@AutoService(SegmentTypeProvider.class)
public final class StripedProvider implements SegmentTypeProvider {
    /** {@code segtype.striped.stripe_size}. */
    static final Setting STRIPE_SIZE = new Setting("stripe_size",
            // LVM2's rule for a stripe size: a power of two, at least a 4 KiB page, below 2^32 sectors.
            SettingType.powerOfTwo(8, 1L << 31), "128",
            "The stripe size, in sectors, of a striped LV created without -I (LVM2's metadata/stripesize;"
                    + " 128 = 64 KiB).");

    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return "striped";
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(StripedProvider.class);
    }

    @Override
    public List<Setting> settings() {
        return List.of(STRIPE_SIZE);
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return List.of(new StripedSegmentType(settings.getLong(STRIPE_SIZE.key(), 128)));
    }
}
