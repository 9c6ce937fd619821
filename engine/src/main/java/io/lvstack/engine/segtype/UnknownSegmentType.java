package io.lvstack.engine.segtype;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A segment type no loaded plugin provides (LVM2 {@code lib/unknown}). Its segments keep every
 * node of their section except the common fields. {@link #encode} writes them in libdm's
 * compact form, as LVM2 does; the exporter prefers the source lines when it has them (see
 * {@link RawFields}). They have no areas; the engine refuses allocation in a VG that
 * holds them, since their extents would otherwise look free.
 */
public final class UnknownSegmentType implements SegmentType {
    private static final Set<SegmentCapability> CAPABILITIES = EnumSet.of(SegmentCapability.VIRTUAL,
            SegmentCapability.UNKNOWN);
    private static final Set<String> COMMON = Set.of("type", "start_extent", "extent_count", "tags", "reshape_count");

    private final String name;

    public UnknownSegmentType(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        List<ConfigNode> kept = new ArrayList<>();
        for (ConfigNode n : segment.children()) {
            if (!COMMON.contains(n.key())) {
                kept.add(n);
            }
        }
        return DecodedSegment.of(null, 0, new RawFields(kept, List.of()));
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        for (ConfigNode n : ((RawFields) segment.fields()).nodes()) {
            out.verbatim(n);
        }
    }

    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        problems.warning("Unrecognised segment type " + name + ": kept as it is; drop in a plugin for it to use it");
    }
}
