package io.lvstack.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The PV heads of an lvm2-vm corpus case ({@code NAME.heads.tar.gz}: ustar, gzip). */
public final class VmHeads {
    private VmHeads() {
    }

    /** {@code pv0.head}: the first MiB of the first PV, with its metadata area's older versions. */
    public static byte[] pv0Head(Path tar) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tar))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                if (name.endsWith("pv0.head")) {
                    return body;
                }
            }
        }
        throw new IOException("no pv0.head in " + tar);
    }
}
