package io.lvstack.api;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The values a {@link Setting} takes. The engine checks every configured value against its
 * setting's type when it is built, so readers of a setting may parse it without checking again.
 *
 * @param allowed what is allowed, as it completes "expected ...": {@code "true or false"}
 * @param test    whether a value (as written, commas included) is allowed
 */
public record SettingType(String allowed, Predicate<String> test) {
    /** Any text. */
    public static SettingType text() {
        return new SettingType("any text", v -> true);
    }

    /** Words separated by commas (the configuration splits such values into lists). */
    public static SettingType list() {
        return new SettingType("a comma-separated list", v -> true);
    }

    /** {@code true} or {@code false}, in any case. */
    public static SettingType bool() {
        return new SettingType("true or false", v -> {
            String s = v.strip().toLowerCase(Locale.ROOT);
            return s.equals("true") || s.equals("false");
        });
    }

    /** Exactly one of {@code words}. */
    public static SettingType oneOf(String... words) {
        List<String> all = List.of(words);
        String last = all.get(all.size() - 1);
        String allowed = all.size() == 1 ? last
                : String.join(", ", all.subList(0, all.size() - 1)) + " or " + last;
        return new SettingType(allowed, all::contains);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static SettingType integer(long min, long max) {
        return new SettingType("a whole number from " + min + " to " + max, v -> {
            Long n = number(v);
            return n != null && n >= min && n <= max;
        });
    }

    /** A power of two from {@code min} to {@code max}. */
    public static SettingType powerOfTwo(long min, long max) {
        return new SettingType("a power of two from " + min + " to " + max, v -> {
            Long n = number(v);
            return n != null && n >= min && n <= max && Long.bitCount(n) == 1;
        });
    }

    /** Whether {@code value} is allowed. */
    public boolean accepts(String value) {
        return test.test(value);
    }

    private static Long number(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
