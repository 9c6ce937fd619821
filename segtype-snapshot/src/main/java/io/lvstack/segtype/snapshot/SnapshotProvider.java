package io.lvstack.segtype.snapshot;

import com.google.auto.service.AutoService;
import io.lvstack.api.PluginInfo;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import java.util.List;

/** Registers LVM2's old-style copy-on-write {@code snapshot} segment type. */
@AutoService(SegmentTypeProvider.class)
public final class SnapshotProvider implements SegmentTypeProvider {
    @Override
    public SpiVersion spiVersion() {
        return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public String pluginName() {
        return "snapshot";
    }

    @Override
    public String pluginVersion() {
        return PluginInfo.versionOf(SnapshotProvider.class);
    }

    @Override
    public List<SegmentType> segmentTypes(PluginSettings settings) {
        return List.of(new SnapshotSegmentType());
    }
}
