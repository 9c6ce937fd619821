package io.lvstack.api.model;

/**
 * The status bits of a logical volume, after LVM2's {@code lib/format_text/flags.c}. Declaration
 * order is the order LVM2 writes words in ({@code print_flags} walks its table, not the bits).
 *
 * <p>{@link Kind#STATUS} words are stored in {@code status = [...]}, {@link Kind#FLAG} words in
 * {@code flags = [...]}, {@link Kind#SEGTYPE} words as {@code +WORD} suffixes of the segment type.
 * What an LV is for (a mirror leg, a pool's metadata) is not a status bit: the segment types mark
 * it ({@link LvMark}).
 */
public enum LvStatus {
    READ(Kind.STATUS),
    WRITE(Kind.STATUS),
    WRITE_LOCKED(Kind.FLAG),
    FIXED_MINOR(Kind.STATUS),
    VISIBLE(Kind.STATUS),
    PVMOVE(Kind.STATUS),
    LOCKED(Kind.STATUS),
    NOTSYNCED(Kind.STATUS),
    REBUILD(Kind.STATUS),
    RESHAPE(Kind.SEGTYPE),
    RESHAPE_DATA_OFFSET(Kind.SEGTYPE),
    RESHAPE_DELTA_DISKS_PLUS(Kind.SEGTYPE),
    RESHAPE_DELTA_DISKS_MINUS(Kind.SEGTYPE),
    REMOVE_AFTER_RESHAPE(Kind.SEGTYPE),
    WRITEMOSTLY(Kind.STATUS),
    ACTIVATION_SKIP(Kind.FLAG),
    ERROR_WHEN_FULL(Kind.FLAG),
    METADATA_FORMAT(Kind.SEGTYPE),
    NOAUTOACTIVATE(Kind.FLAG),
    CACHE_VOL(Kind.FLAG),
    CROP_METADATA(Kind.SEGTYPE),
    CACHE_USES_CACHEVOL(Kind.SEGTYPE);

    /** Where a status bit lives in the metadata text. */
    public enum Kind {
        STATUS, FLAG, SEGTYPE
    }

    private final Kind kind;

    LvStatus(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The word written to metadata ({@code "READ"}). */
    public String word() {
        return name();
    }
}
