package io.lvstack.testkit.harness;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.Set;

/** A type under another name: reads and writes as {@code real} does. */
final class Renamed implements SegmentType {
    private final String name;
    private final SegmentType real;

    Renamed(String name, SegmentType real) {
        this.name = name;
        this.real = real;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return real.capabilities();
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        return real.decode(segment, extentCount);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        real.encode(segment, out);
    }
}
