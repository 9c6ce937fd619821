package io.lvstack.engine.ops;

import java.security.SecureRandom;

/**
 * What LVM2 writes into a new LV besides its geometry: {@code creation_time} (seconds since the
 * epoch) and {@code creation_host}, and a random id in LVM2's format (32 characters of
 * {@code [0-9a-zA-Z]} in groups of 6-4-4-4-4-4-6, as {@code id_write_format} prints it).
 */
public record LvStamp(long creationTime, String creationHost) {
    private static final String ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int[] GROUPS = {6, 4, 4, 4, 4, 4, 6};

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

    /** A fresh random LV id. */
    public String newId() {
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
