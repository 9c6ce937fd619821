package io.lvstack.engine.ops.mirror;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.engine.ops.SegmentFields;

/**
 * The mirror fields {@code MirrorConverter} names; they are made by {@link SegmentFields}. Kept
 * only while {@code MirrorConverter} is being changed elsewhere: its two calls can then use
 * {@code SegmentFields.mirror} directly and this class can go.
 */
final class Fields {
    private Fields() {
    }

    static TypeFields mirror(SegmentType mirror, int legs, long regionSize) {
        return SegmentFields.mirror(mirror, legs, regionSize);
    }
}
