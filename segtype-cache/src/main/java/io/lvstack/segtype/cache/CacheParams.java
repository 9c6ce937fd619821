package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.ops.BadCommandLine;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LVM2's {@code get_cache_params}: the cache options of a command line, read and checked.
 *
 * @param chunkSize {@code -c} in sectors, 0 when not given
 * @param format    {@code --cachemetadataformat}: 0 (auto or not given), 1 or 2
 * @param mode      {@code --cachemode}, null when not given
 * @param policy    {@code --cachepolicy}, null when not given
 * @param settings  {@code --cachesettings} as a {@code policy_settings} section, null when not given
 */
record CacheParams(long chunkSize, int format, CacheMode mode, String policy, ConfigSection settings) {
    /** One {@code key=value} of {@code --cachesettings}; the value a number, a quoted string or a word. */
    private static final Pattern SETTING = Pattern.compile("\\s*([A-Za-z0-9_]+)\\s*=\\s*(\"[^\"]*\"|[^\\s\"]+)\\s*");

    static CacheParams of(ConvertRequest.CacheOptions o) {
        long chunk = 0;
        if (o.chunkSize() != null) {
            chunk = o.chunkSize();
            requireValidChunk(chunk);
        }
        int format = 0;
        if (o.metadataFormat() != null && !o.metadataFormat().equals("auto")) {
            format = switch (o.metadataFormat()) {
                case "0" -> 0;
                case "1" -> 1;
                case "2" -> 2;
                default -> throw new BadCommandLine("Invalid argument for --cachemetadataformat: " + o.metadataFormat());
            };
        }
        CacheMode mode = null;
        if (o.cacheMode() != null) {
            mode = CacheMode.parse(o.cacheMode()).orElseThrow(() -> new BadCommandLine(
                    "Invalid argument for --cachemode: " + o.cacheMode()));
        }
        if (mode == CacheMode.WRITEBACK && "cleaner".equals(o.cachePolicy())) {
            throw new LvstackException("Cache mode \"writeback\" is not compatible with cache policy \"cleaner\".");
        }
        return new CacheParams(chunk, format, mode, o.cachePolicy(), settings(o.cacheSettings()));
    }

    /** LVM2's {@code validate_cache_chunk_size}, in its words (both lines when both rules fail). */
    static void requireValidChunk(long chunk) {
        List<String> wrong = new ArrayList<>();
        if (chunk < CacheSettings.MIN_CHUNK || chunk > CacheSettings.MAX_CHUNK) {
            wrong.add("Cache chunk size " + io.lvstack.api.ops.DisplaySize.of(chunk) + " is not in the range "
                    + io.lvstack.api.ops.DisplaySize.of(CacheSettings.MIN_CHUNK) + " to " + io.lvstack.api.ops.DisplaySize.of(CacheSettings.MAX_CHUNK) + ".");
        }
        if (chunk % CacheSettings.MIN_CHUNK != 0) {
            wrong.add("Cache chunk size " + io.lvstack.api.ops.DisplaySize.of(chunk) + " must be a multiple of "
                    + io.lvstack.api.ops.DisplaySize.of(CacheSettings.MIN_CHUNK) + ".");
        }
        if (!wrong.isEmpty()) {
            throw new LvstackException(String.join(" ", wrong));
        }
    }

    /**
     * Every {@code --cachesettings} as one {@code policy_settings} section, as LVM2's
     * {@code dm_config_flatten} of their cascade gives it: the last option's keys first, then
     * those of the options before it that no later one has; values are numbers or strings.
     */
    private static ConfigSection settings(List<String> options) {
        if (options.isEmpty()) {
            return null;
        }
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (int i = options.size() - 1; i >= 0; i--) {
            String option = options.get(i);
            Matcher m = SETTING.matcher(option);
            int at = 0;
            while (at < option.length()) {
                if (!m.find(at) || m.start() != at) {
                    throw new BadCommandLine("Invalid argument for --cachesettings: " + option);
                }
                String v = m.group(2);
                values.putIfAbsent(m.group(1), v.matches("-?[0-9]+") ? new ConfigValue.Int(Long.parseLong(v))
                        : ConfigValue.Str.of(v.startsWith("\"") ? v.substring(1, v.length() - 1) : v));
                at = m.end();
            }
        }
        List<ConfigNode> nodes = new ArrayList<>();
        values.forEach((k, v) -> nodes.add(new ConfigEntry(k, v, 0)));
        return new ConfigSection("policy_settings", nodes, 0);
    }

    /**
     * LVM2's merge of new settings into a segment's ({@code dm_config_flatten} of the new over the
     * old: the new ones first, then the old ones they leave), then without the settings whose
     * value is the string {@code default}.
     */
    static ConfigSection merged(ConfigSection old, ConfigSection given) {
        Map<String, ConfigNode> nodes = new LinkedHashMap<>();
        if (given != null) {
            given.children().forEach(n -> nodes.putIfAbsent(n.key(), n));
        }
        if (old != null) {
            old.children().forEach(n -> nodes.putIfAbsent(n.key(), n));
        }
        nodes.values().removeIf(n -> n instanceof ConfigEntry e && e.value() instanceof ConfigValue.Str s
                && s.value().equals("default"));
        return nodes.isEmpty() && old == null && given == null ? null
                : new ConfigSection("policy_settings", new ArrayList<>(nodes.values()), 0);
    }
}
