package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.DeviceTable;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's {@code cache} segment type ({@code lib/cache_segtype/cache.c}): one area, the origin LV
 * ({@code _corig}) at LE 0, and its cache in the {@link #POOL} role: a cache pool, or a cachevol
 * (an LV flagged {@code CACHE_VOL} whose ranges and settings the cache segment keeps).
 */
public final class CacheSegmentType implements SegmentType {
    /** The one converter of the plugin\'s three types (stateless). */
    private static final LvConverter CONVERTER = new CacheConverter();
    /** The one remover of the plugin's three types (stateless). */
    private static final LvRemover REMOVER = new CacheRemover();
    public static final String NAME = "cache";
    /** The cache pool or cachevol ({@code cache_pool = "lv"}). */
    public static final ReferenceRole POOL = ReferenceRole.of("cache_pool");
    /** The layers of a cachevol that a cache uses: its metadata and data ranges. */
    static final String CMETA = "cmeta";
    static final String CDATA = "cdata";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.noneOf(SegmentCapability.class);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(POOL);
    }

    /** LVM2's {@code _cache_text_import}, in its order and words. */
    @Override
    public DecodedSegment decode(ConfigSection s, long extentCount) {
        String pool = Text.lvName(s, "cache_pool", "cache_pool");
        String origin = Text.lvName(s, "origin", "Cache origin");
        boolean cleaner = false;
        if (s.has("cleaner")) {
            cleaner = Text.requireInteger(s, "cleaner", Text.UINT32, "Could not read cache cleaner in") != 0;
        }
        CacheSettings settings = CacheSettings.read(s, 0);
        if (s.has("metadata_format")) {
            long f = Text.requireInteger(s, "metadata_format", Text.UINT32, "Couldn't read cache metadata_format in");
            if (f != 2) {
                throw Text.error(s, "metadata_format", "Unknown cache metadata format " + f + " number in");
            }
            settings = settings.withFormat(2);
        }
        CacheVolRanges ranges = s.has("metadata_start") ? CacheVolRanges.read(s) : null;
        return DecodedSegment.named(List.of(new DecodedSegment.NamedArea(origin, 0)),
                new CacheFields(cleaner, settings, ranges), Map.of(POOL, pool));
    }

    @Override
    public String unresolvedArea(int index, String target, String segmentKey, String lvName) {
        return Text.unresolved("Unknown logical volume " + target + " specified for cache origin", segmentKey, lvName);
    }

    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        return Text.unresolved("Unknown logical volume " + target + " specified for cache_pool", segmentKey, lvName);
    }

    /** LVM2's {@code _cache_text_export}: the settings and ranges only when the cache is a cachevol. */
    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        CacheFields f = (CacheFields) segment.fields();
        out.string("cache_pool", segment.reference(POOL).orElseThrow(() -> new LvstackException("cache LV "
                + segment.lv().name() + " has no cache pool, which metadata cannot express")).name());
        out.string("origin", origin(segment).orElseThrow(() -> new LvstackException("cache LV "
                + segment.lv().name() + " has no origin LV in area 0, which metadata cannot express")).name());
        if (f.cleaner()) {
            out.integer("cleaner", 1);
        }
        if (cachevol(segment)) {
            out.integer("metadata_format", f.settings().metadataFormat());
            f.settings().write(out);
            (f.ranges() == null ? CacheVolRanges.ZERO : f.ranges()).write(out);
        }
    }

    /** LVM2's cache rules of {@code check_lv_segments} and {@code _check_lv_segment}, in its order and words. */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        if (segment.lv().segments().size() != 1) {
            problems.lvError("must have exactly one segment");
        }
        CacheFields f = (CacheFields) segment.fields();
        Optional<LvView> pool = segment.reference(POOL);
        if (pool.isEmpty()) {
            problems.error("is missing cache pool LV");
        } else if (CachePoolSegmentType.poolSegment(pool.get()).isEmpty() && !pool.get().has(LvStatus.CACHE_VOL)) {
            problems.error("is not referencing cache pool LV");
        }
        if (cachevol(segment)) {
            checkSettings(f.settings(), segment.lv().userCount() > 0, problems);
            if (segment.lv().has(LvStatus.METADATA_FORMAT) && f.settings().metadataFormat() != 2) {
                problems.error("sets METADATA_FORMAT flag");
            }
            if (pool.isPresent() && !pool.get().has(LvStatus.CACHE_VOL)) {
                problems.warning("cachevol " + pool.get().name() + " lacks the CACHE_VOL flag, which LVM2 sets on"
                        + " reading and writes back");
            }
        } else {
            CacheSettings s = f.settings();
            if (s.metadataFormat() != 0) {
                problems.error("sets cache metadata format");
            }
            if (s.cacheMode() != null) {
                problems.error("sets cache mode");
            }
            if (s.policy() != null) {
                problems.error("sets policy name");
            }
            if (s.policySettings() != null) {
                problems.error("sets policy settings");
            }
            if (segment.lv().has(LvStatus.METADATA_FORMAT)) {
                problems.error("sets METADATA_FORMAT flag");
            }
        }
    }

    /** The rules LVM2 applies to a segment keeping cache settings: all set when it is used, a valid chunk. */
    static void checkSettings(CacheSettings s, boolean used, ProblemSink problems) {
        if (used) {
            if (s.metadataFormat() != 1 && s.metadataFormat() != 2) {
                problems.error("has invalid cache metadata format");
            }
            if (s.cacheMode() == null) {
                problems.error("has invalid cache's feature flag");
            }
            if (s.policy() == null) {
                problems.error("is missing cache policy name");
            }
        }
        if (!CacheSettings.validChunkSize(s.chunkSize())) {
            problems.error("has invalid chunk size.");
        }
    }

    /**
     * LVM2's {@code _lv_layout_and_role_cache} and {@code lv_attr}: a cache LV is {@code cache},
     * {@code C} with target {@code C}, names its pool and origin; its origin is a private
     * {@code cache,origin,cacheorigin} with {@code o}; a cachevol it uses is a private
     * {@code cache,cachevol} with {@code C}.
     */
    @Override
    public void describe(LvView lv, LvTraits traits) {
        Optional<SegmentView> own = cacheSegment(lv);
        if (own.isPresent()) {
            SegmentView seg = own.get();
            traits.layout("cache");
            traits.attr(LvTraits.VOLUME_TYPE, 'C', 60);
            traits.attr(LvTraits.TARGET_TYPE, 'C', 50);
            seg.reference(POOL).ifPresent(p -> traits.field("pool_lv", new FieldValue.Lv(p)));
            if (!pendingDelete(lv)) {
                origin(seg).ifPresent(o -> traits.field("origin", new FieldValue.Lv(o)));
            }
            traits.field("chunk_size", new FieldValue.Size(chunkSize(seg)));
        }
        if (Origins.onlyUser(lv, CacheSegmentType.class).filter(u -> !pendingDelete(u.lv())).isPresent()) {
            traits.role("cache");
            traits.role("origin");
            traits.role("cacheorigin");
            traits.privateLv();
            traits.attr(LvTraits.VOLUME_TYPE, 'o', 3);
            traits.attr(LvTraits.TARGET_TYPE, 'C', 50);
        }
        if (lv.has(LvStatus.CACHE_VOL) && !Origins.usedAsWritecache(lv)) {
            traits.layout("cache");
            traits.layout("cachevol");
            traits.privateLv();
            traits.attr(LvTraits.VOLUME_TYPE, 'C', 60);
            traits.attr(LvTraits.TARGET_TYPE, 'C', 50);
        }
    }

    /**
     * {@code cache <meta> <data> <origin> <chunk> <#features> [metadata2] <mode> <policy> <#args>
     * [args]}, from the pool's settings or, with a cachevol, the segment's own; devices asked for in
     * LVM2's load order (the data, the metadata, the origin: libdm links them to the cache so).
     */
    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        CacheFields f = (CacheFields) segment.fields();
        LvView pool = segment.reference(POOL).orElseThrow();
        LvView origin = origin(segment).orElseThrow(() -> new LvstackException("has no origin LV in area 0"));
        CacheSettings s;
        String policy;
        String data;
        String meta;
        if (cachevol(segment)) {
            s = f.settings();
            // LVM2 2.03.16 takes the policy from the cachevol's own first segment, which has none:
            // a cachevol cache loads as mq (fixed in LVM2 in 2026; dm-cache >= 1.9 runs mq as smq)
            policy = null;
            CacheVolRanges r = f.ranges() == null ? CacheVolRanges.ZERO : f.ranges();
            if (r.metadataLen() == 0 || r.dataLen() == 0 || r.metadataStart() == r.dataStart()) {
                throw new LvstackException("has invalid ranges metadata " + r.metadataStart() + " " + r.metadataLen()
                        + " data " + r.dataStart() + " " + r.dataLen());
            }
            data = context.layerDevice(pool, CDATA);
            meta = context.layerDevice(pool, CMETA);
        } else {
            SegmentView poolSeg = CachePoolSegmentType.poolSegment(pool).orElseThrow(() -> new LvstackException(
                    "uses " + pool.name() + ", which is no cache pool"));
            s = CachePoolSegmentType.settings(poolSeg);
            policy = s.policy();
            data = context.lvDevice(CachePoolSegmentType.dataLv(poolSeg).orElseThrow());
            meta = context.lvDevice(poolSeg.reference(CachePoolSegmentType.METADATA).orElseThrow());
        }
        String originDevice = context.lvDevice(origin);
        return Optional.of(CacheTarget.line(meta, data, originDevice, s, policy, f.cleaner()));
    }

    /**
     * A cachevol used by a cache is its own device plus {@code -cdata} and {@code -cmeta}, linear
     * over it: the data after {@code metadata_len} sectors (LVM2 maps it there whatever
     * {@code data_start} says) and the metadata from sector 0.
     */
    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        for (SegmentView user : lv.users()) {
            if (user.type() instanceof CacheSegmentType && user.reference(POOL).orElse(null) == lv && cachevol(user)) {
                CacheFields f = (CacheFields) user.fields();
                CacheVolRanges r = f.ranges() == null ? CacheVolRanges.ZERO : f.ranges();
                if (r.metadataLen() == 0 || r.dataLen() == 0) {
                    return Optional.empty(); // the cache's own table says what is wrong
                }
                String cvol = context.lvDevice(lv);
                return Optional.of(DeviceLayout.standard()
                        .withLayer(CDATA, DeviceTable.line(r.dataLen(), "linear " + cvol + " " + r.metadataLen()))
                        .withLayer(CMETA, DeviceTable.line(r.metadataLen(), "linear " + cvol + " 0")));
            }
        }
        return Optional.empty();
    }

    /** Whether the segment's pool is a cachevol: flagged {@code CACHE_VOL}, or the segment holds ranges. */
    static boolean cachevol(SegmentView segment) {
        CacheFields f = (CacheFields) segment.fields();
        return f.ranges() != null || segment.reference(POOL).map(p -> p.has(LvStatus.CACHE_VOL)).orElse(false);
    }

    /** LVM2's {@code lvseg_chunksize} of a cache segment: its own with a cachevol, else its pool's. */
    private static long chunkSize(SegmentView seg) {
        if (cachevol(seg)) {
            return ((CacheFields) seg.fields()).settings().chunkSize();
        }
        return seg.reference(POOL).flatMap(CachePoolSegmentType::poolSegment)
                .map(p -> CachePoolSegmentType.settings(p).chunkSize()).orElse(0L);
    }

    /** LVM2's {@code LV_PENDING_DELETE}: a cache LV whose name holds {@code _corig}, left by an unfinished uncache. */
    static boolean pendingDelete(LvView lv) {
        return lv.name().contains("_corig");
    }

    /** The LV's first segment when it is a cache one. */
    static Optional<SegmentView> cacheSegment(LvView lv) {
        if (!lv.segments().isEmpty() && lv.segments().get(0).type() instanceof CacheSegmentType) {
            return Optional.of(lv.segments().get(0));
        }
        return Optional.empty();
    }

    /** The origin: an LV in area 0. */
    static Optional<LvView> origin(SegmentView segment) {
        if (segment.areaCount() > 0 && segment.area(0).orElse(null) instanceof Area.OnLv on) {
            return Optional.of(on.lv());
        }
        return Optional.empty();
    }
    /** lvconvert of caches, writecaches and cache pools: see {@link CacheConverter}. */
    @Override
    public Optional<LvConverter> converter() {
        return Optional.of(CONVERTER);
    }

    /** lvremove of caches, writecaches and cache pools: see {@link CacheRemover}. */
    @Override
    public Optional<LvRemover> remover() {
        return Optional.of(REMOVER);
    }

}
