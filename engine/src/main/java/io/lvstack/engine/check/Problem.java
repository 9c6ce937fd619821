package io.lvstack.engine.check;

import java.util.Objects;

/**
 * One thing wrong with a volume group: how bad, where (an LV, segment and area, a PV and
 * extent range, or the VG), and what, in LVM2's words where LVM2 has a message for it.
 */
public record Problem(Severity severity, String where, String message) {
    /** Errors make a VG invalid; warnings do not. */
    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String where, String message) {
        return new Problem(Severity.ERROR, where, message);
    }

    public static Problem warning(String where, String message) {
        return new Problem(Severity.WARNING, where, message);
    }

    /** {@code error: vgx/good segment 1 area 0: Couldn't find volume 'nosuch' ...}. */
    @Override
    public String toString() {
        return severity.label() + ": " + where + ": " + message;
    }
}
