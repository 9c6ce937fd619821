package io.lvstack.segtype.snapshot;

import io.lvstack.api.MetadataException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.DeviceTable;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.LvView;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's old-style copy-on-write snapshot ({@code lib/snapshot/snapshot.c}). LVM2 keeps a hidden
 * {@code snapshotN} LV holding one segment of this type, as long as the origin, with no areas:
 * it names the {@code origin}, the {@code cow_store} (the LV with the user's snapshot name, or
 * {@code merging_store} while it merges) and the {@code chunk_size} in sectors. The
 * {@code snapshotN} LV is never listed nor activated; the COW LV is shown in its place, as the
 * snapshot, and becomes the {@code snapshot} device over the origin's {@code -real} layer and its
 * own {@code -cow} layer, while the origin becomes {@code snapshot-origin} over {@code -real}.
 */
public final class SnapshotSegmentType implements SegmentType {
    /** The LV snapshotted. */
    public static final ReferenceRole ORIGIN = ReferenceRole.of("origin");
    /** The LV holding the exceptions (the user's snapshot name). */
    public static final ReferenceRole COW = ReferenceRole.of("cow_store");

    /** The kernel's snapshot target takes chunks of a power of 2 from 4 KiB to 512 KiB, in sectors. */
    static final long MIN_CHUNK = 8;
    static final long MAX_CHUNK = 1024;

    private final SnapshotLinkHook hook = new SnapshotLinkHook(this);
    private final SnapshotCreator creator = new SnapshotCreator();
    private final SnapshotRemover remover = new SnapshotRemover();

    @Override
    public Optional<LvRemover> remover() {
        return Optional.of(remover);
    }

    @Override
    public Optional<LvCreator> creator() {
        return Optional.of(creator);
    }

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.noneOf(SegmentCapability.class);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(ORIGIN, COW);
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(hook);
    }

    /** As {@code _snap_text_import}: the COW (or merging) store is read before the origin. */
    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        String where = " segment " + segment.key() + ".";
        if (!(segment.value("chunk_size").orElse(null) instanceof ConfigValue.Int chunkValue)) {
            throw new MetadataException(segment.lineOf("chunk_size"), "Couldn't read chunk size for snapshot.");
        }
        long chunk = chunkValue.value();
        boolean hasCow = segment.has("cow_store");
        boolean hasMerging = segment.has("merging_store");
        if (hasCow && hasMerging) {
            throw new MetadataException(segment.lineOf("merging_store"),
                    "Both snapshot cow and merging storage were specified in" + where);
        }
        if (!hasCow && !hasMerging) {
            throw new MetadataException(segment.line(), "Snapshot cow storage not specified in" + where);
        }
        String key = hasMerging ? "merging_store" : "cow_store";
        String cow = string(segment, key, (hasMerging ? "Merging store" : "Cow store") + " must be a string in" + where);
        if (!segment.has("origin")) {
            throw new MetadataException(segment.line(), "Snapshot origin not specified in" + where);
        }
        String origin = string(segment, "origin", "Snapshot origin must be a string in" + where);
        Map<ReferenceRole, String> refs = new LinkedHashMap<>();
        refs.put(COW, cow);
        refs.put(ORIGIN, origin);
        return new DecodedSegment(null, 0, new SnapshotFields(chunk, hasMerging), refs);
    }

    /** As {@code _snap_text_import} words it. */
    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        return "Unknown logical volume " + target + " specified for snapshot "
                + (role.equals(COW) ? "cow store" : "origin") + " in segment " + segmentKey + " of logical volume "
                + lvName + ".";
    }

    private static String string(ConfigSection segment, String key, String message) {
        if (segment.value(key).orElse(null) instanceof ConfigValue.Str s) {
            return s.value();
        }
        throw new MetadataException(segment.lineOf(key), message);
    }

    /** As {@code _snap_text_export}: {@code chunk_size} without a size comment, origin, then the store. */
    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        SnapshotFields f = (SnapshotFields) segment.fields();
        out.integer("chunk_size", f.chunkSize());
        out.string("origin", segment.reference(ORIGIN).orElseThrow().name());
        out.string(f.merging() ? "merging_store" : "cow_store", segment.reference(COW).orElseThrow().name());
    }

    /**
     * LVM2's {@code check_lv_segments} refuses a snapshot of itself; lvstack also refuses a chunk
     * size the kernel's snapshot target cannot load, which LVM2 reads without a word.
     */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        LvView origin = segment.reference(ORIGIN).orElse(null);
        LvView cow = segment.reference(COW).orElse(null);
        if (origin != null && origin == cow) {
            problems.lvError("segment " + number(segment) + " has same LV " + origin.name()
                    + " for both origin and snapshot");
        }
        long chunk = ((SnapshotFields) segment.fields()).chunkSize();
        if (chunk < MIN_CHUNK || chunk > MAX_CHUNK || Long.bitCount(chunk) != 1) {
            problems.error("chunk size " + chunk + " is not a power of 2 from " + MIN_CHUNK + " to " + MAX_CHUNK
                    + " sectors (4 KiB to 512 KiB), so the kernel's snapshot target refuses it");
        }
    }

    /**
     * Whether a segment is of this type, by name: the registry answers with this object, but a
     * test may wrap the type (one name, one type, as the registry guarantees).
     */
    boolean ours(SegmentView segment) {
        return segment.type().name().equals(name());
    }

    private static int number(SegmentView segment) {
        return segment.lv().segments().indexOf(segment) + 1;
    }

    /**
     * {@code lv_attr}, {@code lv_layout}, {@code lv_role} and fields as LVM2's reports give them:
     * an origin {@code o} with target {@code s} and roles {@code origin,thickorigin} (and
     * {@code multithickorigin} with several snapshots); a COW store {@code s}/{@code s}, roles
     * {@code snapshot,thicksnapshot}, its snapshot's origin and chunk size, counted in
     * {@code #SN}. The {@code snapshotN} LV itself is never listed.
     */
    @Override
    public void describe(LvView lv, LvTraits traits) {
        int snapshots = 0;
        for (SegmentView user : lv.users()) {
            if (!ours(user)) {
                continue;
            }
            if (user.reference(COW).orElse(null) == lv) {
                traits.attr(LvTraits.VOLUME_TYPE, 's', 5);
                traits.attr(LvTraits.TARGET_TYPE, 's', 20);
                traits.role("snapshot");
                traits.role("thicksnapshot");
                user.reference(ORIGIN).ifPresent(o -> traits.field("origin", new FieldValue.Lv(o)));
                traits.field("chunk_size", new FieldValue.Size(((SnapshotFields) user.fields()).chunkSize()));
                traits.countInVg("snap_count");
            }
            if (user.reference(ORIGIN).orElse(null) == lv) {
                snapshots++;
            }
        }
        if (snapshots > 0) {
            traits.attr(LvTraits.VOLUME_TYPE, 'o', 80);
            traits.attr(LvTraits.TARGET_TYPE, 's', 20);
            traits.role("origin");
            traits.role("thickorigin");
            if (snapshots > 1) {
                traits.role("multithickorigin");
            }
        }
    }

    /**
     * The devices LVM2 loads: none for {@code snapshotN}; the origin as {@code snapshot-origin}
     * over its {@code -real} layer (its own segments); the COW LV as {@code snapshot} over the
     * origin's {@code -real} and its own {@code -cow} layer (its own segments), as long as the
     * origin, with the persistent {@code P} and the chunk size.
     */
    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        for (SegmentView own : lv.segments()) {
            if (ours(own)) {
                return Optional.of(DeviceLayout.none());
            }
        }
        for (SegmentView user : lv.users()) {
            if (!ours(user)) {
                continue;
            }
            LvView origin = user.reference(ORIGIN).orElseThrow();
            if (user.reference(COW).orElseThrow() == lv) {
                String line = "snapshot " + context.layerDevice(origin, "real") + " " + context.layerDevice(lv, "cow")
                        + " P " + ((SnapshotFields) user.fields()).chunkSize();
                return Optional.of(DeviceLayout.top(DeviceTable.line(user.len() * context.extentSize(), line))
                        .withLayer("cow", DeviceTable.segments()));
            }
            if (origin == lv) {
                return Optional.of(DeviceLayout.top(DeviceTable.line(lv.extentCount() * context.extentSize(),
                        "snapshot-origin " + context.layerDevice(lv, "real"))).withLayer("real", DeviceTable.segments()));
            }
        }
        return Optional.empty();
    }
}
