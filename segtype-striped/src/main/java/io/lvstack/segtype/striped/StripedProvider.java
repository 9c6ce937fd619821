package io.lvstack.segtype.striped;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/** Registers the {@code striped} segment type. Setting: {@code stripe_size} in sectors (default 128). */
@AutoService(SegmentTypeProvider.class)
public final class StripedProvider implements SegmentTypeProvider {
    /** LVM2's default stripe size, 64 KiB. */
    static final long DEFAULT_STRIPE_SIZE = 128;

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
    public java.util.Map<String, String> settingDefaults() {
        return java.util.Map.of("stripe_size", Long.toString(DEFAULT_STRIPE_SIZE));
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return List.of(new StripedSegmentType(settings.getLong("stripe_size", DEFAULT_STRIPE_SIZE)));
    }
}
