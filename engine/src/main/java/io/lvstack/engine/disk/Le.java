package io.lvstack.engine.disk;

/** Little-endian fields of LVM2's on-disk structures (all of them are, whatever the host). */
final class Le {
    private Le() {
    }

    static int u32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** An unsigned 64-bit field; values past Long.MAX_VALUE come back negative, which callers refuse. */
    static long u64(byte[] b, int at) {
        return (u32(b, at) & 0xffffffffL) | (long) u32(b, at + 4) << 32;
    }
}
