package org.example.lvstack.cachepool;

import io.lvstack.api.LvstackException;
import io.lvstack.api.MetadataException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's {@code cache-pool} segment type ({@code lib/cache_segtype/cache.c}). A cache pool has
 * one area, its data LV at LE 0 (written {@code data = "lv"}), and references its metadata LV in
 * the {@link #METADATA_ROLE} role (written {@code metadata = "lv"}). Its own fields are
 * {@link CachePoolFields}. Cache pools neither merge nor split, and map no device themselves.
 */
public final class CachePoolSegmentType implements SegmentType {
    /** The type's name in metadata and reports. */
    public static final String NAME = "cache-pool";
    /** The pool's metadata LV (LVM2's {@code metadata_lv}). */
    public static final ReferenceRole METADATA_ROLE = ReferenceRole.of("metadata");

    /** {@code DM_CACHE_MIN_DATA_BLOCK_SIZE}: 32 KiB in sectors. */
    static final long MIN_CHUNK = 64;
    /** {@code DM_CACHE_MAX_DATA_BLOCK_SIZE}: 1 GiB in sectors. */
    static final long MAX_CHUNK = 2097152;

    private static final Set<SegmentCapability> CAPABILITIES = EnumSet.of(SegmentCapability.POOL);

    private final LinkHook hook = new CachePoolLinkHook(this);
    private final LvCreator creator = new CachePoolCreator(this);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(METADATA_ROLE);
    }

    /**
     * LVM2's {@code _cache_pool_text_import} and {@code _settings_text_import}, in their order and
     * words. The LV names are resolved by the engine: an unknown name is its error, not ours.
     */
    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        String data = lvName(segment, "data", "Cache data");
        String metadata = lvName(segment, "metadata", "Cache metadata");

        int format = 0;
        if (segment.has("metadata_format")) {
            long f = uint32(segment, "metadata_format", "Unknown cache metadata format 0 number in");
            if (f != 1 && f != 2) {
                throw error(segment, "metadata_format", "Unknown cache metadata format " + f + " number in");
            }
            format = (int) f;
        }

        long chunkSize = 0;
        if (segment.has("chunk_size")) {
            chunkSize = uint32(segment, "chunk_size", "Couldn't read cache chunk_size in");
        }

        CacheMode mode = null;
        if (segment.has("cache_mode")) {
            String m = string(segment, "cache_mode");
            if (m == null) {
                throw error(segment, "cache_mode", "cache_mode must be a string in");
            }
            mode = CacheMode.parse(m).orElseThrow(() -> error(segment, "cache_mode", "Unknown cache_mode in"));
        }

        String policy = null;
        if (segment.has("policy")) {
            policy = string(segment, "policy");
            if (policy == null) {
                throw error(segment, "policy", "policy must be a string in");
            }
        }

        ConfigSection settings = null;
        Optional<ConfigNode> settingsNode = segment.child("policy_settings");
        if (settingsNode.isPresent()) {
            if (policy == null) {
                throw error(segment, "policy_settings", "policy_settings must have a policy_name in");
            }
            if (!(settingsNode.get() instanceof ConfigSection s)) {
                throw error(segment, "policy_settings", "policy_settings must be a section in");
            }
            settings = s;
        }

        return DecodedSegment.named(List.of(new DecodedSegment.NamedArea(data, 0)),
                new CachePoolFields(format, chunkSize, mode, policy, settings), Map.of(METADATA_ROLE, metadata));
    }

    /** LVM2's {@code _cache_pool_text_export} and {@code _settings_text_export}: order and conditions. */
    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        CachePoolFields f = effectiveFields(segment);
        out.string("data", dataLv(segment).orElseThrow(() -> new LvstackException("cache pool " + describe(segment)
                + " has no data LV in area 0, which metadata cannot express")).name());
        out.string("metadata", segment.reference(METADATA_ROLE).orElseThrow(() -> new LvstackException(
                "cache pool " + describe(segment) + " has no metadata LV, which metadata cannot express")).name());
        if (f.metadataFormat() != 0) {
            out.integer("metadata_format", f.metadataFormat());
        }
        if (f.chunkSize() != 0) {
            out.integer("chunk_size", f.chunkSize());
        }
        if (f.cacheMode() != null) {
            out.string("cache_mode", f.cacheMode().word());
        }
        if (f.policy() != null) {
            out.string("policy", f.policy());
            if (f.policySettings() != null && !f.policySettings().children().isEmpty()) {
                out.verbatim(f.policySettings());
            }
        }
    }

    /**
     * LVM2's cache-pool rules of {@code _check_lv_segment}, in its order and words. The rules for
     * a pool in use (metadata format, mode and policy set) cannot fail here: LVM2 fills in the
     * missing ones on reading ({@code _fix_missing_defaults}), and so does this type.
     */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        CachePoolFields f = effectiveFields(segment);
        if (!validChunkSize(f.chunkSize())) {
            problems.error("has invalid chunk size.");
        }
        if (segment.lv().has(LvStatus.METADATA_FORMAT)) {
            if (f.metadataFormat() != 2) {
                problems.error("sets METADATA_FORMAT flag");
            }
        } else if (f.metadataFormat() == 2) {
            problems.error("is missing METADATA_FORMAT flag");
        }
        // An unassigned area was already reported by whoever failed to assign it.
        if (segment.areaCount() != 1 || segment.area(0).orElse(null) instanceof Area.OnPv) {
            problems.error("is missing a pool data LV");
        }
        if (segment.reference(METADATA_ROLE).isEmpty()) {
            problems.error("is missing a pool metadata LV");
        }
    }

    /**
     * LVM2's {@code validate_cache_chunk_size}: within 32 KiB..1 GiB and a multiple of 32 KiB
     * (64 sectors). LVM2 does not require a power of two, and neither does dm-cache.
     */
    public static boolean validChunkSize(long sectors) {
        return sectors >= MIN_CHUNK && sectors <= MAX_CHUNK && (sectors & (MIN_CHUNK - 1)) == 0;
    }

    /**
     * LVM2's {@code _lv_layout_and_role_cache} and {@code lv_attr} for a cache pool and its parts:
     * the pool is {@code cache,pool}, private, {@code C} with target {@code C}, and names its data
     * and metadata LVs; the data LV is {@code C}, the metadata LV {@code e} (priorities as
     * {@link LvTraits} lists them).
     */
    @Override
    public void describe(LvView lv, LvTraits traits) {
        for (SegmentView seg : lv.segments()) {
            if (seg.type() == this) {
                traits.layout("cache");
                traits.layout("pool");
                traits.privateLv();
                traits.attr(LvTraits.VOLUME_TYPE, 'C', 60);
                traits.attr(LvTraits.TARGET_TYPE, 'C', 50);
                dataLv(seg).ifPresent(data -> traits.field("data_lv", new FieldValue.Lv(data)));
                seg.reference(METADATA_ROLE).ifPresent(meta -> traits.field("metadata_lv", new FieldValue.Lv(meta)));
                break;
            }
        }
        if (lv.has(CachePoolMarks.DATA)) {
            traits.role("cache");
            traits.role("pool");
            traits.role("data");
            traits.attr(LvTraits.VOLUME_TYPE, 'C', 60);
        }
        if (lv.has(CachePoolMarks.METADATA)) {
            traits.role("cache");
            traits.role("pool");
            traits.role("metadata");
            traits.attr(LvTraits.VOLUME_TYPE, 'e', 70);
        }
    }

    /** {@code lvcreate --type cache-pool}: see {@link CachePoolCreator}. */
    @Override
    public Optional<LvCreator> creator() {
        return Optional.of(creator);
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(hook);
    }

    /** The pool's fields, with LVM2's defaults for a pool in use (see {@link CachePoolFields#withMissingDefaults}). */
    static CachePoolFields effectiveFields(SegmentView segment) {
        CachePoolFields f = (CachePoolFields) segment.fields();
        return segment.lv().userCount() > 0 ? f.withMissingDefaults() : f;
    }

    /** The data LV: an LV in area 0. */
    static Optional<LvView> dataLv(SegmentView segment) {
        if (segment.areaCount() > 0 && segment.area(0).orElse(null) instanceof Area.OnLv on) {
            return Optional.of(on.lv());
        }
        return Optional.empty();
    }

    private static String describe(SegmentView segment) {
        return segment.lv().name() + " (segment at LE " + segment.le() + ")";
    }

    // ---------------------------------------------------------------- reading, as libdm reads

    /** {@code dm_config_has_node} then {@code dm_config_find_str}, with LVM2's two messages. */
    private static String lvName(ConfigSection segment, String key, String what) {
        if (!segment.has(key)) {
            throw new MetadataException(segment.line(), what + " not specified in segment " + segment.key() + ".");
        }
        String name = string(segment, key);
        if (name == null) {
            throw error(segment, key, what + " must be a string in");
        }
        return name;
    }

    /**
     * The string value of {@code key} as {@code dm_config_find_str} gives it, or null: libdm does
     * not tell {@code ["x"]} from {@code "x"}, and reads an array by its first value.
     */
    private static String string(ConfigSection segment, String key) {
        return first(segment, key) instanceof ConfigValue.Str s ? s.value() : null;
    }

    /** {@code dm_config_get_uint32}, refusing values that do not fit (libdm would truncate them). */
    private static long uint32(ConfigSection segment, String key, String unreadable) {
        if (!(first(segment, key) instanceof ConfigValue.Int i)) {
            throw error(segment, key, unreadable);
        }
        long v = i.value();
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new MetadataException(segment.lineOf(key), "'" + key + "' in section '" + segment.key() + "' is "
                    + v + ", outside 0.." + 0xFFFFFFFFL);
        }
        return v;
    }

    private static ConfigValue first(ConfigSection segment, String key) {
        Optional<ConfigNode> n = segment.child(key);
        if (n.isEmpty() || !(n.get() instanceof ConfigEntry e)) {
            return null;
        }
        if (e.value() instanceof ConfigValue.Array a) {
            return a.elements().isEmpty() ? null : a.elements().get(0);
        }
        return e.value();
    }

    /** LVM2's {@code SEG_LOG_ERROR}: {@code TEXT segment KEY} (the LV's name is not known here). */
    private static MetadataException error(ConfigSection segment, String key, String text) {
        return new MetadataException(segment.lineOf(key), text + " segment " + segment.key() + ".");
    }
}
