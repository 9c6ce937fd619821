package io.lvstack.engine.ops.mirror;

import io.lvstack.engine.graph.LvProperties;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every new LV gets besides its name, as LVM2's {@code lv_create_empty} gives it: a fresh
 * id, the creation time and the host. Passed in so that tests are deterministic.
 */
public record LvStamp(Supplier<String> ids, long creationTime, String creationHost) {
    public LvStamp {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(creationHost, "creationHost");
    }

    String nextId() {
        return ids.get();
    }

    LvProperties properties() {
        return new LvProperties(creationTime, creationHost, null, null, null, null, null, null);
    }
}
