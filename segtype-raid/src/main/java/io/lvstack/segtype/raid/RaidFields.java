package io.lvstack.segtype.raid;

import io.lvstack.api.model.TypeFields;

/**
 * A raid segment's own fields as LVM2 keeps them ({@code struct lv_segment}): 0 where the text
 * has no such key. {@code dataCopies} is what the text says (0 when absent: LVM2 fills in
 * {@link RaidLevel#defaultDataCopies} and writes it back only for raid10);
 * {@code dataOffset} is as written ({@code dataOffsetSet} tells an explicit 0 from none).
 */
public record RaidFields(long regionSize, long stripeSize, long dataCopies, long writebehind, long minRecoveryRate,
        long maxRecoveryRate, long dataOffset, boolean dataOffsetSet) implements TypeFields {

    public static RaidFields of(long regionSize, long stripeSize, long dataCopies) {
        return new RaidFields(regionSize, stripeSize, dataCopies, 0, 0, 0, 0, false);
    }

    /** These fields with another region size. */
    public RaidFields withRegionSize(long size) {
        return new RaidFields(size, stripeSize, dataCopies, writebehind, minRecoveryRate, maxRecoveryRate, dataOffset,
                dataOffsetSet);
    }

    /** These fields with another stripe size. */
    public RaidFields withStripeSize(long size) {
        return new RaidFields(regionSize, size, dataCopies, writebehind, minRecoveryRate, maxRecoveryRate, dataOffset,
                dataOffsetSet);
    }

    /** These fields with a reshape's {@code data_offset} in sectors (0: none). */
    public RaidFields withDataOffset(long sectors) {
        return new RaidFields(regionSize, stripeSize, dataCopies, writebehind, minRecoveryRate, maxRecoveryRate,
                sectors, false);
    }

    /** These fields with another data copy count as written. */
    public RaidFields withDataCopies(long copies) {
        return new RaidFields(regionSize, stripeSize, copies, writebehind, minRecoveryRate, maxRecoveryRate, dataOffset,
                dataOffsetSet);
    }
}
