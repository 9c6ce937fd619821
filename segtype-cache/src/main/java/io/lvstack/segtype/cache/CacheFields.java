package io.lvstack.segtype.cache;

import io.lvstack.api.model.TypeFields;
import java.util.Objects;

/**
 * A cache segment's own fields: the cleaner policy switch, the settings LVM2 reads into every
 * cache segment (and uses only when the pool is a cachevol), and the cachevol's ranges (null
 * when the text has no {@code metadata_start}: a cache pool's cache).
 */
public record CacheFields(boolean cleaner, CacheSettings settings, CacheVolRanges ranges) implements TypeFields {
    public CacheFields {
        Objects.requireNonNull(settings, "settings");
    }
}
