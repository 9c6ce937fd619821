package io.lvstack.segtype.linear;

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
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A segment with exactly one area, mapped straight through. Serves two names:
 * <ul>
 * <li>{@code linear}: the literal type LVM2 also accepts (a distinct segtype object that never
 * merges with {@code striped});</li>
 * <li>{@code striped}, as a <i>fallback</i>: LVM2 writes every linear segment as
 * {@code type = "striped"} with {@code stripe_count = 1}. When the striped plugin is loaded it
 * owns that name; without it this type reads the one-stripe sections, and a section with more
 * stripes is kept as an unknown segment.</li>
 * </ul>
 */
public final class LinearSegmentType implements SegmentType {
    private static final Set<SegmentCapability> LINEAR = EnumSet.of(SegmentCapability.AREAS_STRIPED,
            SegmentCapability.CAN_SPLIT);
    /** Serving {@code striped}, this type is what plain LVs and layers are made of. */
    private static final Set<SegmentCapability> PLAIN = EnumSet.of(SegmentCapability.AREAS_STRIPED,
            SegmentCapability.CAN_SPLIT, SegmentCapability.PLAIN);

    private final String name;
    private final boolean fallback;

    LinearSegmentType(String name, boolean fallback) {
        this.name = name;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean fallback() {
        return fallback;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return fallback ? PLAIN : LINEAR;
    }

    @Override
    public boolean accepts(ConfigSection segment) {
        Optional<ConfigValue> count = segment.value("stripe_count");
        return count.isPresent() && count.get() instanceof ConfigValue.Int i && i.value() == 1;
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        if (segment.requireInt("stripe_count") != 1) {
            throw new IllegalStateException("decode called for a section accepts() refused");
        }
        return DecodedSegment.of("stripes", 1, TypeFields.NONE);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        out.integer("stripe_count", 1, "linear");
        out.areas("stripes");
    }

    @Override
    public String displayName(SegmentView segment) {
        return "linear";
    }

    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        if (segment.areaCount() != 1) {
            problems.error("a linear segment needs exactly one area, not " + segment.areaCount());
        }
    }

    @Override
    public boolean canMerge(SegmentView first, SegmentView second) {
        if (!first.tags().equals(second.tags()) || first.areaCount() != 1 || second.areaCount() != 1) {
            return false;
        }
        return first.area(0).orElse(null) instanceof Area.OnPv a && second.area(0).orElse(null) instanceof Area.OnPv b
                && a.pv().equals(b.pv()) && a.pe() + first.areaLen() == b.pe();
    }

    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        return segment.area(0).map(a -> "linear " + context.device(a, 0));
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

    /** One area, nothing else: what this type holds. */
    @Override
    public Optional<NewSegment> newSegment(int areaCount, SegmentOptions options) {
        return areaCount == 1 && !options.moving() ? Optional.of(NewSegment.of(TypeFields.NONE)) : Optional.empty();
    }
}
