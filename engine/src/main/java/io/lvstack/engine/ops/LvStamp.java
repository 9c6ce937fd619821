package io.lvstack.engine.ops;

import io.lvstack.engine.graph.LvProperties;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What LVM2's {@code lv_create_empty} writes into every new LV besides its name and geometry:
 * a fresh id, {@code creation_time} (seconds since the epoch) and {@code creation_host}. The ids
 * come from {@code ids} so that tests can be deterministic; {@link #LvStamp(long, String)} makes
 * random ids in LVM2's format (32 characters of {@code [0-9a-zA-Z]} in groups of 6-4-4-4-4-4-6, as
 * {@code id_write_format} prints it).
 */
public record LvStamp(Supplier<String> ids, long creationTime, String creationHost) {
    private static final String ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int[] GROUPS = {6, 4, 4, 4, 4, 4, 6};

    public LvStamp {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(creationHost, "creationHost");
    }

    /** Random ids, at {@code creationTime} on {@code creationHost}. */
    public LvStamp(long creationTime, String creationHost) {
        this(LvStamp::randomId, creationTime, creationHost);
    }

    /** Now, on this host (LVM2 writes the node name {@code uname} gives, which Linux shows in /proc). */
    public static LvStamp now() {
        String host;
        try {
            host = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e2) {
                host = "localhost";
            }
        }
        return new LvStamp(System.currentTimeMillis() / 1000, host);
    }

    /** The id for the next new LV. */
    public String newId() {
        return ids.get();
    }

    /** Creation time and host, nothing else set. */
    public LvProperties properties() {
        return new LvProperties(creationTime, creationHost, null, null, null, null, null, null);
    }

    private static String randomId() {
        SecureRandom rnd = new SecureRandom();
        StringBuilder b = new StringBuilder(38);
        for (int g = 0; g < GROUPS.length; g++) {
            if (g > 0) {
                b.append('-');
            }
            for (int i = 0; i < GROUPS[g]; i++) {
                b.append(ID_CHARS.charAt(rnd.nextInt(ID_CHARS.length())));
            }
        }
        return b.toString();
    }
}
