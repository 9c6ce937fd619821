package io.lvstack.segtype.cache;

/** LVM2's ids as text ({@code lib/uuid/uuid.c}): 32 characters, written in groups of 6-4-4-4-4-4-6. */
final class Ids {
    private static final String CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#";
    private static final int[] GROUPS = {6, 4, 4, 4, 4, 4, 6};

    private Ids() {
    }

    /**
     * {@code id_read_format} then {@code id_write_format}: the dashes dropped, 32 valid characters
     * regrouped; null when the text is no id.
     */
    static String format(String text) {
        String raw = text.replace("-", "");
        if (raw.length() != 32 || raw.chars().anyMatch(c -> CHARS.indexOf(c) < 0)) {
            return null;
        }
        if (raw.charAt(0) == '#') {
            return raw;
        }
        StringBuilder b = new StringBuilder(38);
        int at = 0;
        for (int g : GROUPS) {
            if (at > 0) {
                b.append('-');
            }
            b.append(raw, at, at + g);
            at += g;
        }
        return b.toString();
    }
}
