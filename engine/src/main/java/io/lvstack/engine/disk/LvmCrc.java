package io.lvstack.engine.disk;

/**
 * LVM2's checksum ({@code lib/misc/crc.c}, {@code calc_crc}): CRC-32 with the reflected polynomial
 * 0xEDB88320, started from {@link #INITIAL} instead of all ones and without the final inversion,
 * so {@link java.util.zip.CRC32} cannot compute it. A checksum over two pieces continues from the
 * first piece's value, as LVM2 checks a metadata text that wraps around its buffer.
 */
public final class LvmCrc {
    /** LVM2's {@code INITIAL_CRC}. */
    public static final int INITIAL = 0xf597a6cf;
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private LvmCrc() {
    }

    /** The checksum of {@code len} bytes of {@code buf} from {@code off}, continuing from {@code crc}. */
    public static int update(int crc, byte[] buf, int off, int len) {
        int c = crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
        }
        return c;
    }

    public static int of(byte[] buf, int off, int len) {
        return update(INITIAL, buf, off, len);
    }
}
