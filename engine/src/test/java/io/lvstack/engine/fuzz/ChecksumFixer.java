package io.lvstack.engine.fuzz;

import io.lvstack.engine.disk.LvmCrc;

/**
 * Recomputes, in a PV image, every checksum LVM2 keeps (label sector, metadata area header and
 * the committed text in its circular buffer) wherever the structures are found. A fuzzer that
 * mutates an image seldom gets a checksum right; fixing them lets it reach the headers' and the
 * text's parsing instead of stopping at the first checksum.
 */
final class ChecksumFixer {
    private ChecksumFixer() {
    }

    static byte[] fix(byte[] image) {
        byte[] b = image.clone();
        for (int s = 0; s < 4 && (s + 1) * 512 <= b.length; s++) {
            int at = s * 512;
            if (!new String(b, at, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("LABELONE")) {
                continue;
            }
            int offset = u32(b, at + 20);
            if (offset >= 32 && offset + 40 + 16 <= 512) {
                fixAreas(b, at + offset + 40, at + 512);
            }
            putU32(b, at + 16, LvmCrc.of(b, at + 20, 512 - 20));
            break;
        }
        return b;
    }

    /** Skips the data area list, then fixes each metadata area the second list names. */
    private static void fixAreas(byte[] b, int at, int end) {
        boolean metadata = false;
        while (at + 16 <= end) {
            long offset = u64(b, at);
            at += 16;
            if (offset == 0) {
                if (metadata) {
                    return;
                }
                metadata = true;
            } else if (metadata && offset > 0 && offset + 512 <= b.length) {
                fixArea(b, (int) offset);
            }
        }
    }

    private static void fixArea(byte[] b, int start) {
        long size = u64(b, start + 32);
        long offset = u64(b, start + 40);
        long length = u64(b, start + 48);
        if (size > 512 && start + size <= b.length && offset >= 512 && offset < size && length > 0 && length <= size - 512) {
            long wrap = Math.max(0, offset + length - size);
            int crc = LvmCrc.update(LvmCrc.INITIAL, b, (int) (start + offset), (int) (length - wrap));
            crc = LvmCrc.update(crc, b, start + 512, (int) wrap);
            putU32(b, start + 56, crc);
        }
        putU32(b, start, LvmCrc.of(b, start + 4, 508));
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static long u64(byte[] b, int at) {
        return (u32(b, at) & 0xffffffffL) | (long) u32(b, at + 4) << 32;
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
