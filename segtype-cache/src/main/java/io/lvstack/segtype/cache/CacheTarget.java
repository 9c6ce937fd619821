package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cache target's table line, as LVM2's {@code _cache_add_target_line} and libdm's {@code _cache_emit_segment_line} make it. */
final class CacheTarget {
    /** The policy settings each known policy accepts; LVM2 drops the others (with a warning). */
    private static final Map<String, List<String>> ACCEPTED = Map.of(
            "mq", List.of("migration_threshold", "sequential_threshold", "random_threshold", "read_promote_adjustment",
                    "write_promote_adjustment", "discard_promote_adjustment"),
            "smq", List.of("migration_threshold"));
    /** The kernel's default migration threshold, which libdm does not pass. */
    private static final long DEFAULT_MIGRATION_THRESHOLD = 2048;

    private CacheTarget() {
    }

    /**
     * {@code cache <meta> <data> <origin> <chunk> <#features> [metadata2] <mode> <policy> <#args>
     * [args]}. {@code policy} is the policy LVM2 loads (null: {@code mq}); the cleaner policy
     * forces writethrough and drops the settings.
     */
    static String line(String meta, String data, String origin, CacheSettings s, String policy, boolean cleaner) {
        if (s.metadataFormat() != 1 && s.metadataFormat() != 2) {
            throw new LvstackException("has unknown metadata format " + s.metadataFormat());
        }
        String mode = cleaner || s.cacheMode() == null ? CacheMode.WRITETHROUGH.word() : s.cacheMode().word();
        String name = cleaner ? "cleaner" : policy == null ? "mq" : policy;
        StringBuilder b = new StringBuilder("cache ").append(meta).append(' ').append(data).append(' ').append(origin)
                .append(' ').append(s.chunkSize());
        boolean metadata2 = s.metadataFormat() == 2;
        b.append(' ').append(metadata2 ? 2 : 1);
        if (metadata2) {
            b.append(" metadata2");
        }
        b.append(' ').append(mode).append(' ').append(name);
        long threshold = DEFAULT_MIGRATION_THRESHOLD;
        List<String> args = new ArrayList<>();
        if (!cleaner && s.policySettings() != null) {
            List<String> accepted = policy == null ? null : ACCEPTED.get(policy.toLowerCase(Locale.ROOT));
            for (ConfigNode n : s.policySettings().children()) {
                if (accepted != null && !accepted.contains(n.key())) {
                    continue;
                }
                if (!(n instanceof ConfigEntry e) || !(e.value() instanceof ConfigValue.Int i)) {
                    throw new LvstackException("Cache policy parameter " + n.key() + " is without integer value.");
                }
                if (n.key().equals("migration_threshold")) {
                    threshold = i.value();
                } else {
                    args.add(n.key() + " " + i.value());
                }
            }
        }
        // libdm: always some throughput for the cache to proceed
        threshold = Math.max(threshold, s.chunkSize() * 8);
        boolean passThreshold = threshold != DEFAULT_MIGRATION_THRESHOLD;
        b.append(' ').append((args.size() + (passThreshold ? 1 : 0)) * 2);
        if (passThreshold) {
            b.append(" migration_threshold ").append(threshold);
        }
        for (String a : args) {
            b.append(' ').append(a);
        }
        return b.toString();
    }
}
