package io.lvstack.engine.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * C's {@code printf("%f")}, which LVM2 uses for config floats. Java's own {@code %f} rounds the
 * shortest decimal form half-up and drops the sign of negative zero; glibc rounds the exact
 * binary value half-to-even and keeps the sign, so this goes through {@link BigDecimal}.
 */
public final class PercentF {
    private PercentF() {
    }

    public static String format(double value) {
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        if (Double.isNaN(value)) {
            return negative ? "-nan" : "nan";
        }
        if (Double.isInfinite(value)) {
            return negative ? "-inf" : "inf";
        }
        String digits = new BigDecimal(Math.abs(value)).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        return negative ? "-" + digits : digits;
    }
}
