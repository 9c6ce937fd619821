package io.lvstack.engine.disk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of a metadata area (LVM2's {@code mda_header}): a checksum of the rest of its 512
 * bytes, the magic {@code " LVM2 x[5A%r0N*>"}, version 1, the area's own start and size, and the
 * raw locations of the metadata text in the area's circular buffer. Slot 0 is the committed copy;
 * slot 1, when set, is one being committed.
 */
public record MdaHeader(long start, long size, List<RawLocation> locations) {
    static final int SIZE = 512;
    private static final byte[] MAGIC = " LVM2 x[5A%r0N*>".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int LOCATIONS_AT = 40;

    /** LVM2's {@code raw_locn}: the text at {@code offset} (from the area's start) of {@code size} bytes. */
    public record RawLocation(long offset, long size, int checksum, int flags) {
        /** {@code RAW_LOCN_IGNORED}: the area is kept but not used ({@code pvchange --metadataignore y}). */
        public boolean ignored() {
            return (flags & 1) != 0;
        }
    }

    public MdaHeader {
        locations = List.copyOf(locations);
    }

    /** Reads and checks the header at {@code area} as LVM2's {@code _raw_read_mda_header} does. */
    static MdaHeader read(DeviceFile dev, DiskLocation area, int number) {
        Path path = dev.path();
        String what = "metadata area " + number + " at byte " + area.offset();
        byte[] h = dev.read(area.offset(), SIZE, "the header of " + what);
        int stored = Le.u32(h, 0);
        int computed = LvmCrc.of(h, 4, SIZE - 4);
        if (stored != computed) {
            throw new DiskFormatException(path, "damaged header of " + what + ": checksum " + PvLabel.hex(stored)
                    + " stored, " + PvLabel.hex(computed) + " computed");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (h[4 + i] != MAGIC[i]) {
                throw new DiskFormatException(path, "damaged header of " + what + ": wrong magic number");
            }
        }
        int version = Le.u32(h, 20);
        if (version != VERSION) {
            throw new DiskFormatException(path, "header of " + what + " has version " + Integer.toUnsignedString(version)
                    + ", not " + VERSION);
        }
        long start = Le.u64(h, 24);
        if (start != area.offset()) {
            throw new DiskFormatException(path, "damaged header of " + what + ": it says it starts at byte "
                    + Long.toUnsignedString(start));
        }
        long size = Le.u64(h, 32);
        if (size <= SIZE || size > dev.size() - start) {
            throw new DiskFormatException(path, "header of " + what + " gives the area " + Long.toUnsignedString(size)
                    + " bytes, " + (size <= SIZE ? "no room for metadata" : "past the end of the device (" + dev.size()
                            + " bytes)"));
        }
        List<RawLocation> locations = new ArrayList<>();
        for (int at = LOCATIONS_AT; at + 24 <= SIZE; at += 24) {
            long offset = Le.u64(h, at);
            if (offset == 0) {
                // LVM2 stops at the first empty slot; an empty slot 0 is an area with no metadata yet.
                if (locations.isEmpty()) {
                    locations.add(new RawLocation(0, Le.u64(h, at + 8), Le.u32(h, at + 16), Le.u32(h, at + 20)));
                }
                break;
            }
            locations.add(new RawLocation(offset, Le.u64(h, at + 8), Le.u32(h, at + 16), Le.u32(h, at + 20)));
        }
        return new MdaHeader(start, size, locations);
    }
}
