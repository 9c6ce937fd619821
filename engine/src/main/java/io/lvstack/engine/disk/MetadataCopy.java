package io.lvstack.engine.disk;

import io.lvstack.api.LvstackException;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.text.ParseOptions;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The committed metadata text of one metadata area, read from the area's circular buffer and
 * checked against the checksum in the area's header, then parsed (not yet imported).
 *
 * @param device  the device it was read from
 * @param area    which metadata area of the device (1 or 2)
 * @param at      absolute byte where the text starts
 * @param wrapped whether the text runs past the end of the buffer and goes on at its start
 * @param parsed  the parsed text, named after the device and area
 * @param vgName  the VG's name (the first section's key)
 * @param vgId    the VG's {@code id}
 * @param seqno   the VG's {@code seqno}
 */
public record MetadataCopy(Path device, int area, long at, boolean wrapped, MetadataFormat.Parsed parsed, String vgName,
        String vgId, long seqno) {

    /** Where this copy is, as messages name it. */
    public String where() {
        return device + " (metadata area " + area + ")";
    }

    /** The text's bytes, as checksummed. */
    public byte[] bytes() {
        return parsed.bytes();
    }

    /**
     * Reads slot 0 of {@code header}: null when the area holds no metadata yet, or when the area
     * is marked ignored (its text may be stale; LVM2 skips it too).
     */
    static MetadataCopy read(DeviceFile dev, MdaHeader header, int area, ParseOptions limits) {
        Path path = dev.path();
        MdaHeader.RawLocation slot = header.locations().get(0);
        if (slot.offset() == 0 && slot.size() == 0 || slot.ignored()) {
            return null;
        }
        String what = "metadata area " + area + " at byte " + header.start();
        long bufferSize = header.size() - MdaHeader.SIZE;
        if (slot.offset() < MdaHeader.SIZE || slot.offset() >= header.size() || slot.size() <= 0
                || slot.size() > bufferSize) {
            throw new DiskFormatException(path, "damaged header of " + what + ": its metadata lies at "
                    + Long.toUnsignedString(slot.offset()) + " (" + Long.toUnsignedString(slot.size())
                    + " bytes), outside the area's " + header.size() + " bytes");
        }
        if (slot.size() > limits.maxBytes()) {
            throw new DiskFormatException(path, "the metadata in " + what + " is " + slot.size() + " bytes, over the limit of "
                    + limits.maxBytes() + " (key lvstack.input.max_bytes)");
        }
        // The text may run past the buffer's end and go on right after the header (LVM2's wrap).
        long wrap = Math.max(0, slot.offset() + slot.size() - header.size());
        byte[] first = dev.read(header.start() + slot.offset(), (int) (slot.size() - wrap), "the metadata of " + what);
        byte[] text = first;
        if (wrap > 0) {
            byte[] second = dev.read(header.start() + MdaHeader.SIZE, (int) wrap, "the wrapped end of the metadata of "
                    + what);
            text = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, text, first.length, second.length);
        }
        int computed = LvmCrc.of(text, 0, text.length);
        if (computed != slot.checksum()) {
            throw new DiskFormatException(path, "damaged metadata in " + what + ": checksum " + PvLabel.hex(slot.checksum())
                    + " stored, " + PvLabel.hex(computed) + " computed");
        }
        // LVM2 writes the text with its terminating NUL; the parser wants only the text.
        int end = text.length;
        while (end > 0 && text[end - 1] == 0) {
            end--;
        }
        String source = path + " (metadata area " + area + ")";
        MetadataFormat.Parsed parsed = MetadataFormat.parse(Arrays.copyOf(text, end), source, limits);
        ConfigSection vg = parsed.document().firstSection().orElseThrow(() -> new DiskFormatException(path,
                "the metadata in " + what + " holds no VG section"));
        try {
            return new MetadataCopy(path, area, header.start() + slot.offset(), wrap > 0, parsed, vg.key(),
                    vg.requireString("id"), vg.requireInt("seqno"));
        } catch (LvstackException e) {
            throw new DiskFormatException(path, "the metadata in " + what + ": " + e.getMessage());
        }
    }
}
