package io.lvstack.api.ops;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.model.VgView;
import java.util.List;
import java.util.Optional;

/**
 * The engine's services for a segment type's own operation, valid only during that operation:
 * one atomic change of one VG. Every edit goes through here, so the engine keeps the upward
 * links, the LV marks and the list order as it does for its own operations; when the operation
 * throws, the whole change rolls back and the VG is as before. Views passed in must be of this
 * VG (the ones this editor or {@link #vg()} gave); refusals are {@link io.lvstack.api.LvstackException}s
 * in LVM2's words.
 * @since SPI 2.0
 */
public interface VgEditor {
    /** The VG being changed, as it is now (views follow the edits). */
    VgView vg();

    /** The type plain LVs, legs and layers are made of (LVM2's {@code striped}). */
    SegmentType plainType();

    /**
     * The type whose creator or converter runs, as the engine registered it: a type makes its
     * segments of this type and compares {@link SegmentView#type()} with it, rather than with
     * itself (what is registered may wrap the plugin's object, as a test's faulty type does).
     * @since SPI 2.0
     */
    SegmentType type();

    /**
     * What {@code type} makes of {@code areaCount} areas with {@code options}
     * ({@link SegmentType#newSegment}), called as the engine calls a plugin: a failure names the
     * plugin and the call. Refuses when the type makes no such segment.
     * @since SPI 2.0
     */
    NewSegment newSegment(SegmentType type, int areaCount, SegmentOptions options);

    /**
     * The segment's region size as its type reports it ({@link SegmentType#regionSize}), called as
     * the engine calls a plugin.
     * @since SPI 2.0
     */
    long regionSize(SegmentView segment);

    /**
     * A new LV without segments, {@code READ WRITE} and, when {@code visible}, {@code VISIBLE},
     * with a fresh id and the operation's creation time and host, appended to the VG's LV list.
     * LVM2's name rules are checked and the name must be free; whether {@code VG-LV} is short
     * enough for LVM2 to map is checked when the operation returns, for every LV it made or
     * renamed, in the VG's list order (LVM2's {@code vg_validate} at the write).
     */
    LvView createLv(String name, boolean visible);

    /** Removes an LV no segment uses any more, with its segments. */
    void removeLv(LvView lv);

    /** Renames {@code lv}; the new name is checked as {@link #createLv} checks it. */
    void renameLv(LvView lv, String name);

    /** Sets or clears a stored status bit ({@code VISIBLE}, {@code NOTSYNCED}, ...). */
    void setStatus(LvView lv, LvStatus bit, boolean on);

    /**
     * Appends a segment of {@code len} extents at {@code le} (the LV's end) with
     * {@code areaCount} unassigned areas; {@code type} must be a registered type (a plugin passes
     * itself, or {@link #plainType()}).
     */
    SegmentView addSegment(LvView lv, SegmentType type, TypeFields fields, long le, long len, int areaCount);

    /** Removes a segment, releasing its areas and references; later segments keep their start. */
    void removeSegment(SegmentView segment);

    /** Maps area {@code index} of {@code segment} onto {@code pv} from extent {@code pe}. */
    void setPvArea(SegmentView segment, int index, PvView pv, long pe);

    /** Maps area {@code index} of {@code segment} onto {@code lv} from extent {@code le}. */
    void setLvArea(SegmentView segment, int index, LvView lv, long le);

    /** Makes {@code segment} reference {@code lv} in {@code role}, one of its type's roles. */
    void attach(SegmentView segment, ReferenceRole role, LvView lv);

    /** Drops {@code segment}'s reference in {@code role}, returning the LV it held. */
    Optional<LvView> detach(SegmentView segment, ReferenceRole role);

    /** Chooses free extents as LVM2's allocator does, or refuses in LVM2's words. */
    Allocated allocate(AreaRequest request);

    /**
     * Appends one segment of {@code type} over {@code pieces} (one per area, each
     * {@code length} extents) after the LV's last extent, and returns it.
     */
    SegmentView appendOnPvs(LvView lv, SegmentType type, TypeFields fields, long length, List<PvExtents> pieces);

    /** Merges neighbouring segments of {@code lv} where their types allow (LVM2's {@code lv_merge_segments}). */
    void mergeSegments(LvView lv);

    /** Moves every segment of {@code from} to the end of {@code to}, areas and references with them. */
    void moveSegments(LvView to, LvView from);

    /**
     * LVM2's {@code insert_layer_for_lv}: {@code lv}'s segments move to a new hidden LV named
     * {@code lv}'s name plus {@code suffix} ({@code %d} takes the next free index), and {@code lv}
     * maps onto it with one plain segment. Returns the layer; its name must fit as {@link #createLv} says.
     */
    LvView insertLayer(LvView lv, String suffix);

    /** LVM2's {@code remove_layer_from_lv}: {@code layer}'s segments move back up into {@code lv}. */
    void removeLayer(LvView lv, LvView layer);

    /** LVM2's next free name {@code prefix + N} ({@code lvol0}, {@code lv_mimage_2}). */
    String nextName(String prefix);

    /** The N of {@link #nextName}. */
    int nextIndex(String prefix);

    /**
     * Commits what is done so far as LVM2 does between the steps of one command (the seqno
     * rises); LVM2's last commit is the engine's, after the operation returns.
     */
    void commitStep();

    /** A line LVM2 prints during the operation, such as {@code   Using default stripesize 64.00 KiB.}. */
    void message(String line);

    /**
     * Replaces the type's own fields of {@code segment} (a pool's transaction id and messages).
     * @since SPI 2.0
     */
    void setFields(SegmentView segment, TypeFields fields);

    /**
     * LVM2's growing of a segment in place ({@code lv_add_virtual_segment}, or a pool segment
     * after its data LV grew): {@code segment} becomes {@code len} extents long, its areas map as
     * many more extents of their LVs, and later segments move up. Refused for a segment with PV
     * areas (those grow by appended segments).
     * @since SPI 2.0
     */
    void resizeSegment(SegmentView segment, long len);

    /**
     * LVM2's {@code handle_pool_metadata_spare}: the VG keeps one pool-metadata spare
     * ({@code lvolN_pmspare}), at least as large as the largest pool metadata; makes it, or grows
     * it to {@code extents}, allocating from {@code candidates}. Returns whether it made a new one
     * (LVM2 commits that on its own).
     * @since SPI 2.0
     */
    boolean poolMetadataSpare(long extents, List<PvExtents> candidates);

    /**
     * Appends one plain one-area segment per piece to {@code lv}, in order, and merges them as
     * LVM2 merges them (what a linear sub-LV made of allocated pieces is: a pool's metadata).
     * @since SPI 2.0
     */
    void appendPlain(LvView lv, List<PvExtents> pieces);

    /**
     * Appends to {@code lv} one segment of {@code type} per chunk of {@code allocated}, over the
     * chunk's pieces (its areas), with the fields the type makes for that many areas with
     * {@code options}, and merges them as LVM2's {@code lv_extend} does.
     * @since SPI 2.0
     */
    void appendAllocated(LvView lv, SegmentType type, SegmentOptions options, Allocated allocated);

    /**
     * Sets {@code lv}'s read-ahead in sectors ({@code read_ahead}; -1 is LVM2's {@code none}, as
     * an integrity metadata LV is made with).
     * @since SPI 2.1
     */
    void setReadAhead(LvView lv, long sectors);

    /**
     * Sets {@code lv}'s {@code allocation_policy} ({@code normal}, {@code contiguous},
     * {@code cling}, {@code anywhere}, {@code inherit}), as LVM2 writes it for an LV it made
     * with an explicit policy (the log of a raid1 LV turned into a mirror).
     * @since SPI 2.1
     */
    void setAllocationPolicy(LvView lv, String policy);

    /**
     * Sets a segment's {@code reshape_len} ({@code reshape_count} in metadata): the extents a raid
     * reshape keeps free in every data image, counted on the raid segment and on the first
     * segment of each image.
     * @since SPI 2.1
     */
    void setReshapeLen(SegmentView segment, long extents);
}
