package io.lvstack.engine.disk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PV's label and header (LVM2's {@code label_header} and {@code pv_header},
 * {@code lib/label/label.h}, {@code lib/format_text/layout.h}): in one of the first four
 * 512-byte sectors, {@code LABELONE}, the sector's own number, a checksum of the rest of the
 * sector, the offset of the PV header and the type {@code LVM2 001}; then the PV's UUID, the
 * device size LVM2 recorded, and two lists (each ended by a zero offset) of data areas and
 * metadata areas.
 *
 * @param sector        where the label was found (0..3)
 * @param uuid          the PV UUID as metadata writes it, with dashes
 * @param deviceSize    bytes, as recorded when the PV was written
 * @param dataAreas     where extents start ({@code pe_start} in bytes, size 0: to the end)
 * @param metadataAreas each metadata area's header location and size
 */
public record PvLabel(int sector, String uuid, long deviceSize, List<DiskLocation> dataAreas,
        List<DiskLocation> metadataAreas) {

    static final int SECTOR = 512;
    static final int SCAN_SECTORS = 4;
    private static final byte[] LABEL_ID = "LABELONE".getBytes(StandardCharsets.US_ASCII);
    private static final String TYPE = "LVM2 001";
    /** Bytes 20..511 of the label sector: from {@code offset_xl} to the end. */
    private static final int CRC_FROM = 20;
    private static final int ID_LEN = 32;

    public PvLabel {
        dataAreas = List.copyOf(dataAreas);
        metadataAreas = List.copyOf(metadataAreas);
    }

    /** Finds and checks the label as LVM2's {@code _find_lvm_header} and the text labeller do. */
    static PvLabel read(DeviceFile dev) {
        Path path = dev.path();
        if (dev.size() < SECTOR) {
            throw new DiskFormatException(path, "not an LVM2 physical volume: " + dev.size()
                    + " bytes, too short to hold a label");
        }
        int scan = (int) Math.min(dev.size() / SECTOR, SCAN_SECTORS);
        byte[] head = dev.read(0, scan * SECTOR, "the label sectors");
        List<String> rejected = new ArrayList<>();
        for (int s = 0; s < scan; s++) {
            int at = s * SECTOR;
            if (!startsWith(head, at, LABEL_ID)) {
                continue;
            }
            long claimed = Le.u64(head, at + 8);
            if (claimed != s) {
                rejected.add("the label in sector " + s + " says it belongs in sector " + Long.toUnsignedString(claimed));
                continue;
            }
            int stored = Le.u32(head, at + 16);
            int computed = LvmCrc.of(head, at + CRC_FROM, SECTOR - CRC_FROM);
            if (stored != computed) {
                rejected.add("damaged label in sector " + s + ": checksum " + hex(stored) + " stored, " + hex(computed)
                        + " computed");
                continue;
            }
            String type = new String(head, at + 24, 8, StandardCharsets.ISO_8859_1);
            if (!type.equals(TYPE)) {
                rejected.add("the label in sector " + s + " has type '" + printable(type) + "', not '" + TYPE + "'");
                continue;
            }
            return header(path, head, s, Le.u32(head, at + 20));
        }
        if (rejected.isEmpty()) {
            throw new DiskFormatException(path, "not an LVM2 physical volume: no LABELONE label in its first " + scan
                    + " sectors");
        }
        throw new DiskFormatException(path, String.join("; ", rejected));
    }

    private static PvLabel header(Path path, byte[] head, int sector, int offset) {
        int base = sector * SECTOR;
        // The header and both lists must lie in the label's sector, the only one LVM2 reads for it.
        if (offset < 32 || offset + ID_LEN + 8 + 16 > SECTOR) {
            throw new DiskFormatException(path, "damaged label in sector " + sector + ": PV header offset "
                    + Integer.toUnsignedString(offset) + " is outside the sector");
        }
        int at = base + offset;
        String raw = new String(head, at, ID_LEN, StandardCharsets.ISO_8859_1);
        long deviceSize = Le.u64(head, at + ID_LEN);
        at += ID_LEN + 8;
        List<DiskLocation> data = new ArrayList<>();
        at = list(path, head, at, base + SECTOR, data, "data area");
        List<DiskLocation> metadata = new ArrayList<>();
        list(path, head, at, base + SECTOR, metadata, "metadata area");
        return new PvLabel(sector, uuid(path, raw), deviceSize, data, metadata);
    }

    /** Reads one zero-terminated list of {@code disk_locn}; returns where the next field starts. */
    private static int list(Path path, byte[] head, int at, int end, List<DiskLocation> out, String what) {
        while (true) {
            if (at + 16 > end) {
                throw new DiskFormatException(path, "damaged PV header: its " + what + " list runs past the label sector");
            }
            long offset = Le.u64(head, at);
            long size = Le.u64(head, at + 8);
            at += 16;
            if (offset == 0) {
                return at;
            }
            if (offset < 0 || size < 0) {
                throw new DiskFormatException(path, "damaged PV header: " + what + " at " + Long.toUnsignedString(offset)
                        + " of " + Long.toUnsignedString(size) + " bytes is out of range");
            }
            out.add(new DiskLocation(offset, size));
        }
    }

    /** LVM2's {@code id_write_format}: 32 characters in groups of 6-4-4-4-4-4-6. */
    private static String uuid(Path path, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '#')) {
                throw new DiskFormatException(path, "damaged PV header: the PV UUID holds '" + printable(String.valueOf(c))
                        + "'");
            }
        }
        int[] groups = {6, 4, 4, 4, 4, 4, 6};
        StringBuilder out = new StringBuilder(38);
        int at = 0;
        for (int g : groups) {
            if (at > 0) {
                out.append('-');
            }
            out.append(raw, at, at + g);
            at += g;
        }
        return out.toString();
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String hex(int v) {
        return String.format("0x%08x", v);
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c >= 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
