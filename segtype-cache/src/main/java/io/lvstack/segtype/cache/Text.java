package io.lvstack.segtype.cache;

import io.lvstack.api.SegmentImportError;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;

/**
 * Reading values as libdm's {@code dm_config_get_*} and {@code dm_config_find_str} read them,
 * with LVM2's {@code SEG_LOG_ERROR} words. libdm truncates an integer that does not fit; here
 * such a value is unreadable, with the message LVM2 gives an unreadable one.
 */
final class Text {
    static final long UINT32 = 0xFFFFFFFFL;

    private Text() {
    }

    /** The string value of {@code key} (a one-element array reads as its element), or null. */
    static String string(ConfigSection s, String key) {
        return first(s, key) instanceof ConfigValue.Str v ? v.value() : null;
    }

    /** The integer value of {@code key} when it is one in 0..{@code max}, else null. */
    static Long integer(ConfigSection s, String key, long max) {
        if (first(s, key) instanceof ConfigValue.Int i && i.value() >= 0 && i.value() <= max) {
            return i.value();
        }
        return null;
    }

    /** {@code key}'s string, refused with {@code message} when it is missing or no string. */
    static String requireString(ConfigSection s, String key, String message) {
        String v = string(s, key);
        if (v == null) {
            throw error(s, key, message);
        }
        return v;
    }

    /** {@code key}'s integer in 0..{@code max}, refused with {@code message} when missing or unreadable. */
    static long requireInteger(ConfigSection s, String key, long max, String message) {
        Long v = integer(s, key, max);
        if (v == null) {
            throw error(s, key, message);
        }
        return v;
    }

    /** {@code key}'s integer when the key is there (refused with {@code message} when unreadable), else null. */
    static Long optionalInteger(ConfigSection s, String key, long max, String message) {
        return s.has(key) ? requireInteger(s, key, max, message) : null;
    }

    /** The named LV of {@code key}: LVM2's "not specified" and "must be a string" checks, in that order. */
    static String lvName(ConfigSection s, String key, String what) {
        if (!s.has(key)) {
            throw error(s, key, what + " not specified in");
        }
        return requireString(s, key, what + " must be a string in");
    }

    static ConfigValue first(ConfigSection s, String key) {
        return s.firstValue(key).orElse(null);
    }

    /** LVM2's {@code SEG_LOG_ERROR} at the key's line: the engine adds the segment and its LV. */
    static SegmentImportError error(ConfigSection s, String key, String text) {
        int line = key != null && s.has(key) ? s.lineOf(key) : s.line();
        return new SegmentImportError(line, text);
    }

    /** LVM2's message for a reference that names no LV: {@code TEXT in segment KEY of logical volume LV.} */
    static String unresolved(String text, String segmentKey, String lvName) {
        return text + " in segment " + segmentKey + " of logical volume " + lvName + ".";
    }
}
