package io.lvstack.engine.format;

import java.util.HashMap;
import java.util.Map;

/**
 * LVM2's size comments ({@code _sectors_to_units}): {@code # 4 Megabytes}. One instance serves
 * one export and remembers what it formatted: sizes repeat a lot in a VG, and %g is costly.
 */
final class SizeComment {
    private static final String[] UNITS = {"Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Petabytes", "Exabytes"};

    private final Map<Long, String> seen = new HashMap<>();

    String comment(long sectors) {
        return seen.computeIfAbsent(sectors, SizeComment::of);
    }

    static String of(long sectors) {
        double d = sectors / 2.0;
        int i = 0;
        // Strictly greater: exactly 1024 KiB stays "1024 Kilobytes", as in LVM2. Past Exabytes
        // LVM2's loop reaches its table's NULL end, which glibc prints as "(null)".
        while (d > 1024.0 && i < UNITS.length) {
            d /= 1024.0;
            i++;
        }
        return "# " + CFormat.g(d) + " " + (i < UNITS.length ? UNITS[i] : "(null)");
    }
}
