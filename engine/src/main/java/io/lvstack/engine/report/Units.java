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

    /** Beyond this many sectors, {@code sectors * 512 * 100} no longer fits in a long. */
    private static final long EXACT_LIMIT = Long.MAX_VALUE / (512 * 100);

    /** {@code sectors} in these units, as LVM2 prints a size ({@code 16.00m}). */
    public String format(long sectors) {
        if (unit == 's' || unit == 'S') {
            return sectors + (suffix ? "S" : "");
        }
        if (sectors == 0) {
            boolean human = unit == 'h' || unit == 'H';
            return "0" + (suffix ? (human ? " " : String.valueOf(unit)) : "");
        }
        boolean si = Character.isUpperCase(unit);
        long base = si ? 1000 : 1024;
        int power = power(sectors, base);
        String number = sectors > 0 && sectors <= EXACT_LIMIT ? exact(sectors, base, power) : big(sectors, base, power);
        // LVM2's display_size marks a human size it rounded up with '<' (vgs: <1.48g)
        if (unit == 'h' && sectors > 0 && sectors <= EXACT_LIMIT && roundedUp(sectors, base, power)) {
            number = "<" + number;
        }
        char letter = LETTERS.charAt(power);
        return number + (suffix ? String.valueOf(si ? Character.toUpperCase(letter) : letter) : "");
    }

    /** The unit's power of the base: fixed, or for human units the largest that fits. */
    int power(long sectors, long base) {
        if (unit != 'h' && unit != 'H') {
            return LETTERS.indexOf(Character.toLowerCase(unit));
        }
        int top = LETTERS.length() - 1;
        if (sectors > 0 && sectors <= EXACT_LIMIT) {
            long bytes = sectors * 512;
            int power = 0;
            long next = base;
            while (power < top && bytes >= next) {
                power++;
                // base^6 fits in a long for both bases; past the top letter it is not needed
                next = power < top ? next * base : next;
            }
            return power;
        }
        BigDecimal bytes = BigDecimal.valueOf(sectors).multiply(BigDecimal.valueOf(512));
        int power = 0;
        BigDecimal b = BigDecimal.valueOf(base);
        while (power < top && bytes.compareTo(b.pow(power + 1)) >= 0) {
            power++;
        }
        return power;
    }

    /** bytes / base^power to two decimals, rounding half to even, in long arithmetic. */
    String exact(long sectors, long base, int power) {
        long divisor = 1;
        for (int i = power; i > 0; i--) {
            divisor *= base;
        }
        long hundredths = sectors * 512 * 100;
        long q = hundredths / divisor;
        long twiceRest = 2 * (hundredths % divisor);
        if (twiceRest > divisor || (twiceRest == divisor && (q & 1) == 1)) {
            q++;
        }
        long cents = q % 100;
        return (q / 100) + (cents < 10 ? ".0" : ".") + cents;
    }

    /** Whether {@link #exact} shows more than the size. */
    boolean roundedUp(long sectors, long base, int power) {
        long divisor = 1;
        for (int i = power; i > 0; i--) {
            divisor *= base;
        }
        long hundredths = sectors * 512 * 100;
        long twiceRest = 2 * (hundredths % divisor);
        return twiceRest > divisor || (twiceRest == divisor && ((hundredths / divisor) & 1) == 1);
    }

    /** The same in exact decimal arithmetic, for sizes too large for a long (and negative ones). */
    String big(long sectors, long base, int power) {
        BigDecimal bytes = BigDecimal.valueOf(sectors).multiply(BigDecimal.valueOf(512));
        return bytes.divide(BigDecimal.valueOf(base).pow(power), 2, RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
