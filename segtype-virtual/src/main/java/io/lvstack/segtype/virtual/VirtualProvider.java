package io.lvstack.segtype.virtual;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/** Registers LVM2's virtual segment types {@code error} and {@code zero}. It has no settings. */
@AutoService(SegmentTypeProvider.class)
public final class VirtualProvider implements SegmentTypeProvider {
    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return "virtual";
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(VirtualProvider.class);
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return List.of(new VirtualSegmentType("error"), new VirtualSegmentType("zero"));
    }
}
