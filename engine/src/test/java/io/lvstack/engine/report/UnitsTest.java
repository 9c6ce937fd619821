package io.lvstack.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnitsTest {
    private static final String UNITS = "hHbBkKmMgGtTpPeE";

    @Test
    void twoDecimalsRoundHalfToEvenAsPrintfDoes() {
        Units m = new Units('m', true);
        assertEquals("1.12m", m.format(2304)); // 1.125 MiB
        assertEquals("1.38m", m.format(2816)); // 1.375 MiB
        assertEquals("4.00m", m.format(8192));
        assertEquals("0m", m.format(0));
        assertEquals("0 ", Units.human().format(0));
        assertEquals("1.05M", new Units('H', true).format(2048));
        assertEquals("512.00b", Units.human().format(1));
        assertEquals("1.00k", Units.human().format(2));
        assertEquals("8.00e", Units.human().format(1L << 54));
        assertEquals("16", new Units('s', false).format(16));
    }

    @Test
    void longArithmeticAgreesWithExactDecimalsEverywhere() {
        SplittableRandom random = new SplittableRandom(7);
        for (char unit : UNITS.toCharArray()) {
            Units u = new Units(unit, true);
            long base = Character.isUpperCase(unit) ? 1000 : 1024;
            for (int i = 0; i < 20_000; i++) {
                // sizes spread over every magnitude up to the long path's limit
                long sectors = 1 + (random.nextLong(Long.MAX_VALUE) >>> random.nextInt(64));
                sectors = Math.min(sectors, Long.MAX_VALUE / 51_200);
                int power = u.power(sectors, base);
                assertEquals(u.big(sectors, base, power), u.exact(sectors, base, power), unit + " " + sectors);
            }
            for (long p = 1, k = 0; k < 7; k++, p *= base) {
                for (long s : new long[] {p / 512 - 1, p / 512, p / 512 + 1}) {
                    if (s > 0 && s <= Long.MAX_VALUE / 51_200) {
                        int power = u.power(s, base);
                        assertEquals(u.big(s, base, power), u.exact(s, base, power), unit + " " + s);
                    }
                }
            }
        }
    }
}
