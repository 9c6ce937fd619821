package io.lvstack.engine.segtype;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;

/** New segments as their types make them: typed fields, no text round trip. */
public final class NewSegments {
    private NewSegments() {
    }

    /**
     * What {@code type} makes of {@code areas} areas with {@code options}, asked through a
     * guard ({@code type} itself when it is one, else a new one: this has no registry at hand).
     *
     * @throws LvstackException when the type makes no such segment
     */
    public static NewSegment of(SegmentType type, int areas, SegmentOptions options) {
        return GuardedSegmentType.of(type).newSegment(areas, options)
                .orElseThrow(() -> new LvstackException("Segment type " + type.name() + " cannot make a segment of "
                        + areas + (areas == 1 ? " area." : " areas.")));
    }
}
