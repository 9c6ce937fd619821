package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LVM2's {@code get_writecache_settings}: {@code --cachesettings "key=value ..."} of a writecache.
 * {@code block_size} (512 or 4096) is the block size, the others its settings; one key LVM2 does
 * not know is passed on as it is (LVM2 asks first; lvstack takes it, as with {@code -y}).
 *
 * @param blockSize the block size in bytes, 0 when not given
 */
record WritecacheOptions(long blockSize, WritecacheSettings settings) {
    private static final Pattern PAIR = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*(\\S+)\\s*");

    static WritecacheOptions of(List<String> options) {
        long block = 0;
        Long high = null;
        Long low = null;
        Long jobs = null;
        Long blocks = null;
        Long time = null;
        Long fua = null;
        Long nofua = null;
        Long cleaner = null;
        Long maxAge = null;
        String key = null;
        String value = null;
        for (String option : options) {
            Matcher m = PAIR.matcher(option);
            int at = 0;
            while (at < option.length()) {
                if (!m.find(at) || m.start() != at) {
                    throw new LvstackException("Invalid setting at: " + option.substring(at).strip()
                            + " Invalid writecache settings.");
                }
                at = m.end();
                String k = m.group(1);
                String v = m.group(2);
                switch (k) {
                    case "block_size" -> {
                        block = number(k, v);
                        if (block != 512 && block != 4096) {
                            throw invalid(k);
                        }
                    }
                    case "high_watermark" -> high = percent(k, v);
                    case "low_watermark" -> low = percent(k, v);
                    case "writeback_jobs" -> jobs = number(k, v);
                    case "autocommit_blocks" -> blocks = number(k, v);
                    case "autocommit_time" -> time = number(k, v);
                    case "fua" -> {
                        if (nofua != null) {
                            throw new LvstackException("Setting fua and nofua cannot both be set.");
                        }
                        fua = number(k, v);
                    }
                    case "nofua" -> {
                        if (fua != null) {
                            throw new LvstackException("Setting fua and nofua cannot both be set.");
                        }
                        nofua = number(k, v);
                    }
                    case "cleaner" -> cleaner = number(k, v);
                    case "max_age" -> maxAge = number(k, v);
                    default -> {
                        if (key != null) {
                            throw new LvstackException("Setting " + k + " is not recognized. Only one unrecognized"
                                    + " setting is allowed.");
                        }
                        key = k;
                        value = v;
                    }
                }
            }
        }
        return new WritecacheOptions(block, new WritecacheSettings(high, low, jobs, blocks, time, fua, nofua, cleaner,
                maxAge, key, value));
    }

    private static long number(String key, String value) {
        if (!value.matches("[0-9]+") || value.length() > 18) {
            throw invalid(key);
        }
        return Long.parseLong(value);
    }

    private static long percent(String key, String value) {
        long v = number(key, value);
        if (v > 100) {
            throw invalid(key);
        }
        return v;
    }

    /** LVM2's {@code Invalid setting: KEY} and then {@code Invalid writecache settings.}, in one line. */
    private static LvstackException invalid(String key) {
        return new LvstackException("Invalid setting: " + key + " Invalid writecache settings.");
    }
}
