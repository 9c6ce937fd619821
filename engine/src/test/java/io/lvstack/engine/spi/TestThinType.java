package io.lvstack.engine.spi;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.DeviceTable;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's thin LV, just enough for device-mapper tables, existing only in tests: no areas, the
 * pool, a thin origin and an external origin by role. Its line names the pool's {@code -tpool}
 * layer (or the pool when new) and the external origin's {@code -real} layer; the external
 * origin holds its own segments on {@code -real} and is {@code linear} over it when active.
 */
final class TestThinType implements SegmentType {
    static final ReferenceRole POOL = ReferenceRole.of("thin_pool");
    static final ReferenceRole ORIGIN = ReferenceRole.of("origin");
    static final ReferenceRole EXTERNAL = ReferenceRole.of("external_origin");

    record Fields(long transactionId, long deviceId) implements TypeFields {
    }

    @Override
    public String name() {
        return "thin";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.of(SegmentCapability.VIRTUAL);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(POOL, ORIGIN, EXTERNAL);
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        Map<ReferenceRole, String> refs = new LinkedHashMap<>();
        refs.put(POOL, segment.requireString("thin_pool"));
        segment.optString("origin").ifPresent(o -> refs.put(ORIGIN, o));
        segment.optString("external_origin").ifPresent(o -> refs.put(EXTERNAL, o));
        return new DecodedSegment(null, 0, new Fields(segment.requireInt("transaction_id"),
                segment.requireInt("device_id")), refs);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        Fields f = (Fields) segment.fields();
        out.string("thin_pool", segment.reference(POOL).orElseThrow().name());
        out.integer("transaction_id", f.transactionId());
        out.integer("device_id", f.deviceId());
        segment.reference(ORIGIN).ifPresent(o -> out.string("origin", o.name()));
        segment.reference(EXTERNAL).ifPresent(o -> out.string("external_origin", o.name()));
    }

    /** {@code thin <pool -tpool> <device_id> [<external origin -real>]}. */
    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        LvView pool = segment.reference(POOL).orElseThrow();
        String line = "thin " + (TestThinPoolType.layered(pool) ? context.layerDevice(pool, TestThinPoolType.TPOOL)
                : context.lvDevice(pool)) + " " + ((Fields) segment.fields()).deviceId();
        Optional<LvView> external = segment.reference(EXTERNAL);
        if (external.isPresent()) {
            line += " " + context.layerDevice(external.get(), "real");
        }
        return Optional.of(line);
    }

    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        for (SegmentView user : lv.users()) {
            if (user.type().name().equals(name()) && user.reference(EXTERNAL).orElse(null) == lv) {
                return Optional.of(DeviceLayout.top(DeviceTable.line(lv.extentCount() * context.extentSize(),
                        "linear " + context.layerDevice(lv, "real") + " 0")).withLayer("real", DeviceTable.segments()));
            }
        }
        return Optional.empty();
    }
}
