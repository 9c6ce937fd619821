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
 * LVM2's old-style COW snapshot, just enough for device-mapper tables, existing only in tests:
 * the hidden {@code snapshotN} LV holds a segment with {@code origin}, {@code cow_store} and
 * {@code chunk_size} and no areas, and has no device; the origin becomes {@code snapshot-origin}
 * over its {@code -real} layer (its own segments); the COW LV becomes {@code snapshot} over the
 * origin's {@code -real} and its own {@code -cow} layer (its own segments), as long as the origin.
 * Segments are recognised by type name, so that tests may wrap the type.
 */
final class TestSnapshotType implements SegmentType {
    static final ReferenceRole ORIGIN = ReferenceRole.of("origin");
    static final ReferenceRole COW = ReferenceRole.of("cow_store");

    record Fields(long chunkSize) implements TypeFields {
    }

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.noneOf(SegmentCapability.class);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(ORIGIN, COW);
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        Map<ReferenceRole, String> refs = new LinkedHashMap<>();
        refs.put(ORIGIN, segment.requireString("origin"));
        refs.put(COW, segment.requireString("cow_store"));
        return new DecodedSegment(null, 0, new Fields(segment.requireInt("chunk_size")), refs);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        out.integer("chunk_size", ((Fields) segment.fields()).chunkSize());
        out.string("origin", segment.reference(ORIGIN).orElseThrow().name());
        out.string("cow_store", segment.reference(COW).orElseThrow().name());
    }

    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        for (SegmentView own : lv.segments()) {
            if (own.type().name().equals(name())) {
                return Optional.of(DeviceLayout.none());
            }
        }
        for (SegmentView user : lv.users()) {
            if (!user.type().name().equals(name())) {
                continue;
            }
            LvView origin = user.reference(ORIGIN).orElseThrow();
            if (user.reference(COW).orElseThrow() == lv) {
                String line = "snapshot " + context.layerDevice(origin, "real") + " " + context.layerDevice(lv, "cow")
                        + " P " + ((Fields) user.fields()).chunkSize();
                return Optional.of(DeviceLayout.top(DeviceTable.line(user.len() * context.extentSize(), line))
                        .withLayer("cow", DeviceTable.segments()));
            }
            if (origin == lv) {
                return Optional.of(DeviceLayout.top(DeviceTable.line(lv.extentCount() * context.extentSize(),
                        "snapshot-origin " + context.layerDevice(lv, "real"))).withLayer("real", DeviceTable.segments()));
            }
        }
        return Optional.empty();
    }
}
