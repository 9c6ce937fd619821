package io.lvstack.api.ops;

import java.util.Locale;

/**
 * LVM2's {@code display_size} with the default human units, for the sizes an operation prints in
 * LVM2's words ({@code Size of logical volume vg/lv changed from 8.00 MiB (2 extents) to ...}):
 * two decimals and the largest binary unit that fits.
 * @since SPI 2.1
 */
public final class DisplaySize {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private DisplaySize() {
    }

    /** {@code sectors} of 512 bytes, e.g. {@code 12.00 MiB}. */
    public static String of(long sectors) {
        if (sectors == 0) {
            // display_size prints a zero without a unit, padded as if one followed.
            return "0   ";
        }
        double v = sectors / 2.0;
        int u = 0;
        while (u < UNITS.length - 1 && v >= 1024) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, UNITS[u]);
    }

    /** {@code extents} of {@code extentSize} sectors, with LVM2's count: {@code 32.00 MiB (8 extents)}. */
    public static String extents(long extents, long extentSize) {
        return of(extents * extentSize) + " (" + extents + " extents)";
    }
}
