package io.lvstack.segtype.cache;

import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.SegmentWriter;

/**
 * Where a cachevol keeps the cache's metadata and data (sectors of the cachevol LV), and the ids
 * their devices take when they are not the cachevol's own (LVM2 2.03's cache segment fields).
 *
 * @param metadataId {@code metadata_id} as LVM2 writes ids, or null
 * @param dataId     {@code data_id} as LVM2 writes ids, or null
 */
public record CacheVolRanges(long metadataStart, long metadataLen, long dataStart, long dataLen, String metadataId,
        String dataId) {
    /** What LVM2 writes for a cachevol cache segment read without ranges. */
    static final CacheVolRanges ZERO = new CacheVolRanges(0, 0, 0, 0, null, null);

    /** LVM2's {@code _cache_text_import} from {@code metadata_start} on, in its order and words. */
    static CacheVolRanges read(ConfigSection s) {
        long metadataStart = Text.requireInteger(s, "metadata_start", Long.MAX_VALUE, "Couldn't read metadata_start in");
        long metadataLen = Text.requireInteger(s, "metadata_len", Long.MAX_VALUE, "Couldn't read metadata_len in");
        long dataStart = Text.requireInteger(s, "data_start", Long.MAX_VALUE, "Couldn't read data_start in");
        long dataLen = Text.requireInteger(s, "data_len", Long.MAX_VALUE, "Couldn't read data_len in");
        return new CacheVolRanges(metadataStart, metadataLen, dataStart, dataLen, id(s, "metadata_id"), id(s, "data_id"));
    }

    private static String id(ConfigSection s, String key) {
        if (!s.has(key)) {
            return null;
        }
        String text = Text.requireString(s, key, "Couldn't read " + key + " in");
        String id = Ids.format(text);
        if (id == null) {
            throw Text.error(s, key, "Couldn't format " + key + " in");
        }
        return id;
    }

    /** LVM2's {@code _cache_text_export} from {@code metadata_start} on: the four ranges always, the ids when set. */
    void write(SegmentWriter out) {
        out.integer("metadata_start", metadataStart);
        out.integer("metadata_len", metadataLen);
        out.integer("data_start", dataStart);
        out.integer("data_len", dataLen);
        if (metadataId != null) {
            out.string("metadata_id", metadataId);
        }
        if (dataId != null) {
            out.string("data_id", dataId);
        }
    }
}
