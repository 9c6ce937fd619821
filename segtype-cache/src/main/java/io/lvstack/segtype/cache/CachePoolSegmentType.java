package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.ops.LvCreator;
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
 * LVM2's {@code cache-pool} segment type ({@code lib/cache_segtype/cache.c}): one area, the data
 * LV at LE 0 (written {@code data = "lv"}), the metadata LV in the {@link #METADATA} role, and the
 * pool's {@link CacheSettings} as its fields. A cache pool has no device of its own.
 */
public final class CachePoolSegmentType implements SegmentType {
    /** The one converter of the plugin\'s three types (stateless). */
    private static final LvConverter CONVERTER = new CacheConverter();
    /** The one remover of the plugin's three types (stateless). */
    private static final LvRemover REMOVER = new CacheRemover();
    public static final String NAME = "cache-pool";
    /** The pool's metadata LV ({@code metadata = "lv"}). */
    public static final ReferenceRole METADATA = ReferenceRole.of("metadata");

    private final LinkHook hook = new CachePoolLinkHook(this);
    private final LvCreator creator = new CachePoolCreator(this);

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
        return List.of(METADATA);
    }

    /** LVM2's {@code _cache_pool_text_import}, in its order and words. */
    @Override
    public DecodedSegment decode(ConfigSection s, long extentCount) {
        String data = Text.lvName(s, "data", "Cache data");
        String metadata = Text.lvName(s, "metadata", "Cache metadata");
        int format = 0;
        if (s.has("metadata_format")) {
            Long f = Text.integer(s, "metadata_format", Text.UINT32);
            if (f == null || (f != 1 && f != 2)) {
                throw Text.error(s, "metadata_format", "Unknown cache metadata format " + (f == null ? 0 : f)
                        + " number in");
            }
            format = f.intValue();
        }
        return DecodedSegment.named(List.of(new DecodedSegment.NamedArea(data, 0)), CacheSettings.read(s, format),
                Map.of(METADATA, metadata));
    }

    @Override
    public String unresolvedArea(int index, String target, String segmentKey, String lvName) {
        return Text.unresolved("Unknown logical volume " + target + " specified for cache data", segmentKey, lvName);
    }

    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        return Text.unresolved("Unknown logical volume " + target + " specified for cache metadata", segmentKey,
                lvName);
    }

    /** LVM2's {@code _cache_pool_text_export}: {@code data}, {@code metadata}, the format when selected, the settings. */
    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        CacheSettings f = settings(segment);
        out.string("data", dataLv(segment).orElseThrow(() -> new LvstackException("cache pool "
                + segment.lv().name() + " has no data LV in area 0, which metadata cannot express")).name());
        out.string("metadata", segment.reference(METADATA).orElseThrow(() -> new LvstackException(
                "cache pool " + segment.lv().name() + " has no metadata LV, which metadata cannot express")).name());
        if (f.metadataFormat() != 0) {
            out.integer("metadata_format", f.metadataFormat());
        }
        f.write(out);
    }

    /**
     * LVM2's cache-pool rules of {@code check_lv_segments} and {@code _check_lv_segment}, in its
     * order and words. The rules for a pool in use cannot fail on what was read: LVM2 fills in
     * what is missing on reading ({@code _fix_missing_defaults}), and so does this type.
     */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        if (segment.lv().segments().size() != 1) {
            problems.lvError("must have exactly one segment");
        }
        CacheSettings f = settings(segment);
        CacheSegmentType.checkSettings(f, segment.lv().userCount() > 0, problems);
        if (segment.lv().has(LvStatus.METADATA_FORMAT)) {
            if (f.metadataFormat() != 2) {
                problems.error("sets METADATA_FORMAT flag");
            }
        } else if (f.metadataFormat() == 2) {
            problems.error("is missing METADATA_FORMAT flag");
        }
        // an unassigned area was reported by whoever failed to assign it
        if (segment.areaCount() != 1 || segment.area(0).orElse(null) instanceof Area.OnPv) {
            problems.error("is missing a pool data LV");
        }
        Optional<LvView> meta = segment.reference(METADATA);
        if (meta.isEmpty()) {
            problems.error("is missing a pool metadata LV");
        } else if (!meta.get().name().contains("_cmeta")) {
            problems.lvError("cache pool metadata LV does not use _cmeta");
        }
    }

    /**
     * LVM2's {@code _lv_layout_and_role_cache} and {@code lv_attr} for a pool and its parts: the
     * pool is {@code cache,pool}, private, {@code C} with target {@code C}; its data LV {@code C},
     * its metadata LV {@code e}.
     */
    @Override
    public void describe(LvView lv, LvTraits traits) {
        Optional<SegmentView> own = poolSegment(lv);
        if (own.isPresent()) {
            SegmentView seg = own.get();
            traits.layout("cache");
            traits.layout("pool");
            traits.privateLv();
            traits.attr(LvTraits.VOLUME_TYPE, 'C', 60);
            traits.attr(LvTraits.TARGET_TYPE, 'C', 50);
            dataLv(seg).ifPresent(d -> traits.field("data_lv", new FieldValue.Lv(d)));
            seg.reference(METADATA).ifPresent(m -> traits.field("metadata_lv", new FieldValue.Lv(m)));
            traits.field("chunk_size", new FieldValue.Size(settings(seg).chunkSize()));
        }
        if (lv.has(CacheMarks.DATA)) {
            traits.role("cache");
            traits.role("pool");
            traits.role("data");
            traits.attr(LvTraits.VOLUME_TYPE, 'C', 60);
        }
        if (lv.has(CacheMarks.METADATA)) {
            traits.role("cache");
            traits.role("pool");
            traits.role("metadata");
            traits.attr(LvTraits.VOLUME_TYPE, 'e', 70);
        }
    }

    /**
     * A cache pool is no device: in use, its data and metadata LVs are the cache target's
     * devices; unused, LVM2 activates only its metadata LV, to wipe it.
     */
    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        return poolSegment(lv).isPresent() ? Optional.of(DeviceLayout.none()) : Optional.empty();
    }

    /** {@code lvcreate --type cache-pool}: see {@link CachePoolCreator}. */
    @Override
    public Optional<LvCreator> creator() {
        return Optional.of(creator);
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

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(hook);
    }

    /** The pool's settings, with LVM2's defaults for a pool in use ({@link CacheSettings#withMissingDefaults}). */
    static CacheSettings settings(SegmentView segment) {
        CacheSettings f = (CacheSettings) segment.fields();
        return segment.lv().userCount() > 0 ? f.withMissingDefaults() : f;
    }

    /** The LV's first segment when it is a cache-pool one. */
    static Optional<SegmentView> poolSegment(LvView lv) {
        if (!lv.segments().isEmpty() && lv.segments().get(0).type() instanceof CachePoolSegmentType) {
            return Optional.of(lv.segments().get(0));
        }
        return Optional.empty();
    }

    /** The data LV: an LV in area 0. */
    static Optional<LvView> dataLv(SegmentView segment) {
        if (segment.areaCount() > 0 && segment.area(0).orElse(null) instanceof Area.OnLv on) {
            return Optional.of(on.lv());
        }
        return Optional.empty();
    }
}
