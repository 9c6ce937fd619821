package io.lvstack.segtype.linear;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/** Registers {@code linear}, and {@code striped} with one stripe as a fallback. */
@AutoService(SegmentTypeProvider.class)
public final class LinearProvider implements SegmentTypeProvider {
    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return "linear";
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(LinearProvider.class);
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return List.of(new LinearSegmentType("linear", false), new LinearSegmentType("striped", true));
    }
}
