package io.lvstack.engine.text;

import java.nio.charset.StandardCharsets;

/** UTF-8 checks and decoding for token bytes; strict, so that no byte is silently replaced. */
final class Utf8 {
    private Utf8() {
    }

    /** The offset of the first byte in {@code [from, to)} that is not valid UTF-8, or -1. */
    static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int n = sequenceLength(b, i, to);
            if (n == 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /** The length of the valid UTF-8 sequence starting at {@code i} and ending before {@code to}, or 0. */
    static int sequenceLength(byte[] b, int i, int to) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
            return 1;
        }
        int need;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            if (c == 0xe0) {
                lo = 0xa0; // overlong
            } else if (c == 0xed) {
                hi = 0x9f; // surrogates
            }
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            if (c == 0xf0) {
                lo = 0x90; // overlong
            } else if (c == 0xf4) {
                hi = 0x8f; // beyond U+10FFFF
            }
        } else {
            return 0;
        }
        if (i + need >= to) {
            return 0; // cut off by the end of the range
        }
        int second = b[i + 1] & 0xff;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k <= need; k++) {
            if ((b[i + k] & 0xc0) != 0x80) {
                return 0;
            }
        }
        return need + 1;
    }

    /** Decodes {@code [from, to)}, which the caller has checked or knows to be ASCII. */
    static String decode(byte[] b, int from, int to, boolean ascii) {
        return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** 1 + the number of characters between {@code lineStart} and {@code offset}. */
    static int column(byte[] b, int lineStart, int offset) {
        int col = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((b[i] & 0xc0) != 0x80) {
                col++;
            }
        }
        return col;
    }
}
