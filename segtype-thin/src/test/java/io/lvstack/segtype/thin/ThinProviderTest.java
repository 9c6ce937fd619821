package io.lvstack.segtype.thin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.SegmentTypeContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin keeps the SPI's contract on segments as LVM2 wrote them ({@code lvm2-vm/thin.vg});
 * its corpus tests, which need an engine, are the engine's ({@code ThinCorpusTest}).
 */
class ThinProviderTest {
    private final List<SegmentType> types = new ThinProvider().segmentTypes(PluginSettings.empty());

    @Test
    void providesThinPoolAndThin() {
        assertEquals(List.of("thin-pool", "thin"), types.stream().map(SegmentType::name).toList());
    }

    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new ThinProvider());
        SegmentTypeContract.check(types.get(0), ConfigSectionBuilder.segment("segment1", 0, 40, "thin-pool")
                .string("metadata", "pool_tmeta").string("pool", "pool_tdata").integer("transaction_id", 6)
                .integer("chunk_size", 128).string("discards", "passdown").integer("zero_new_blocks", 1).build());
        // thin's own sample cannot be checked alone: validate rightly asks that its thin_pool LV be a
        // thin pool, which the contract's fake LVs are not; ThinCorpusTest checks it in an engine
    }
}
