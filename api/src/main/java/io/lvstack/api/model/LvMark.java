package io.lvstack.api.model;

import java.util.Objects;

/**
 * What an LV is <em>for</em>, as the segment type that uses or owns it sees it: a mirror image, a
 * pool's data or metadata, a cache pool, a mirror being converted. A segment type declares its
 * marks as constants and sets or clears them from its {@link io.lvstack.api.link.LinkHook}; the
 * engine stores them with the LV, undoes them with a failed change, and interprets no mark but
 * {@link #CONVERTING}, {@link #SHOWN} and {@link #UNLISTED}.
 *
 * <p>A <b>component</b> mark says the LV exists only as a part of the one segment that uses it
 * (LVM2's images, logs, pool data and metadata). The engine applies that meaning generically: a
 * component must have exactly one user (the checker's single-user rule), reports show its user's
 * LV as {@code lv_parent}, {@code lvremove} refuses it on its own (saying what it is
 * {@link #usedAs}) and removes it with its user, and {@code lvrename} renames it with its user.
 *
 * <p>Marks are values: two marks of the same name and kind are equal, whichever plugin made them.
 *
 * @param name   a short name, unique among the marks of the loaded types ({@code mirror_image})
 * @param usedAs for a component, how LVM2 names its use in messages ({@code used by a mirror},
 *               {@code used as mirror log}); null for a mark that is no component
 */
public record LvMark(String name, String usedAs) {
    /**
     * LVM2's {@code CONVERTING}: a conversion of the LV is in progress (a mirror gaining legs
     * through a sync layer). A type sets it; the engine's {@code pvmove} refuses to move such an LV.
     * @since SPI 2.0
     */
    public static final LvMark CONVERTING = new LvMark("converting", null);

    /**
     * LVM2 treats the LV as visible although its status lacks {@code VISIBLE} ({@code lv_is_visible}:
     * a COW snapshot's store takes its origin's visibility). The engine exports it among the
     * visible LVs, lists it unbracketed and counts it in {@code #LV}; a component so marked is the
     * face of the segment using it: {@code lvremove} of it removes that segment's LV with it.
     * @since SPI 2.0
     */
    public static final LvMark SHOWN = new LvMark("shown", null);

    /**
     * LVM2 treats the LV as hidden although its status says {@code VISIBLE}, and never lists it,
     * not even with {@code -a} (a COW snapshot's {@code snapshotN}). The engine exports it among
     * the hidden LVs, leaves it out of reports and out of {@code #LV}.
     * @since SPI 2.0
     */
    public static final LvMark UNLISTED = new LvMark("unlisted", null);

    public LvMark {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an LV mark needs a name");
        }
        if (usedAs != null && usedAs.isBlank()) {
            throw new IllegalArgumentException("a component mark says how its LV is used");
        }
    }

    /** A mark that is no component ({@code converting}, {@code cache_pool}). */
    public static LvMark of(String name) {
        return new LvMark(name, null);
    }

    /** A component mark: the LV is a part of the one segment using it. */
    public static LvMark component(String name, String usedAs) {
        return new LvMark(name, Objects.requireNonNull(usedAs, "usedAs"));
    }

    public boolean component() {
        return usedAs != null;
    }

    @Override
    public String toString() {
        return name;
    }
}
