package io.lvstack.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizeCommentTest {
    @Test
    void unitsStepUpOnlyAboveOneThousandTwentyFour() {
        assertEquals("# 0 Kilobytes", SizeComment.of(0));
        assertEquals("# 0.5 Kilobytes", SizeComment.of(1));
        assertEquals("# 1024 Kilobytes", SizeComment.of(2048));
        assertEquals("# 1.00049 Megabytes", SizeComment.of(2049));
        assertEquals("# 4 Megabytes", SizeComment.of(8192));
        assertEquals("# 3.74902 Gigabytes", SizeComment.of(61424L * 128));
        assertEquals("# 128 Megabytes", SizeComment.of(262144));
        assertEquals("# 1024 Petabytes", SizeComment.of(1L << 51));
        assertEquals("# 2 Exabytes", SizeComment.of(1L << 52));
        assertEquals("# 1024 Exabytes", SizeComment.of(1L << 61));
        assertEquals("# 4 (null)", SizeComment.of(Long.MAX_VALUE));
    }

    @Test
    void percentGMatchesGlibc() {
        assertEquals("0.0001", CFormat.g(0.0001));
        assertEquals("1e-05", CFormat.g(0.00001));
        assertEquals("123457", CFormat.g(123456.7));
        assertEquals("1.23457e+06", CFormat.g(1234567));
        assertEquals("0.125", CFormat.g(0.125));
        // Exact binary halves round to even, as glibc does.
        assertEquals("2.5", CFormat.g(2.5));
        assertEquals("1.00000e+06".replace("1.00000", "1"), CFormat.g(999999.5));
        assertEquals("1.5", CFormat.f(1.5).replaceAll("0+$", ""));
        assertEquals("1.500000", CFormat.f(1.5));
    }
}
