package io.lvstack.api.model;

/**
 * The status bits of a logical volume, after LVM2's {@code lib/format_text/flags.c}. Declaration
 * order is the order LVM2 writes words in ({@code print_flags} walks its table, not the bits).
 *
 * <p>{@link Kind#STATUS} words are stored in {@code status = [...]}, {@link Kind#FLAG} words in
 * {@code flags = [...]}, {@link Kind#SEGTYPE} words as {@code +WORD} suffixes of the segment type;
 * {@link Kind#DERIVED} bits are never stored: the engine and the segment types re-derive them
 * from the stack (a mirror leg is MIRROR_IMAGE because a mirror segment uses it).
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
    CACHE_USES_CACHEVOL(Kind.SEGTYPE),
    /** Owns a classic {@code mirror} segment. */
    MIRROR(Kind.DERIVED),
    /** Owns a segment with mirrored areas. */
    MIRRORED(Kind.DERIVED),
    /** Is an area of a mirror segment. */
    MIRROR_IMAGE(Kind.DERIVED),
    /** Is the log of a mirror segment. */
    MIRROR_LOG(Kind.DERIVED),
    /** A mirror whose first leg is a {@code _mimagetmp_N} conversion layer. */
    CONVERTING(Kind.DERIVED),
    /** Has a segment of a virtual type (error, zero, unknown). */
    VIRTUAL(Kind.DERIVED),
    /** Is referenced as the data LV of a pool. */
    POOL_DATA(Kind.DERIVED),
    /** Is referenced as the metadata LV of a pool. */
    POOL_METADATA(Kind.DERIVED),
    /** Owns a cache-pool segment. */
    CACHE_POOL(Kind.DERIVED),
    /** Is the data LV of a cache pool (also POOL_DATA). */
    CACHE_POOL_DATA(Kind.DERIVED),
    /** Is the metadata LV of a cache pool (also POOL_METADATA). */
    CACHE_POOL_METADATA(Kind.DERIVED);

    /** Where a status bit lives in the metadata text. */
    public enum Kind {
        STATUS, FLAG, SEGTYPE, DERIVED
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
