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
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's raid levels, just enough to read and write them, existing only in tests: the images are
 * the areas (named in {@code raids} or {@code raid0_lvs}), the metadata LVs a list role, one per
 * area; each image holds what the level's geometry says (parity, copies), not {@code len} or
 * {@code len / n}.
 */
final class TestRaidType implements SegmentType {
    static final ReferenceRole META = ReferenceRole.list("meta");
    static final LvMark IMAGE = LvMark.component("test_raid_image", "used by a raid LV");
    static final LvMark METADATA = LvMark.component("test_raid_meta", "used by a raid LV");

    /** The fields as written; 0 for a key the segment does not have. */
    record Fields(long deviceCount, long dataCopies, long regionSize, long stripeSize) implements TypeFields {
    }

    private final String level;

    TestRaidType(String level) {
        this.level = level;
    }

    @Override
    public String name() {
        return level;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.noneOf(SegmentCapability.class);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(META);
    }

    private boolean raid0() {
        return level.equals("raid0");
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        if (raid0()) {
            List<String> images = segment.optStringList("raid0_lvs").orElseThrow();
            Fields f = new Fields(segment.requireInt("stripe_count"), 0, 0, segment.optInt("stripe_size").orElse(0L));
            return DecodedSegment.named(images.stream().map(n -> new DecodedSegment.NamedArea(n, 0)).toList(), f,
                    Map.of());
        }
        List<String> raids = segment.optStringList("raids").orElseThrow();
        Fields f = new Fields(segment.requireInt("device_count"), segment.optInt("data_copies").orElse(0L),
                segment.optInt("region_size").orElse(0L), segment.optInt("stripe_size").orElse(0L));
        List<DecodedSegment.NamedArea> images = new ArrayList<>();
        Map<ReferenceRole, String> metas = new LinkedHashMap<>();
        for (int i = 0; i < raids.size() / 2; i++) {
            metas.put(META.at(i), raids.get(2 * i));
            images.add(new DecodedSegment.NamedArea(raids.get(2 * i + 1), 0));
        }
        return DecodedSegment.named(images, f, metas);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        Fields f = (Fields) segment.fields();
        List<String> images = new ArrayList<>();
        for (int i = 0; i < segment.areaCount(); i++) {
            images.add(((Area.OnLv) segment.area(i).orElseThrow()).lv().name());
        }
        if (raid0()) {
            out.integer("stripe_count", f.deviceCount());
            out.integer("stripe_size", f.stripeSize());
            out.strings("raid0_lvs", images, 1);
            return;
        }
        out.integer("device_count", f.deviceCount());
        if (f.dataCopies() != 0) {
            out.integer("data_copies", f.dataCopies());
        }
        out.integer("region_size", f.regionSize());
        if (f.stripeSize() != 0) {
            out.integer("stripe_size", f.stripeSize());
        }
        List<LvView> metas = segment.references(META);
        List<String> raids = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            raids.add(metas.get(i).name());
            raids.add(images.get(i));
        }
        out.strings("raids", raids, 2);
    }

    /** LVM2's {@code _raid_area_len}: parity and copies are not data. */
    @Override
    public long areaLength(long len, int areaCount, TypeFields fields) {
        long copies = fields instanceof Fields f && f.dataCopies() > 0 ? f.dataCopies() : 2;
        return switch (level) {
            case "raid1" -> len;
            case "raid0" -> len / areaCount;
            case "raid4", "raid5" -> len / (areaCount - 1);
            case "raid6" -> len / (areaCount - 2);
            case "raid10" -> len * copies / areaCount;
            default -> throw new IllegalStateException("no such test raid level " + level);
        };
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(new LinkHook() {
            @Override
            public void linked(LinkEvent event, MarkEditor marks) {
                marks.set(event.used(), event.via() instanceof Via.AreaSlot ? IMAGE : METADATA);
            }

            @Override
            public void unlinked(LinkEvent event, MarkEditor marks) {
                marks.clear(event.used(), event.via() instanceof Via.AreaSlot ? IMAGE : METADATA);
            }
        });
    }
}
