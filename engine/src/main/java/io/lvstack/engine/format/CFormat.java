package io.lvstack.engine.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code printf} conversions that LVM2's text format uses, reproduced exactly. */
final class CFormat {
    private CFormat() {
    }

    /**
     * {@code %g}: six significant digits, trailing zeros dropped, exponent form below 1e-4 and
     * from 1e6. Rounds the exact binary value half-even, as glibc does (Java's own {@code %g}
     * rounds the shortest decimal form half-up and keeps zeros).
     */
    static String g(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            int e = Math.abs(exponent);
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** {@code %f}: six decimals. */
    static String f(double value) {
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }
}
