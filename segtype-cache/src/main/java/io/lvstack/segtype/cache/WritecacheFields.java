package io.lvstack.segtype.cache;

import io.lvstack.api.model.TypeFields;
import java.util.Objects;

/** A writecache segment's own fields: {@code writecache_block_size} in bytes (0 means 4096) and its settings. */
public record WritecacheFields(long blockSize, WritecacheSettings settings) implements TypeFields {
    public WritecacheFields {
        Objects.requireNonNull(settings, "settings");
        if (blockSize < 0 || blockSize > Text.UINT32) {
            throw new IllegalArgumentException("writecache block size " + blockSize + " is outside 0.." + Text.UINT32);
        }
    }
}
