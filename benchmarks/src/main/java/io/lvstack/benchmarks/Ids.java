package io.lvstack.benchmarks;

/** Constants and identifiers shared by the benchmarks. */
final class Ids {
    /** Extent size in sectors (4 MiB). */
    static final long EXTENT_SIZE = 8192;
    /** First PE of a PV, in sectors (1 MiB). */
    static final long PE_START = 2048;

    private Ids() {
    }

    /** An LVM2-shaped id (6-4-4-4-4-4-6 characters), unique per {@code kind} and {@code n}. */
    static String of(String kind, int n) {
        String raw = kind + String.format("%0" + (32 - kind.length()) + "d", n);
        return raw.substring(0, 6) + "-" + raw.substring(6, 10) + "-" + raw.substring(10, 14) + "-"
                + raw.substring(14, 18) + "-" + raw.substring(18, 22) + "-" + raw.substring(22, 26) + "-"
                + raw.substring(26, 32);
    }
}
