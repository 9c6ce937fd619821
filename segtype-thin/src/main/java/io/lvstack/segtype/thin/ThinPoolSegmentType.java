package io.lvstack.segtype.thin;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.DeviceTable;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's {@code thin-pool} segment type ({@code lib/thin/thin.c}): one area, the data LV at LE 0
 * (written {@code pool = "lv"}), the metadata LV in the {@link #METADATA} role, and the LVs of
 * pending {@code create} messages in the named role {@link #MESSAGE}.
 */
public final class ThinPoolSegmentType implements SegmentType {
    public static final String NAME = "thin-pool";
    /** The pool's metadata LV ({@code metadata = "lv"}). */
    public static final ReferenceRole METADATA = ReferenceRole.of("metadata");
    /** LVs named by pending {@code messageN { create = "lv" }} sections: named, not used. */
    public static final ReferenceRole MESSAGE = ReferenceRole.named("message");
    /** The layer that holds the thin-pool target of a pool in use. */
    static final String TPOOL = "tpool";

    /** {@code DM_THIN_MIN_DATA_BLOCK_SIZE} and {@code DM_THIN_MAX_DATA_BLOCK_SIZE}, in sectors. */
    static final long MIN_CHUNK = 128;
    static final long MAX_CHUNK = 2097152;
    private static final List<String> DISCARDS = List.of("ignore", "nopassdown", "passdown");

    private final LinkHook hook = new ThinLinkHook(this);
    private final ThinPoolCreator creator = new ThinPoolCreator();
    private final ThinPoolResizer resizer = new ThinPoolResizer();

    @Override
    public Optional<LvCreator> creator() {
        return Optional.of(creator);
    }

    @Override
    public Optional<LvResizer> resizer() {
        return Optional.of(resizer);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.of(SegmentCapability.POOL);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(METADATA, MESSAGE);
    }

    /** {@code _thin_pool_text_import}'s words for an LV it cannot find: {@code Unknown metadata X in segment ...}. */
    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        String what = role.equals(METADATA) ? "metadata " + target : role.name().equals(MESSAGE.name())
                ? "LV " + target + " for create message" : role.name() + " " + target;
        return "Unknown " + what + " in segment " + segmentKey + " of logical volume " + lvName + ".";
    }

    /** LVM2's {@code _thin_pool_text_import} and {@code _thin_pool_add_message}, in their order and words. */
    @Override
    public DecodedSegment decode(ConfigSection s, long extentCount) {
        String metadata = Text.string(s, "metadata");
        if (metadata == null) {
            throw Text.error(s, "metadata", "Metadata must be a string in");
        }
        String pool = Text.string(s, "pool");
        if (pool == null) {
            throw Text.error(s, "pool", "Pool must be a string in");
        }
        Long tid = Text.integer(s, "transaction_id", Long.MAX_VALUE);
        if (tid == null) {
            throw Text.error(s, "transaction_id", "Could not read transaction_id for");
        }
        Long chunk = Text.integer(s, "chunk_size", 0xFFFFFFFFL);
        if (chunk == null) {
            throw Text.error(s, "chunk_size", "Could not read chunk_size");
        }
        if (chunk < MIN_CHUNK || chunk > MAX_CHUNK) {
            // LVM2 prints the segment's device_id here, which a pool never has: always 0.
            throw Text.error(s, "chunk_size", "Unsupported value 0 for chunk_size");
        }
        String discards = "ignore";
        if (s.has("discards")) {
            String d = Text.string(s, "discards");
            if (d == null || !DISCARDS.contains(d.toLowerCase(Locale.ROOT))) {
                throw Text.error(s, "discards", "Discards option unsupported for");
            }
            discards = d.toLowerCase(Locale.ROOT);
        }
        boolean zero = false;
        if (s.has("zero_new_blocks")) {
            Long z = Text.integer(s, "zero_new_blocks", 0xFFFFFFFFL);
            if (z == null) {
                throw Text.error(s, "zero_new_blocks", "Could not read zero_new_blocks for");
            }
            zero = z != 0;
        }
        Long crop = null;
        if (s.has("crop_metadata")) {
            crop = Text.integer(s, "crop_metadata", 0xFFFFFFFFL);
            if (crop == null) {
                throw Text.error(s, "crop_metadata", "Could not read crop_metadata for");
            }
        }
        Map<ReferenceRole, String> refs = new LinkedHashMap<>();
        refs.put(METADATA, metadata);
        List<ThinPoolFields.Message> messages = new ArrayList<>();
        Map<String, Boolean> created = new HashMap<>();
        List<Long> deleted = new ArrayList<>();
        int creates = 0;
        for (ConfigNode n : s.children()) {
            if (!(n instanceof ConfigSection m)) {
                continue;
            }
            String create = Text.string(m, "create");
            if (create == null && m.has("trim")) {
                throw Text.error(s, null, "Sorry, trim messages are not supported in");
            }
            Long delete = m.has("delete") ? Text.integer(m, "delete", 0xFFFFFFFFL) : null;
            if (create != null && delete != null) {
                throw Text.error(s, null, "Unsupported message format in");
            }
            if (create != null) {
                if (created.put(create, true) != null) {
                    throw Text.error(s, null, "Message referring LV " + create + " already queued in pool");
                }
                refs.put(MESSAGE.at(creates), create);
                messages.add(new ThinPoolFields.Message.Create(creates++));
            } else if (delete != null) {
                if (deleted.contains(delete)) {
                    throw Text.error(s, null, "Delete for device " + delete + " already queued in pool");
                }
                deleted.add(delete);
                messages.add(new ThinPoolFields.Message.Delete(delete));
            } else {
                throw Text.error(s, null, "Unknown message in");
            }
        }
        return DecodedSegment.named(List.of(new DecodedSegment.NamedArea(pool, 0)),
                new ThinPoolFields(tid, chunk, discards, zero, crop, messages), refs);
    }

    /** LVM2's {@code _thin_pool_text_export}: order, conditions, the size comment of {@code chunk_size}. */
    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        ThinPoolFields f = (ThinPoolFields) segment.fields();
        out.string("metadata", segment.reference(METADATA).orElseThrow(() -> new io.lvstack.api.LvstackException(
                "thin pool " + segment.lv().name() + " has no metadata LV, which metadata cannot express")).name());
        out.string("pool", dataLv(segment).orElseThrow(() -> new io.lvstack.api.LvstackException("thin pool "
                + segment.lv().name() + " has no data LV in area 0, which metadata cannot express")).name());
        out.integer("transaction_id", f.transactionId());
        out.size("chunk_size", f.chunkSize());
        out.string("discards", f.discards());
        if (f.zeroNewBlocks()) {
            out.integer("zero_new_blocks", 1);
        }
        if (f.cropMetadata() != null) {
            out.integer("crop_metadata", f.cropMetadata());
        }
        int n = 0;
        for (ThinPoolFields.Message m : f.messages()) {
            String create = null;
            if (m instanceof ThinPoolFields.Message.Create c) {
                Optional<LvView> lv = segment.reference(MESSAGE.at(c.index()));
                if (lv.isEmpty()) {
                    continue; // the LV was removed: LVM2 drops its message with it
                }
                create = lv.get().name();
            }
            if (n == 0) {
                out.blankLine();
            }
            String name = create;
            out.section("message" + ++n, w -> {
                if (name != null) {
                    w.string("create", name);
                } else {
                    w.integer("delete", ((ThinPoolFields.Message.Delete) m).deviceId());
                }
            });
        }
    }

    /**
     * LVM2's thin-pool rules of {@code check_lv_segments} and {@code _check_lv_segment}, and two
     * of lvstack's own: thin LVs of one pool with the same {@code device_id} (they would share
     * data) and a pool {@code transaction_id} below one of its thin LVs' (the kernel's pool would
     * not match the metadata); LVM2 accepts both.
     */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        ThinPoolFields f = (ThinPoolFields) segment.fields();
        if (segment.lv().segments().size() != 1) {
            problems.lvError("must have exactly one segment");
        }
        if (segment.areaCount() != 1 || dataLv(segment).isEmpty()) {
            problems.error("is missing a pool data LV");
        }
        Optional<LvView> meta = segment.reference(METADATA);
        if (meta.isEmpty()) {
            problems.error("is missing a pool metadata LV");
        } else if (!meta.get().name().contains("_tmeta")) {
            problems.lvError("thin pool metadata LV does not use _tmeta");
        }
        if (!validChunkSize(f.chunkSize())) {
            problems.error("has invalid chunk size.");
        }
        Map<Long, String> ids = new HashMap<>();
        for (LvView thin : thinLvs(segment.lv())) {
            ThinFields t = (ThinFields) thin.segments().get(0).fields();
            String other = ids.putIfAbsent(t.deviceId(), thin.name());
            if (other != null) {
                problems.lvError("thin LVs " + other + " and " + thin.name() + " have the same device_id "
                        + t.deviceId() + " (lvstack refuses it: they would share their data)");
            }
            if (f.transactionId() < t.transactionId()) {
                problems.lvError("transaction_id " + f.transactionId() + " is below the transaction_id "
                        + t.transactionId() + " of its thin LV " + thin.name()
                        + " (lvstack refuses it: the pool could not be activated)");
            }
        }
    }

    /** LVM2's {@code validate_thin_pool_chunk_size}: 64 KiB..1 GiB, a multiple of 64 KiB. */
    public static boolean validChunkSize(long sectors) {
        return sectors >= MIN_CHUNK && sectors <= MAX_CHUNK && sectors % MIN_CHUNK == 0;
    }

    /** The thin LVs of {@code pool}: owners of thin segments whose pool it is, in link order. */
    static List<LvView> thinLvs(LvView pool) {
        List<LvView> out = new ArrayList<>();
        for (SegmentView user : pool.users()) {
            if (user.type() instanceof ThinSegmentType && user.reference(ThinSegmentType.POOL).orElse(null) == pool
                    && !out.contains(user.lv()) && user.fields() instanceof ThinFields) {
                out.add(user.lv());
            }
        }
        return out;
    }

    /**
     * LVM2's {@code _lv_layout_and_role_thin} and {@code lv_attr} for a pool and its parts: the
     * pool is {@code thin,pool}, private, {@code t} with target {@code t} and {@code z} when it
     * zeroes new blocks; its data LV {@code T}, its metadata LV {@code e}.
     */
    @Override
    public void describe(LvView lv, LvTraits traits) {
        Optional<SegmentView> own = poolSegment(lv);
        if (own.isPresent()) {
            SegmentView seg = own.get();
            ThinPoolFields f = (ThinPoolFields) seg.fields();
            traits.layout("thin");
            traits.layout("pool");
            traits.privateLv();
            traits.attr(LvTraits.VOLUME_TYPE, 't', 25);
            traits.attr(LvTraits.TARGET_TYPE, 't', 60);
            if (f.zeroNewBlocks()) {
                traits.attr(LvTraits.ZERO, 'z', 10);
            }
            dataLv(seg).ifPresent(d -> traits.field("data_lv", new FieldValue.Lv(d)));
            seg.reference(METADATA).ifPresent(m -> traits.field("metadata_lv", new FieldValue.Lv(m)));
            traits.field("chunk_size", new FieldValue.Size(f.chunkSize()));
        }
        if (lv.has(ThinMarks.DATA)) {
            traits.role("thin");
            traits.role("pool");
            traits.role("data");
            traits.attr(LvTraits.VOLUME_TYPE, 'T', 20);
        }
        if (lv.has(ThinMarks.METADATA)) {
            traits.role("thin");
            traits.role("pool");
            traits.role("metadata");
            traits.attr(LvTraits.VOLUME_TYPE, 'e', 70);
        }
    }

    /** {@code thin-pool <meta> <data> <chunk> <low_water_mark> <#features> [features]}; low water mark 0 (threshold 100). */
    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        ThinPoolFields f = (ThinPoolFields) segment.fields();
        List<String> features = new ArrayList<>();
        if (!f.zeroNewBlocks()) {
            features.add("skip_block_zeroing");
        }
        if (f.discards().equals("ignore")) {
            features.add("ignore_discard");
        }
        if (f.discards().equals("nopassdown")) {
            features.add("no_discard_passdown");
        }
        if (segment.lv().has(LvStatus.ERROR_WHEN_FULL)) {
            features.add("error_if_no_space");
        }
        StringBuilder line = new StringBuilder("thin-pool ")
                .append(context.lvDevice(segment.reference(METADATA).orElseThrow()))
                .append(' ').append(context.lvDevice(dataLv(segment).orElseThrow())).append(' ').append(f.chunkSize())
                .append(" 0 ").append(features.size());
        for (String feature : features) {
            line.append(' ').append(feature);
        }
        return Optional.of(line.toString());
    }

    /**
     * A pool in use ({@code transaction_id} above 0) has its thin-pool line on {@code -tpool} and
     * is itself {@code linear} over it; a new pool is the thin-pool device itself.
     */
    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        if (poolSegment(lv).isEmpty() || !layered(lv)) {
            return Optional.empty();
        }
        return Optional.of(DeviceLayout.top(DeviceTable.line(lv.extentCount() * context.extentSize(),
                "linear " + context.layerDevice(lv, TPOOL) + " 0")).withLayer(TPOOL, DeviceTable.segments()));
    }

    /** Whether {@code pool} is in use (LVM2's {@code !lv_is_new_thin_pool}), so that its target is on {@code -tpool}. */
    static boolean layered(LvView pool) {
        return poolSegment(pool).map(s -> ((ThinPoolFields) s.fields()).transactionId() > 0).orElse(false);
    }

    /** The LV's first segment when it is a thin-pool one. */
    static Optional<SegmentView> poolSegment(LvView lv) {
        if (!lv.segments().isEmpty() && lv.segments().get(0).type() instanceof ThinPoolSegmentType) {
            return Optional.of(lv.segments().get(0));
        }
        return Optional.empty();
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(hook);
    }

    /** The data LV: an LV in area 0. */
    static Optional<LvView> dataLv(SegmentView segment) {
        if (segment.areaCount() > 0 && segment.area(0).orElse(null) instanceof Area.OnLv on) {
            return Optional.of(on.lv());
        }
        return Optional.empty();
    }
}
