package io.lvstack.engine.spi;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
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
import io.lvstack.api.ops.LvCreator;
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
 * A segment type that exists only in tests, so that the engine's generic handling of marks and
 * report traits is tested without any real type: a pool with a data LV in area 0 and a metadata
 * LV in a role, both marked as components.
 */
final class TestPoolType implements SegmentType {
    private final LvCreator creator;

    /** A pool type without {@code lvcreate --type testpool}. */
    TestPoolType() {
        this(null);
    }

    /** A pool type whose lvcreate is what {@code creator} makes for it (null for none). */
    TestPoolType(java.util.function.Function<SegmentType, LvCreator> creator) {
        this.creator = creator == null ? null : creator.apply(this);
    }

    @Override
    public Optional<LvCreator> creator() {
        return Optional.ofNullable(creator);
    }

    static final ReferenceRole META_ROLE = ReferenceRole.of("meta");
    static final LvMark POOL = LvMark.of("test_pool");
    static final LvMark DATA = LvMark.component("test_data", "used by a test pool");
    static final LvMark META = LvMark.component("test_meta", "used as test metadata");

    @Override
    public String name() {
        return "testpool";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.of(SegmentCapability.POOL);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(META_ROLE);
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        return DecodedSegment.named(List.of(new DecodedSegment.NamedArea(segment.requireString("data"), 0)),
                TypeFields.NONE, Map.of(META_ROLE, segment.requireString("meta")));
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        out.string("data", ((Area.OnLv) segment.area(0).orElseThrow()).lv().name());
        out.string("meta", segment.reference(META_ROLE).orElseThrow().name());
    }

    @Override
    public void describe(LvView lv, LvTraits traits) {
        if (lv.has(POOL)) {
            traits.layout("test");
            traits.layout("pool");
            traits.attr(LvTraits.VOLUME_TYPE, 't', 25);
            traits.attr(LvTraits.TARGET_TYPE, 't', 60);
            traits.attr(LvTraits.ZERO, 'z', 1);
            traits.field("data_lv", new FieldValue.Lv(((Area.OnLv) lv.segments().get(0).area(0).orElseThrow()).lv()));
            traits.field("data_percent", new FieldValue.Text("0.00"));
            traits.countInVg("snap_count");
        }
        if (lv.has(DATA)) {
            traits.role("test");
            traits.role("data");
            // the highest priority wins, whatever the order
            traits.attr(LvTraits.VOLUME_TYPE, 'x', 5);
            traits.attr(LvTraits.VOLUME_TYPE, 'T', 20);
            traits.attr(LvTraits.VOLUME_TYPE, 'y', 1);
        }
        if (lv.has(META)) {
            traits.role("test");
            traits.role("meta");
            traits.attr(LvTraits.VOLUME_TYPE, 'e', 70);
        }
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(new LinkHook() {
            @Override
            public void linked(LinkEvent event, MarkEditor marks) {
                marks.set(event.used(), event.via() instanceof Via.AreaSlot ? DATA : META);
                marks.set(event.user().lv(), POOL);
            }

            @Override
            public void unlinked(LinkEvent event, MarkEditor marks) {
                marks.clear(event.used(), event.via() instanceof Via.AreaSlot ? DATA : META);
            }
        });
    }
}
