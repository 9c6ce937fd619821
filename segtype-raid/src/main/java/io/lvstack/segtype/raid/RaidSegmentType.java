package io.lvstack.segtype.raid;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One of LVM2's raid levels ({@code lib/raid/raid.c}): the images are the segment's areas, named
 * in {@code raids} (metadata LV, image pairs) or {@code raid0_lvs}; the metadata LVs are the
 * {@link #META} list role, one per area that has one. Images are whole LVs from LE 0, each as
 * long as the level's geometry says ({@link #areaLength}).
 */
public final class RaidSegmentType implements SegmentType {
    /** The metadata LVs ({@code _rmeta_N}), at the index of their image. */
    public static final ReferenceRole META = ReferenceRole.list("meta");
    /** LVM2's {@code DEFAULT_RAID_MAX_IMAGES} and {@code DEFAULT_RAID1_MAX_IMAGES}. */
    static final int MAX_AREAS = 64;

    private final RaidLevel level;
    private final RaidTypes types;
    private final LinkHook hook = new RaidLinkHook();

    RaidSegmentType(RaidLevel level, RaidTypes types) {
        this.level = level;
        this.types = types;
    }

    public RaidLevel level() {
        return level;
    }

    @Override
    public String name() {
        return level.typeName();
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.noneOf(SegmentCapability.class);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(META);
    }

    /**
     * LVM2's {@code area_len}: a raid0 image holds {@code len / areas}, a raid4/5/6 image
     * {@code ceil(len / data stripes)}, a raid10 image its share of the copies, a raid1 image all.
     */
    @Override
    public long areaLength(long len, int areaCount, TypeFields fields) {
        if (areaCount <= 0) {
            return len;
        }
        return switch (level.family()) {
            case RAID1 -> len;
            case RAID0 -> len / areaCount;
            case RAID4, RAID5, RAID6 -> {
                int data = areaCount - level.parityDevices();
                yield data > 0 ? (len + data - 1) / data : len;
            }
            case RAID10 -> {
                yield len * level.dataCopies(fields, areaCount) / areaCount;
            }
        };
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        return RaidText.decode(level, segment);
    }

    /** LVM2 looks a metadata LV up as it reads it, with the words it uses for an image. */
    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        return unresolvedArea(role.index(), target, segmentKey, lvName);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        RaidText.encode(level, segment, out);
    }

    @Override
    public long stripeSize(SegmentView segment) {
        return ((RaidFields) segment.fields()).stripeSize();
    }

    @Override
    public long regionSize(SegmentView segment) {
        return ((RaidFields) segment.fields()).regionSize();
    }

    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        RaidChecks.check(level, segment, problems);
    }

    @Override
    public void describe(LvView lv, LvTraits traits) {
        RaidDescription.describe(lv, traits);
    }

    /** LVM2's {@code _seg_len}: a reshape's free extents of every data image are no part of the table. */
    @Override
    public long tableExtents(SegmentView segment) {
        return segment.len() - (long) (segment.areaCount() - level.parityDevices()) * segment.reshapeLen();
    }

    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        return Optional.of(RaidTarget.line(level, segment, context));
    }

    /**
     * A raid1 segment of {@code areaCount} images with the asked or default region size, as a
     * generator or an operation that lays images itself makes it; other levels are made by their
     * creator only.
     */
    @Override
    public Optional<NewSegment> newSegment(int areaCount, SegmentOptions options) {
        if (level.family() != RaidLevel.Family.RAID1 || areaCount < 2 || areaCount > MAX_AREAS || options.moving()) {
            return Optional.empty();
        }
        long region = options.regionSize() != null ? options.regionSize() : RaidCreator.DEFAULT_REGION_SIZE;
        return Optional.of(new NewSegment(RaidFields.of(region, 0, 0), 0, region));
    }

    /** {@code lvcreate --type LEVEL} ({@link RaidCreator}). */
    @Override
    public Optional<LvCreator> creator() {
        return Optional.of(new RaidCreator(level, types));
    }

    /** {@code lvconvert} to raid and of raid LVs ({@link RaidConverter}). */
    @Override
    public Optional<LvConverter> converter() {
        return Optional.of(new RaidConverter(types));
    }

    /** {@code lvextend} of a raid LV ({@link RaidResizer}). */
    @Override
    public Optional<LvResizer> resizer() {
        return Optional.of(new RaidResizer(level));
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(hook);
    }
}
