package io.lvstack.cli;

import java.io.ObjectInputFilter;

/**
 * lvstack never deserializes Java objects (a test scans every module's main code for it). In
 * case a library ever does, the tool rejects every class JVM-wide, so no stream of bytes can
 * become code to run.
 */
final class SerialFilter {
    /** Rejects every class, array and reference. */
    static final ObjectInputFilter REJECT_ALL = info -> ObjectInputFilter.Status.REJECTED;

    private SerialFilter() {
    }

    /** Installs {@link #REJECT_ALL} for the JVM, unless {@code jdk.serialFilter} already set one. */
    static void install() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(REJECT_ALL);
        }
    }
}
