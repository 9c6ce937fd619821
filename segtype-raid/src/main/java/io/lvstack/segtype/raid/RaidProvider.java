package io.lvstack.segtype.raid;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/**
 * Registers LVM2's raid levels ({@code lib/raid/raid.c}, every name of {@link RaidLevel}) and
 * {@code integrity} ({@code lib/integrity/integrity.c}).
 */
@AutoService(SegmentTypeProvider.class)
public final class RaidProvider implements SegmentTypeProvider {
    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return "raid";
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(RaidProvider.class);
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return new RaidTypes().all();
    }
}
