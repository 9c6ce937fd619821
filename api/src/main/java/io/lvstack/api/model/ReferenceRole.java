package io.lvstack.api.model;

import java.util.Objects;

/**
 * A named LV reference a segment may hold besides its areas: the mirror log, a pool's metadata
 * LV, raid's metadata LVs, the thin LV a pool's pending message names. A segment type declares its
 * roles ({@link io.lvstack.api.SegmentType#referenceRoles}); the engine resolves, stores and keeps
 * them.
 *
 * <p>Three kinds, declared with {@link #of}, {@link #list} and {@link #named}:
 * <ul>
 * <li>a single role holds one LV and is an upward link, exactly as an LV area is: the LV is used
 * by the segment ({@code segs_using_this_lv});
 * <li>a list role holds LVs at indices ({@link #at}), each an upward link: raid's
 * {@code rmeta} LVs, one per area;
 * <li>a named role is a list of LVs the type's text names in its own fields without using them
 * (a thin pool's {@code message1 { create = "thin" }}): resolved when read and written by the
 * LV's current name, never an upward link and never part of a cycle; when the named LV is
 * removed the reference is dropped, and the type's hook hears of it as an unlink.
 * </ul>
 *
 * @param name   the role's name
 * @param index  the index in a list or named role, {@link #SINGLE} for a single role, {@link #ANY}
 *               for a list or named role's declaration
 * @param linked whether references in this role are upward links (false only for named roles)
 */
public record ReferenceRole(String name, int index, boolean linked) {
    /** The index of a single role. */
    public static final int SINGLE = -1;
    /** The index of a list or named role as a type declares it, before any index is chosen. */
    public static final int ANY = -2;

    public ReferenceRole {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a reference role needs a name");
        }
        if (index < ANY) {
            throw new IllegalArgumentException("negative index " + index + " in role " + name);
        }
        if (!linked && index == SINGLE) {
            throw new IllegalArgumentException("a named role is a list: " + name);
        }
    }

    /** A single role: one LV, an upward link. */
    public static ReferenceRole of(String name) {
        return new ReferenceRole(name, SINGLE, true);
    }

    /**
     * A list role's declaration: LVs at indices, each an upward link.
     * @since SPI 2.0
     */
    public static ReferenceRole list(String name) {
        return new ReferenceRole(name, ANY, true);
    }

    /**
     * A named role's declaration: LVs at indices named in the type's fields, not upward links.
     * @since SPI 2.0
     */
    public static ReferenceRole named(String name) {
        return new ReferenceRole(name, ANY, false);
    }

    /** Whether this is a list or named role (declared or at an index). */
    public boolean isList() {
        return index != SINGLE;
    }

    /**
     * The reference at {@code i} of this list or named role.
     * @since SPI 2.0
     */
    public ReferenceRole at(int i) {
        if (!isList()) {
            throw new IllegalStateException("role " + name + " is single, not a list");
        }
        if (i < 0) {
            throw new IllegalArgumentException("negative index " + i + " in role " + name);
        }
        return new ReferenceRole(name, i, linked);
    }

    /** The role as its type declares it: itself for a single role, without the index for a list. */
    public ReferenceRole declaration() {
        return isList() && index != ANY ? new ReferenceRole(name, ANY, linked) : this;
    }

    @Override
    public String toString() {
        return index >= 0 ? name + "[" + index + "]" : name;
    }
}
