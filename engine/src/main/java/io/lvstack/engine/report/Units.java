package io.lvstack.engine.report;

import io.lvstack.api.LvstackException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * LVM2's size units ({@code --units}): {@code h}/{@code H} human (the largest unit that fits, powers
 * of 1024 or 1000), {@code s} sectors, {@code b k m g t p e} in powers of 1024 and their upper-case
 * forms in powers of 1000. Sizes print with two decimals and the unit letter, as LVM2's
 * {@code display_size} does; zero prints without decimals: {@code "0 "} (with a space for the
 * unit) in human units, {@code 0m} in megabytes (both seen from real LVM2 2.03.16).
 */
public record Units(char unit, boolean suffix) {
    private static final String LETTERS = "bkmgtpe";

    public static Units parse(String text, boolean nosuffix) {
        if (text.length() != 1 || "hHsSbBkKmMgGtTpPeE".indexOf(text.charAt(0)) < 0) {
            throw new LvstackException("Invalid units specification: '" + text + "' (expected one of h H s S b B k K m M g "
                    + "G t T p P e E)");
        }
        return new Units(text.charAt(0), !nosuffix);
    }

    public static Units human() {
        return new Units('h', true);
    }

    String format(long sectors) {
        if (unit == 's' || unit == 'S') {
            return sectors + (suffix ? "S" : "");
        }
        boolean si = Character.isUpperCase(unit);
        long base = si ? 1000 : 1024;
        BigDecimal bytes = BigDecimal.valueOf(sectors).multiply(BigDecimal.valueOf(512));
        int power;
        if (sectors == 0) {
            boolean human = unit == 'h' || unit == 'H';
            return "0" + (suffix ? (human ? " " : String.valueOf(unit)) : "");
        }
        if (unit == 'h' || unit == 'H') {
            power = 0;
            BigDecimal b = BigDecimal.valueOf(base);
            while (power < LETTERS.length() - 1 && bytes.compareTo(b.pow(power + 1)) >= 0) {
                power++;
            }
        } else {
            power = LETTERS.indexOf(Character.toLowerCase(unit));
        }
        BigDecimal value = bytes.divide(BigDecimal.valueOf(base).pow(power), 2, RoundingMode.HALF_EVEN);
        char letter = LETTERS.charAt(power);
        return value.toPlainString() + (suffix ? String.valueOf(si ? Character.toUpperCase(letter) : letter) : "");
    }
}
