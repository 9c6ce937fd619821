package io.lvstack.segtype.cache;

import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.SegmentWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * The cache settings LVM2 keeps in a segment: in a cache pool's segment, or in a cache segment
 * whose pool is a cachevol. Absent values are LVM2's "unselected" states and are not written.
 *
 * @param metadataFormat {@code metadata_format}: 0 (unselected), 1 or 2
 * @param chunkSize      {@code chunk_size} in sectors; 0 when not set
 * @param cacheMode      {@code cache_mode}; null when unselected
 * @param policy         {@code policy}; null when none
 * @param policySettings the {@code policy_settings} section as read; null when none
 */
public record CacheSettings(int metadataFormat, long chunkSize, CacheMode cacheMode, String policy,
        ConfigSection policySettings) implements TypeFields {
    /** LVM2's {@code CACHE_POLICY_WHEN_MISSING}. */
    static final String POLICY_WHEN_MISSING = "mq";
    /** {@code DM_CACHE_MIN_DATA_BLOCK_SIZE} and {@code DM_CACHE_MAX_DATA_BLOCK_SIZE}: 32 KiB and 1 GiB, in sectors. */
    static final long MIN_CHUNK = 64;
    static final long MAX_CHUNK = 2097152;
    /** Nothing selected: what a segment without settings holds. */
    public static final CacheSettings NONE = new CacheSettings(0, 0, null, null, null);

    public CacheSettings {
        if (metadataFormat < 0 || metadataFormat > 2) {
            throw new IllegalArgumentException("cache metadata format " + metadataFormat + " is not 0, 1 or 2");
        }
        if (chunkSize < 0 || chunkSize > Text.UINT32) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is outside 0.." + Text.UINT32);
        }
        if (policySettings != null) {
            Objects.requireNonNull(policy, "policy_settings need a policy");
        }
    }

    /** Only a chunk size: what {@code lvcreate --type cache-pool} writes. */
    public static CacheSettings ofChunk(long chunkSize) {
        return new CacheSettings(0, chunkSize, null, null, null);
    }

    /**
     * LVM2's {@code _settings_text_import}, in its order and words: {@code chunk_size},
     * {@code cache_mode}, {@code policy}, {@code policy_settings}.
     */
    static CacheSettings read(ConfigSection s, int metadataFormat) {
        long chunk = 0;
        if (s.has("chunk_size")) {
            chunk = Text.requireInteger(s, "chunk_size", Text.UINT32, "Couldn't read cache chunk_size in");
        }
        CacheMode mode = null;
        if (s.has("cache_mode")) {
            String m = Text.requireString(s, "cache_mode", "cache_mode must be a string in");
            // set_cache_mode logs its own line before LVM2's SEG_LOG_ERROR: both are kept, in one line
            mode = CacheMode.parse(m).orElseThrow(() -> Text.error(s, "cache_mode",
                    "Unknown cache mode: " + m + ". Unknown cache_mode in"));
        }
        String policy = null;
        if (s.has("policy")) {
            policy = Text.requireString(s, "policy", "policy must be a string in");
        }
        ConfigSection settings = null;
        Optional<ConfigNode> node = s.child("policy_settings");
        if (node.isPresent()) {
            if (policy == null) {
                throw Text.error(s, "policy_settings", "policy_settings must have a policy_name in");
            }
            if (!(node.get() instanceof ConfigSection section)) {
                throw Text.error(s, "policy_settings", "policy_settings must be a section in");
            }
            settings = section;
        }
        return new CacheSettings(metadataFormat, chunk, mode, policy, settings);
    }

    /** LVM2's {@code _settings_text_export}: only what is set, {@code chunk_size} without a size comment. */
    void write(SegmentWriter out) {
        if (chunkSize != 0) {
            out.integer("chunk_size", chunkSize);
        }
        if (cacheMode != null) {
            out.string("cache_mode", cacheMode.word());
        }
        if (policy != null) {
            out.string("policy", policy);
            if (policySettings != null && !policySettings.children().isEmpty()) {
                out.verbatim(policySettings);
            }
        }
    }

    /** These settings with {@code metadata_format} {@code format}. */
    CacheSettings withFormat(int format) {
        return new CacheSettings(format, chunkSize, cacheMode, policy, policySettings);
    }

    /**
     * LVM2's {@code _fix_missing_defaults} for a cache pool in use: a missing policy reads as
     * {@code mq}, an unselected format as 1, an unselected mode as writethrough.
     */
    CacheSettings withMissingDefaults() {
        if (policy != null && metadataFormat != 0 && cacheMode != null) {
            return this;
        }
        return new CacheSettings(metadataFormat == 0 ? 1 : metadataFormat, chunkSize,
                cacheMode == null ? CacheMode.WRITETHROUGH : cacheMode, policy == null ? POLICY_WHEN_MISSING : policy,
                policySettings);
    }

    /**
     * LVM2's {@code validate_cache_chunk_size}: 32 KiB..1 GiB and a multiple of 32 KiB. LVM2 does
     * not ask for a power of two, and neither does dm-cache.
     */
    static boolean validChunkSize(long sectors) {
        return sectors >= MIN_CHUNK && sectors <= MAX_CHUNK && sectors % MIN_CHUNK == 0;
    }
}
