package io.lvstack.segtype.cache;

import java.util.Locale;

/** LVM2's {@code display_size} in its default human units, for the messages LVM2 prints. */
final class Sizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** {@code sectors} of 512 bytes, e.g. {@code 64.00 KiB}. */
    static String display(long sectors) {
        double v = sectors / 2.0;
        int u = 0;
        while (u < UNITS.length - 1 && v >= 1024) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, UNITS[u]);
    }
}
