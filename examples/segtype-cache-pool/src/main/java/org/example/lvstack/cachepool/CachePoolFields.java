package org.example.lvstack.cachepool;

import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigSection;
import java.util.Objects;

/**
 * The cache-pool type's own fields, as LVM2's {@code struct lv_segment} holds them for a cache
 * pool. Immutable; absent values are LVM2's "unselected" states and are not written.
 *
 * @param metadataFormat {@code metadata_format}: 0 (unselected, not written), 1 or 2
 * @param chunkSize      {@code chunk_size} in sectors, 0..2^32-1; 0 means not set (not written)
 * @param cacheMode      {@code cache_mode}; null when unselected
 * @param policy         {@code policy}; null when none
 * @param policySettings the {@code policy_settings} section as read (only with a policy); null when none
 */
public record CachePoolFields(int metadataFormat, long chunkSize, CacheMode cacheMode, String policy,
        ConfigSection policySettings) implements TypeFields {

    /** LVM2's {@code CACHE_POLICY_WHEN_MISSING}. */
    public static final String POLICY_WHEN_MISSING = "mq";
    /** LVM2's {@code CACHE_MODE_WHEN_MISSING}. */
    public static final CacheMode MODE_WHEN_MISSING = CacheMode.WRITETHROUGH;

    public CachePoolFields {
        if (metadataFormat < 0 || metadataFormat > 2) {
            throw new IllegalArgumentException("cache metadata format " + metadataFormat + " is not 0 (unselected), 1 or 2");
        }
        if (chunkSize < 0 || chunkSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is outside 0.." + 0xFFFFFFFFL);
        }
        if (policySettings != null) {
            Objects.requireNonNull(policy, "policy_settings need a policy");
            if (!policySettings.key().equals("policy_settings")) {
                throw new IllegalArgumentException("policy settings must be a section named policy_settings, not "
                        + policySettings.key());
            }
        }
    }

    /** Only a chunk size: what {@code lvcreate --type cache-pool} of LVM2 2.03 writes. */
    public static CachePoolFields of(long chunkSize) {
        return new CachePoolFields(0, chunkSize, null, null, null);
    }

    /**
     * LVM2's {@code _fix_missing_defaults}: when a cache pool is in use, a missing policy reads as
     * {@code mq}, an unselected metadata format as 1 and an unselected mode as writethrough.
     */
    public CachePoolFields withMissingDefaults() {
        if (policy != null && metadataFormat != 0 && cacheMode != null) {
            return this;
        }
        return new CachePoolFields(metadataFormat == 0 ? 1 : metadataFormat, chunkSize,
                cacheMode == null ? MODE_WHEN_MISSING : cacheMode, policy == null ? POLICY_WHEN_MISSING : policy,
                policySettings);
    }
}
