package io.lvstack.engine.format;

/** LVM2's size comments ({@code _sectors_to_units}): {@code # 4 Megabytes}. */
final class SizeComment {
    private static final String[] UNITS = {"Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Petabytes", "Exabytes"};

    private SizeComment() {
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
