package io.lvstack.segtype.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.SegmentTypeContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin keeps the SPI's contract on a segment as LVM2 wrote it ({@code lvm2-vm/snap.vg});
 * its corpus tests, which need an engine, are the engine's ({@code SnapshotCorpusTest}).
 */
class SnapshotProviderTest {
    private final List<SegmentType> types = new SnapshotProvider().segmentTypes(PluginSettings.empty());

    @Test
    void providesSnapshot() {
        assertEquals(List.of("snapshot"), types.stream().map(SegmentType::name).toList());
    }

    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new SnapshotProvider());
        SegmentTypeContract.check(types.get(0), ConfigSectionBuilder.segment("segment1", 0, 12, "snapshot")
                .integer("chunk_size", 8).string("origin", "origin").string("cow_store", "snap1").build());
    }
}
