package io.lvstack.api;

import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A segment type: LVM2's {@code segtype_handler}, made generic. An implementation is stateless
 * (or holds only its settings) and must be safe to call from several threads.
 *
 * <p>The contract that keeps the stack consistent: <b>a segment type declares references, it
 * never makes them</b>. {@link #decode} names the areas key and count and the LVs referenced by
 * role; the engine resolves, stores and links them, and keeps the upward links
 * ({@code segs_using_this_lv}) in step. Everything a type receives is a read-only view.
 */
public interface SegmentType {

    /** The name written as {@code type = "..."} in metadata. */
    String name();

    Set<SegmentCapability> capabilities();

    default boolean has(SegmentCapability capability) {
        return capabilities().contains(capability);
    }

    /**
     * The extra LV references (besides areas) segments of this type may hold: single roles, and
     * the declarations of list and named roles ({@link ReferenceRole#list}, {@link ReferenceRole#named}),
     * in the order the engine keeps them.
     */
    default List<ReferenceRole> referenceRoles() {
        return List.of();
    }

    /**
     * A fallback type serves its name only when no loaded plugin provides a primary type of that
     * name, and only for sections it {@link #accepts}. The linear plugin uses this to read
     * LVM2's {@code type = "striped"} with {@code stripe_count = 1} when the striped plugin is
     * absent.
     */
    default boolean fallback() {
        return false;
    }

    /**
     * Extents each area of a segment maps (LVM2's {@code area_len}), for a segment of {@code len}
     * extents with {@code areaCount} areas and these fields. By default {@code len / areaCount}
     * with {@link SegmentCapability#AREAS_STRIPED} and {@code len} otherwise; a type whose areas
     * hold parity or several copies says so here (raid5 over 3 areas: {@code len / 2}; raid10 with
     * 2 copies over 4 areas: {@code len * 2 / 4}). The engine checks areas, PV usage and splits
     * with it.
     * @since SPI 2.0
     */
    default long areaLength(long len, int areaCount, TypeFields fields) {
        return areaCount > 0 && has(SegmentCapability.AREAS_STRIPED) ? len / areaCount : len;
    }

    /** Whether this type can read {@code segment}; a section it refuses is kept as unknown. */
    default boolean accepts(ConfigSection segment) {
        return true;
    }

    /**
     * Reads the type's own fields of a segment section (the engine has already read
     * {@code start_extent}, {@code extent_count}, {@code type} and {@code tags}).
     *
     * @param extentCount the segment's length in extents
     * @throws MetadataException naming the line and what was expected
     */
    DecodedSegment decode(ConfigSection segment, long extentCount);

    /**
     * The message when the LV a reference in {@code role} names does not exist, in LVM2's words
     * for this type ({@code Unknown logical volume X specified for snapshot cow store in ...}); by
     * default {@code Unrecognised TYPE ROLE in segment KEY of logical volume LV.}, as LVM2's mirror
     * log.
     * @since SPI 2.0
     */
    default String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        return "Unrecognised " + name() + " " + role.name() + " in segment " + segmentKey + " of logical volume "
                + lvName + ".";
    }

    /**
     * The message when the LV that area {@code index} names in the type's own fields
     * ({@link DecodedSegment#named}: a cache's {@code origin = "x"}) does not exist, in LVM2's words
     * for the type ({@code Unknown LV specified for writecache origin x in ...}); by default LVM2's
     * words for a name in an areas array.
     * @since SPI 2.0
     */
    default String unresolvedArea(int index, String target, String segmentKey, String lvName) {
        return "Couldn't find volume '" + target + "' for segment '" + segmentKey + "'.";
    }

    /** Writes the type's own fields of {@code segment}, in LVM2's order. */
    void encode(SegmentView segment, SegmentWriter out);

    /** The name reports show for the segment ({@code linear} for a one-area striped segment). */
    default String displayName(SegmentView segment) {
        return name();
    }

    /** The stripe size in sectors, as reports show it ({@code stripe_size}); 0 when not striped. */
    default long stripeSize(SegmentView segment) {
        return 0;
    }

    /** The region size in sectors, as reports show it ({@code region_size}); 0 when none. */
    default long regionSize(SegmentView segment) {
        return 0;
    }

    /** Reports what is wrong with the type's own fields of {@code segment}. */
    default void validate(SegmentView segment, ProblemSink problems) {
    }

    /**
     * Whether {@code second}, which follows {@code first} in the same LV, can be merged into it
     * (LVM2's {@code merge_segments} hook). The engine merges areas; the type keeps
     * {@code first}'s fields.
     */
    default boolean canMerge(SegmentView first, SegmentView second) {
        return false;
    }

    /**
     * Fields of the two halves when {@code segment} (which has {@link SegmentCapability#CAN_SPLIT})
     * is split {@code offset} extents from its start. Immutable fields are usually shared. For a
     * segment that cannot be split but maps sub-LVs, {@code lvreduce} keeps the first half's fields
     * when it shortens it to {@code offset} extents (an integrity segment's data size; since SPI 2.1).
     */
    default List<TypeFields> splitFields(SegmentView segment, long offset) {
        return List.of(segment.fields(), segment.fields());
    }

    /**
     * Says what {@code lv} means in reports ({@code lv_attr}, {@code lv_layout}, {@code lv_role},
     * fields such as {@code mirror_log} or {@code pool_lv}). Called once per report row for each
     * type that owns a segment of {@code lv} or has a segment using it; a type tells the two apart
     * by looking at {@code lv.segments()} and {@code lv.users()}.
     * @since SPI 2.0
     */
    default void describe(LvView lv, LvTraits traits) {
    }

    /**
     * A new segment of this type with {@code areaCount} areas, as an operation makes it (lvcreate,
     * lvextend, a layer, a mirror's legs, a pvmove), with the sizes {@code options} asks for or the
     * type's defaults; empty when this type's segments are not made from areas alone or cannot
     * have that many. The engine allocates and links the areas.
     * @since SPI 2.0
     */
    default Optional<NewSegment> newSegment(int areaCount, SegmentOptions options) {
        return Optional.empty();
    }

    /**
     * The type's own {@code lvcreate --type}, when making its LVs takes more than allocated areas
     * and {@link #newSegment} (sub-LVs, a log, pool metadata). The engine runs it as one atomic
     * change through a {@link io.lvstack.api.ops.VgEditor}.
     * @since SPI 2.0
     */
    default Optional<LvCreator> creator() {
        return Optional.empty();
    }

    /**
     * The type's own {@code lvconvert}: conversions to this type and of LVs made of it.
     * @since SPI 2.0
     */
    default Optional<LvConverter> converter() {
        return Optional.empty();
    }

    /**
     * The type's part in {@code lvremove} of LVs that own its segments: what it updates before
     * they go (a thin pool's transaction).
     * @since SPI 2.0
     */
    default Optional<LvRemover> remover() {
        return Optional.empty();
    }

    /**
     * The type's own {@code lvextend}, for LVs whose last segment is of this type when growing
     * takes more than appended areas or a longer virtual segment (a pool's data LV).
     * @since SPI 2.0
     */
    default Optional<LvResizer> resizer() {
        return Optional.empty();
    }

    /** Called for link changes of this type's segments (LVM2 marks mirror images and logs). */
    default Optional<LinkHook> linkHook() {
        return Optional.empty();
    }

    /**
     * The extents {@code segment}'s device-mapper target maps (its table line's length): all of
     * them by default; a raid segment in mid-reshape leaves out its reshape space (LVM2's
     * {@code _seg_len}).
     * @since SPI 2.1
     */
    default long tableExtents(SegmentView segment) {
        return segment.len();
    }

    /**
     * The device-mapper target and parameters for {@code segment}, without start and length
     * ({@code "linear 7:0 2048"}); empty when the type has no target.
     */
    default Optional<String> targetLine(SegmentView segment, TargetContext context) {
        return Optional.empty();
    }

    /**
     * The device-mapper devices {@code lv} is made of, when this type lays them out (LVM2's
     * layered devices, see {@link DeviceLayout}); empty to leave the LV as it is by default: one
     * device {@code VG-LV} whose table is its own segments. Called when tables are built, for
     * each type that owns a segment of {@code lv} or has a segment using it (as {@link #describe});
     * a type tells the two apart by {@code lv.segments()} and {@code lv.users()}. Lines the type
     * writes itself name devices through {@code context}, as {@link #targetLine} does; the engine
     * may ask twice (once to learn what the lines name, once to write them with device numbers)
     * and expects the same layout both times. Two types declaring different layouts for one LV
     * cost that LV its tables.
     * @since SPI 2.0
     */
    default Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        return Optional.empty();
    }
}
