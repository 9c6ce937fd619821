package io.lvstack.engine.spi;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.DeviceTable;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's thin pool, just enough for device-mapper tables, existing only in tests: the data LV
 * ({@code pool}) is area 0, the metadata LV a role. A pool in use ({@code transaction_id} above
 * 0) puts its {@code thin-pool} line on a {@code -tpool} layer and is itself {@code linear} over
 * it; a new pool is the {@code thin-pool} device itself.
 */
final class TestThinPoolType implements SegmentType {
    static final ReferenceRole METADATA = ReferenceRole.of("metadata");
    static final String TPOOL = "tpool";

    record Fields(long transactionId, long chunkSize, String discards, boolean zeroNewBlocks) implements TypeFields {
    }

    @Override
    public String name() {
        return "thin-pool";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.of(SegmentCapability.POOL);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(METADATA);
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        Fields f = new Fields(segment.requireInt("transaction_id"), segment.requireInt("chunk_size"),
                segment.optString("discards").orElse("passdown"), segment.optInt("zero_new_blocks").orElse(1L) != 0);
        return DecodedSegment.named(List.of(new DecodedSegment.NamedArea(segment.requireString("pool"), 0)), f,
                Map.of(METADATA, segment.requireString("metadata")));
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        Fields f = (Fields) segment.fields();
        out.string("metadata", segment.reference(METADATA).orElseThrow().name());
        out.string("pool", ((Area.OnLv) segment.area(0).orElseThrow()).lv().name());
        out.integer("transaction_id", f.transactionId());
        out.integer("chunk_size", f.chunkSize());
        out.string("discards", f.discards());
        out.integer("zero_new_blocks", f.zeroNewBlocks() ? 1 : 0);
    }

    /** {@code thin-pool <meta> <data> <chunk> <low_water_mark> <#features> [features]}, low water mark 0 (threshold 100). */
    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        Fields f = (Fields) segment.fields();
        List<String> features = new ArrayList<>();
        if (!f.zeroNewBlocks()) {
            features.add("skip_block_zeroing");
        }
        if (f.discards().equals("ignore")) {
            features.add("ignore_discard");
        }
        if (f.discards().equals("nopassdown")) {
            features.add("no_discard_passdown");
        }
        LvView data = ((Area.OnLv) segment.area(0).orElseThrow()).lv();
        StringBuilder line = new StringBuilder("thin-pool ").append(context.lvDevice(segment.reference(METADATA).orElseThrow()))
                .append(' ').append(context.lvDevice(data)).append(' ').append(f.chunkSize()).append(" 0 ")
                .append(features.size());
        for (String feature : features) {
            line.append(' ').append(feature);
        }
        return Optional.of(line.toString());
    }

    /** Whether {@code pool} is in use, so that its thin-pool line is on {@code -tpool}. */
    static boolean layered(LvView pool) {
        return ((Fields) pool.segments().get(0).fields()).transactionId() > 0;
    }

    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        if (lv.segments().isEmpty() || !lv.segments().get(0).type().name().equals(name()) || !layered(lv)) {
            return Optional.empty();
        }
        return Optional.of(DeviceLayout.top(DeviceTable.line(lv.extentCount() * context.extentSize(),
                "linear " + context.layerDevice(lv, TPOOL) + " 0")).withLayer(TPOOL, DeviceTable.segments()));
    }
}
