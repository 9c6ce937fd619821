package io.lvstack.segtype.raid;

import io.lvstack.api.model.TypeFields;

/**
 * An integrity segment's own fields ({@code struct integrity_settings} and the segment's
 * {@code integrity_data_sectors} and {@code integrity_recalculate}); an optional setting is null
 * when the text does not have it.
 */
public record IntegrityFields(long dataSectors, String mode, long tagSize, long blockSize, String internalHash,
        long recalculate, Long journalSectors, Long interleaveSectors, Long bufferSectors, Long journalWatermark,
        Long commitTime, Long bitmapFlushInterval, Long sectorsPerBit) implements TypeFields {

    /** LVM2's defaults for a new image: journaled, 4-byte crc32c tags, nothing else set. */
    public static IntegrityFields defaults(long dataSectors, long blockSize) {
        return new IntegrityFields(dataSectors, "J", 4, blockSize, "crc32c", 0, null, null, null, null, null, null,
                null);
    }

    public IntegrityFields withDataSectors(long sectors) {
        return new IntegrityFields(sectors, mode, tagSize, blockSize, internalHash, recalculate, journalSectors,
                interleaveSectors, bufferSectors, journalWatermark, commitTime, bitmapFlushInterval, sectorsPerBit);
    }
}
