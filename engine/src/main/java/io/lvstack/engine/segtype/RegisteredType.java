package io.lvstack.engine.segtype;

import io.lvstack.api.SegmentType;

/** A segment type as registered in the engine, with its origin. */
public record RegisteredType(SegmentType type, Origin origin) {
    public String name() {
        return type.name();
    }
}
