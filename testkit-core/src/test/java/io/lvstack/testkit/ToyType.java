package io.lvstack.testkit;

import io.lvstack.api.MetadataException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small mirror-like type for the kit's own tests, keeping every rule of the contract: legs in
 * the {@code legs} areas array, an optional log LV in the {@code log} role, a region size. Tests
 * break one rule at a time by overriding one method.
 */
class ToyType implements SegmentType {
    static final ReferenceRole LOG = ReferenceRole.of("log");
    static final LvMark LEG = LvMark.component("toy_leg", "used by a toy");
    static final LvMark LOG_MARK = LvMark.component("toy_log", "used as toy log");

    /** The toy's fields, whatever their class (tests make one without equals). */
    interface Region extends TypeFields {
        long region();
    }

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.of(SegmentCapability.AREAS_MIRRORED);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(LOG);
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        long count = segment.requireInt("toy_count");
        if (count < 1 || count > 8) {
            throw new MetadataException(segment.lineOf("toy_count"), "toy_count " + count + " is outside 1..8");
        }
        long region = segment.optInt("region").orElse(0L);
        Map<ReferenceRole, String> refs = segment.optString("toy_log").map(l -> Map.of(LOG, l)).orElse(Map.of());
        return new DecodedSegment("legs", (int) count, new ToyFields(region), refs);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        out.integer("toy_count", segment.areaCount());
        segment.reference(LOG).ifPresent(log -> out.string("toy_log", log.name()));
        long region = regionSize(segment);
        if (region != 0) {
            out.size("region", region);
        }
        out.areas("legs");
    }

    @Override
    public long regionSize(SegmentView segment) {
        return ((Region) segment.fields()).region();
    }

    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        if (Long.bitCount(regionSize(segment)) != 1) {
            problems.error("region size is non power of 2");
        }
        for (int i = 0; i < segment.areaCount(); i++) {
            if (segment.area(i).orElse(null) instanceof Area.OnLv leg && leg.lv().extentCount() != segment.areaLen()) {
                problems.lvError("leg " + i + " has wrong size " + leg.lv().extentCount());
            }
        }
    }

    @Override
    public void describe(LvView lv, LvTraits traits) {
        for (SegmentView s : lv.segments()) {
            if (s.type() == this) {
                traits.layout("toy");
                traits.attr(LvTraits.VOLUME_TYPE, 't', 40);
                s.reference(LOG).ifPresent(log -> traits.field("toy_log", new FieldValue.Lv(log)));
            }
        }
        if (lv.has(LEG)) {
            traits.role("toy");
            traits.role("leg");
            traits.attr(LvTraits.VOLUME_TYPE, 'i', 15);
        }
    }

    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        StringBuilder line = new StringBuilder("toy ").append(segment.areaCount());
        for (int i = 0; i < segment.areaCount(); i++) {
            line.append(' ').append(context.device(segment.area(i).orElseThrow(), 0));
        }
        segment.reference(LOG).ifPresent(log -> line.append(" log ").append(context.lvDevice(log)));
        return Optional.of(line.toString());
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(new LinkHook() {
            @Override
            public void linked(LinkEvent event, MarkEditor marks) {
                marks.set(event.used(), mark(event.via()));
            }

            @Override
            public void unlinked(LinkEvent event, MarkEditor marks) {
                if (!stillUsed(event.used(), event.via())) {
                    marks.clear(event.used(), mark(event.via()));
                }
            }
        });
    }

    private static LvMark mark(Via via) {
        return via instanceof Via.AreaSlot ? LEG : LOG_MARK;
    }

    private boolean stillUsed(LvView lv, Via via) {
        for (SegmentView user : lv.users()) {
            if (user.type() != this) {
                continue;
            }
            if (via instanceof Via.RoleSlot) {
                if (user.reference(LOG).orElse(null) == lv) {
                    return true;
                }
            } else {
                for (int i = 0; i < user.areaCount(); i++) {
                    if (user.area(i).orElse(null) instanceof Area.OnLv on && on.lv() == lv) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
