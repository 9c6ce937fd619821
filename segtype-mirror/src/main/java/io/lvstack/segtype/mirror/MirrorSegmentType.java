package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.MetadataException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.report.LvTraits;
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
 * LVM2's classic {@code mirror} segment type ({@code lib/mirror/mirrored.c}): every area is a
 * full copy; an optional log LV (the {@link #LOG} role; absent means a core log); pvmove uses it
 * with PV areas and {@code extents_moved}. Mirror segments neither merge nor split, as in LVM2.
 */
public final class MirrorSegmentType implements SegmentType {
    /** The mirror log. */
    public static final ReferenceRole LOG = ReferenceRole.of("log");

    /** Largest mirror count LVM2 allows ({@code MAX_STRIPES} areas). */
    static final int MAX_AREAS = 128;

    private static final Set<SegmentCapability> CAPABILITIES = EnumSet.of(SegmentCapability.AREAS_MIRRORED);

    /** The counter that lets one pvmove segment of an LV run at a time. */
    private static final String PVMOVE_RUNNING = "mirror.pvmove-running";

    private final long defaultRegionSize;
    private final LinkHook hook = new MirrorLinkHook(this);
    private final LvCreator creator = new MirrorCreator();
    private final LvConverter converter = new MirrorConverter(name());
    private static final LvResizer RESIZER = new MirrorResizer();

    /** @param defaultRegionSize sectors, for operations that create mirrors */
    public MirrorSegmentType(long defaultRegionSize) {
        this.defaultRegionSize = defaultRegionSize;
    }

    public long defaultRegionSize() {
        return defaultRegionSize;
    }

    @Override
    public String name() {
        return "mirror";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(LOG);
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        long count = segment.requireInt("mirror_count");
        if (count < 1 || count > MAX_AREAS) {
            throw new MetadataException(segment.lineOf("mirror_count"), "mirror_count " + count + " of "
                    + segment.key() + " is outside 1.." + MAX_AREAS);
        }
        Long moved = segment.optInt("extents_moved").orElse(null);
        Optional<String> log = segment.optString("mirror_log");
        Optional<Long> region = segment.optInt("region_size");
        if (log.isPresent() && region.isEmpty()) {
            throw new MetadataException(segment.line(), "Missing region size for mirror log in " + segment.key());
        }
        if (region.isPresent() && region.get() < 0) {
            throw new MetadataException(segment.lineOf("region_size"), "region_size " + region.get() + " of "
                    + segment.key() + " is negative");
        }
        Map<ReferenceRole, String> refs = new LinkedHashMap<>();
        log.ifPresent(name -> refs.put(LOG, name));
        return new DecodedSegment("mirrors", (int) count, new MirrorFields(region.orElse(0L), moved), refs);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        MirrorFields f = fields(segment);
        out.integer("mirror_count", segment.areaCount());
        if (f.extentsMoved() != null) {
            out.size("extents_moved", f.extentsMoved());
        }
        segment.reference(LOG).ifPresent(log -> out.string("mirror_log", log.name()));
        if (f.regionSize() != 0) {
            out.integer("region_size", f.regionSize());
        }
        out.areas("mirrors");
    }

    @Override
    public long regionSize(SegmentView segment) {
        return fields(segment).regionSize();
    }

    /** LVM2's mirror rules of {@code _check_lv_segment}, in its words. */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        MirrorFields f = fields(segment);
        LvView lv = segment.lv();
        if (f.pvmove()) {
            return;
        }
        if (f.regionSize() == 0) {
            problems.error("region size is zero");
        } else {
            if (!lv.name().contains("_mlog") && f.regionSize() > lv.extentCount() * lv.extentSize()) {
                problems.error("region size is bigger then LV itself");
            }
            if (Long.bitCount(f.regionSize()) != 1) {
                problems.error("region size is non power of 2");
            }
        }
        for (int i = 0; i < segment.areaCount(); i++) {
            if (segment.area(i).orElse(null) instanceof Area.OnLv leg && leg.lv().extentCount() != segment.areaLen()) {
                problems.lvError("mirrored LV segment " + i + " has wrong size " + leg.lv().extentCount()
                        + " (should be " + segment.areaLen() + ")");
            }
        }
    }

    /**
     * LVM2's {@code _mirrored_add_target_line} and libdm's mirror line. Of a pvmove LV's segments,
     * those whose extents are all moved map the destination (area 1) linearly, the first one
     * not yet moved runs as a mirror with a core log, and the rest map the source (area 0); a
     * mirror with one area (mid-conversion) is linear too.
     */
    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        MirrorFields f = fields(segment);
        int end = segment.areaCount();
        int start = 0;
        boolean running = end > 1;
        if (f.pvmove()) {
            if (f.extentsMoved() == segment.areaLen()) {
                running = false;
                start = 1;
            } else if (context.countInLv(PVMOVE_RUNNING) > 0) {
                running = false;
                end = 1;
            }
        }
        if (start >= end) {
            throw new LvstackException("pvmove segment " + segment.le() + " of " + segment.lv().name()
                    + " is complete but has no destination area");
        }
        StringBuilder line = new StringBuilder(running ? "mirror " : "linear ");
        if (running) {
            appendLog(line, segment, f, context);
            line.append(' ').append(end - start).append(' ');
        }
        for (int i = start; i < end; i++) {
            line.append(i > start ? " " : "").append(context.device(segment.area(i).orElseThrow(), 0));
        }
        if (running && handlesErrors(f, context)) {
            line.append(" 1 handle_errors");
        }
        return Optional.of(line.toString());
    }

    /**
     * {@code core|disk #args [log device] region [nosync]}: the count is the region plus one for
     * nosync and, for a disk log, one for its device; handle_errors is a feature at the end.
     */
    private void appendLog(StringBuilder line, SegmentView segment, MirrorFields f, TargetContext context) {
        long region = f.pvmove() ? pvmoveRegionSize(segment, context.extentSize()) : f.regionSize();
        if (region == 0) {
            throw new LvstackException("Missing region size for mirror segment.");
        }
        boolean nosync = context.nosync() && !f.pvmove();
        Optional<LvView> log = segment.reference(LOG);
        int args = 1 + (nosync ? 1 : 0) + (log.isPresent() ? 1 : 0);
        line.append(log.isPresent() ? "disk " : "core ").append(args);
        log.ifPresent(l -> line.append(' ').append(context.lvDevice(l)));
        line.append(' ').append(region);
        if (nosync) {
            line.append(" nosync");
        }
    }

    /** LVM2 asks the kernel to handle errors only for monitored mirrors, never for pvmove. */
    private static boolean handlesErrors(MirrorFields f, TargetContext context) {
        return context.monitoring() && !f.pvmove();
    }

    /**
     * pvmove's region is not taken from metadata: the default region size, reduced when larger
     * than the segment to the largest power of two that fits (LVM2's
     * {@code adjusted_mirror_region_size}).
     */
    long pvmoveRegionSize(SegmentView segment, long extentSize) {
        long max = segment.areaLen() * extentSize;
        if (max < 0xFFFFFFFFL && defaultRegionSize > max) {
            return Long.highestOneBit(max);
        }
        return defaultRegionSize;
    }

    @Override
    public void describe(LvView lv, LvTraits traits) {
        MirrorDescription.describe(this, lv, traits);
    }

    /** {@code lvcreate --type mirror}: the top LV, its images and its log ({@link MirrorOps#createMirror}). */
    @Override
    public Optional<LvCreator> creator() {
        return Optional.of(creator);
    }

    /** Mirror conversions of {@code lvconvert} ({@link MirrorConverter}). */
    @Override
    public Optional<LvConverter> converter() {
        return Optional.of(converter);
    }

    /** {@code lvextend} of a mirror ({@link MirrorResizer}). */
    @Override
    public Optional<LvResizer> resizer() {
        return Optional.of(RESIZER);
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(hook);
    }

    private static MirrorFields fields(SegmentView segment) {
        return (MirrorFields) segment.fields();
    }

    /**
     * A mirror of {@code areaCount} legs with the asked region size or the configured default; a
     * moving segment is pvmove's 2-way mirror (source, destination) with nothing moved yet.
     */
    @Override
    public Optional<NewSegment> newSegment(int areaCount, SegmentOptions options) {
        if (areaCount < 1 || areaCount > MAX_AREAS || (options.moving() && areaCount != 2)) {
            return Optional.empty();
        }
        long region = options.regionSize() != null ? options.regionSize() : defaultRegionSize;
        return Optional.of(new NewSegment(new MirrorFields(region, options.moving() ? 0L : null), 0, region));
    }
}
