package io.lvstack.segtype.thin;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/** Registers LVM2's {@code thin-pool} and {@code thin} segment types ({@code lib/thin/thin.c}). */
@AutoService(SegmentTypeProvider.class)
public final class ThinProvider implements SegmentTypeProvider {
    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return "thin";
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(ThinProvider.class);
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        ThinPoolSegmentType pool = new ThinPoolSegmentType();
        return List.of(pool, new ThinSegmentType(pool));
    }
}
