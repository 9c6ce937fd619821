package io.lvstack.segtype.striped;

import io.lvstack.api.MetadataException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's {@code striped} segment type ({@code lib/striped/striped.c}), which also carries every
 * linear LV: tools write a linear segment as {@code type = "striped"} with one stripe, and
 * reports call it {@code linear}.
 */
public final class StripedSegmentType implements SegmentType {
    /** Largest stripe count LVM2 allows ({@code MAX_STRIPES}). */
    static final int MAX_STRIPES = 128;

    private static final Set<SegmentCapability> CAPABILITIES = EnumSet.of(SegmentCapability.AREAS_STRIPED,
            SegmentCapability.CAN_SPLIT, SegmentCapability.PLAIN);

    private final long defaultStripeSize;

    /** @param defaultStripeSize sectors, for new segments made without {@code -I} */
    public StripedSegmentType(long defaultStripeSize) {
        this.defaultStripeSize = defaultStripeSize;
    }

    @Override
    public String name() {
        return "striped";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        long stripes = segment.requireInt("stripe_count");
        if (stripes < 1 || stripes > MAX_STRIPES) {
            throw new MetadataException(segment.lineOf("stripe_count"), "stripe_count " + stripes + " of "
                    + segment.key() + " is outside 1.." + MAX_STRIPES);
        }
        long stripeSize = 0;
        if (stripes != 1) {
            stripeSize = segment.optInt("stripe_size").orElseThrow(() -> segment.missing("stripe_size", "an integer"));
            if (stripeSize < 0) {
                throw new MetadataException(segment.lineOf("stripe_size"), "stripe_size " + stripeSize + " of "
                        + segment.key() + " is negative");
            }
        }
        return DecodedSegment.of("stripes", (int) stripes, new StripedFields(stripeSize));
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        if (segment.areaCount() == 1) {
            out.integer("stripe_count", 1, "linear");
        } else {
            out.integer("stripe_count", segment.areaCount());
            out.size("stripe_size", fields(segment).stripeSize());
        }
        out.areas("stripes");
    }

    @Override
    public long stripeSize(SegmentView segment) {
        return fields(segment).stripeSize();
    }

    @Override
    public String displayName(SegmentView segment) {
        return segment.areaCount() == 1 ? "linear" : name();
    }

    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        int n = segment.areaCount();
        if (n == 0) {
            problems.error("Zero areas not allowed");
        } else if (segment.len() % n != 0) {
            problems.error("stripe count " + n + " does not divide the length " + segment.len());
        }
        if (n > 1 && fields(segment).stripeSize() == 0) {
            problems.error("stripe size is zero");
        }
    }

    /** LVM2's {@code _striped_merge_segments}: same stripes, all areas on PVs, contiguous. */
    @Override
    public boolean canMerge(SegmentView first, SegmentView second) {
        if (first.areaCount() != second.areaCount()
                || fields(first).stripeSize() != fields(second).stripeSize()
                || !first.tags().equals(second.tags())) {
            return false;
        }
        for (int i = 0; i < first.areaCount(); i++) {
            Optional<Area> a = first.area(i);
            Optional<Area> b = second.area(i);
            if (a.isEmpty() || b.isEmpty() || !(a.get() instanceof Area.OnPv pa) || !(b.get() instanceof Area.OnPv pb)
                    || !Objects.equals(pa.pv(), pb.pv()) || pa.pe() + first.areaLen() != pb.pe()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        int n = segment.areaCount();
        if (n == 0 || segment.area(0).isEmpty()) {
            return Optional.empty();
        }
        if (n == 1) {
            return Optional.of("linear " + context.device(segment.area(0).get(), 0));
        }
        StringBuilder line = new StringBuilder("striped ").append(n).append(' ').append(fields(segment).stripeSize());
        for (int i = 0; i < n; i++) {
            Optional<Area> a = segment.area(i);
            if (a.isEmpty()) {
                return Optional.empty();
            }
            line.append(' ').append(context.device(a.get(), 0));
        }
        return Optional.of(line.toString());
    }

    private static StripedFields fields(SegmentView segment) {
        return (StripedFields) segment.fields();
    }

    /** LVM2 calls an LV linear and/or striped, in that order, when nothing else describes it. */
    @Override
    public void describe(LvView lv, LvTraits traits) {
        boolean linear = false;
        boolean striped = false;
        for (SegmentView s : lv.segments()) {
            if (s.type().has(SegmentCapability.AREAS_STRIPED)) {
                linear |= s.areaCount() == 1;
                striped |= s.areaCount() != 1;
            }
        }
        if (linear) {
            traits.fallbackLayout("linear");
        }
        if (striped) {
            traits.fallbackLayout("striped");
        }
    }

    /** {@code stripes} stripes of the asked size, or of the configured default for more than one. */
    @Override
    public Optional<NewSegment> newSegment(int areaCount, SegmentOptions options) {
        if (areaCount < 1 || areaCount > MAX_STRIPES || options.moving()) {
            return Optional.empty();
        }
        long size = areaCount == 1 ? 0 : options.stripeSize() != null ? options.stripeSize() : defaultStripeSize;
        return Optional.of(new NewSegment(new StripedFields(size), size, 0));
    }
}
