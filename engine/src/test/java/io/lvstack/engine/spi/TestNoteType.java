package io.lvstack.engine.spi;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
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
import java.util.Set;

/**
 * A striped segment that also names LVs in a field of its own ({@code notes = ["a", "b"]}) without
 * using them, as a thin pool's pending messages name thin LVs; it exists only in tests.
 */
final class TestNoteType implements SegmentType {
    static final ReferenceRole NOTES = ReferenceRole.named("notes");

    @Override
    public String name() {
        return "testnote";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.of(SegmentCapability.AREAS_STRIPED);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(NOTES);
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        Map<ReferenceRole, String> notes = new LinkedHashMap<>();
        List<String> names = segment.optStringList("notes").orElse(List.of());
        for (int i = 0; i < names.size(); i++) {
            notes.put(NOTES.at(i), names.get(i));
        }
        return new DecodedSegment("stripes", (int) segment.requireInt("stripe_count"), TypeFields.NONE, notes);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        out.integer("stripe_count", segment.areaCount());
        out.areas("stripes");
        List<String> names = segment.references(NOTES).stream().map(LvView::name).toList();
        if (!names.isEmpty()) {
            out.strings("notes", names, 2);
        }
    }
}
