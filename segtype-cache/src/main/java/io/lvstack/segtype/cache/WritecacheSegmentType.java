package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.TargetContext;
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
 * LVM2's {@code writecache} segment type ({@code lib/writecache/writecache.c}): one area, the
 * origin LV ({@code _wcorig}) at LE 0, and the cachevol in the {@link #CACHEVOL} role.
 */
public final class WritecacheSegmentType implements SegmentType {
    /** The one converter of the plugin\'s three types (stateless). */
    private static final LvConverter CONVERTER = new CacheConverter();
    /** The one remover of the plugin's three types (stateless). */
    private static final LvRemover REMOVER = new CacheRemover();
    public static final String NAME = "writecache";
    /** The cachevol ({@code writecache = "lv"}). */
    public static final ReferenceRole CACHEVOL = ReferenceRole.of("writecache");
    /** The kernel's page size, the largest block dm-writecache takes (x86-64). */
    static final long MAX_BLOCK = 4096;
    static final long MIN_BLOCK = 512;

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
        return List.of(CACHEVOL);
    }

    /** LVM2's {@code _writecache_text_import}, in its order (origin first) and words. */
    @Override
    public DecodedSegment decode(ConfigSection s, long extentCount) {
        String origin = Text.lvName(s, "origin", "origin");
        String cachevol = Text.lvName(s, "writecache", "writecache");
        long blockSize = Text.requireInteger(s, "writecache_block_size", Text.UINT32,
                "writecache block_size must be set in");
        return DecodedSegment.named(List.of(new DecodedSegment.NamedArea(origin, 0)),
                new WritecacheFields(blockSize, WritecacheSettings.read(s)), Map.of(CACHEVOL, cachevol));
    }

    @Override
    public String unresolvedArea(int index, String target, String segmentKey, String lvName) {
        return Text.unresolved("Unknown LV specified for writecache origin " + target, segmentKey, lvName);
    }

    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        return Text.unresolved("Unknown logical volume " + target + " specified for writecache", segmentKey, lvName);
    }

    /** LVM2's {@code _writecache_text_export}: {@code writecache}, {@code origin}, the block size, the settings set. */
    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        WritecacheFields f = (WritecacheFields) segment.fields();
        out.string("writecache", segment.reference(CACHEVOL).orElseThrow(() -> new LvstackException("writecache LV "
                + segment.lv().name() + " has no cachevol, which metadata cannot express")).name());
        out.string("origin", CacheSegmentType.origin(segment).orElseThrow(() -> new LvstackException("writecache LV "
                + segment.lv().name() + " has no origin LV in area 0, which metadata cannot express")).name());
        out.integer("writecache_block_size", f.blockSize());
        f.settings().write(out);
    }

    /**
     * LVM2 checks nothing of a writecache segment; lvstack refuses a block size dm-writecache
     * refuses (a power of 2 from 512 bytes to the page size; LVM2 reads 0 as 4096), which LVM2
     * restores (corpus {@code bad/writecache_block_size}) and then cannot activate.
     */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        long b = ((WritecacheFields) segment.fields()).blockSize();
        if (b != 0 && (b < MIN_BLOCK || b > MAX_BLOCK || Long.bitCount(b) != 1)) {
            problems.error("writecache block size " + b + " is not a power of 2 from " + MIN_BLOCK + " to " + MAX_BLOCK
                    + " bytes, so the kernel's writecache target refuses it");
        }
    }

    /**
     * LVM2's {@code _lv_layout_and_role_cache} and {@code lv_attr}: a writecache LV is
     * {@code writecache}, {@code C} with target {@code C}, names its cachevol as pool and its
     * origin; the origin is a private {@code writecache,origin,writecacheorigin} with {@code o};
     * the cachevol a private {@code writecache,cachevol}, {@code C} when flagged {@code CACHE_VOL}.
     */
    @Override
    public void describe(LvView lv, LvTraits traits) {
        if (!lv.segments().isEmpty() && lv.segments().get(0).type() instanceof WritecacheSegmentType) {
            SegmentView seg = lv.segments().get(0);
            traits.layout("writecache");
            traits.attr(LvTraits.VOLUME_TYPE, 'C', 60);
            traits.attr(LvTraits.TARGET_TYPE, 'C', 50);
            seg.reference(CACHEVOL).ifPresent(c -> traits.field("pool_lv", new FieldValue.Lv(c)));
            CacheSegmentType.origin(seg).ifPresent(o -> traits.field("origin", new FieldValue.Lv(o)));
        }
        if (Origins.onlyUser(lv, WritecacheSegmentType.class).isPresent()) {
            traits.role("writecache");
            traits.role("origin");
            traits.role("writecacheorigin");
            traits.privateLv();
            traits.attr(LvTraits.VOLUME_TYPE, 'o', 3);
            traits.attr(LvTraits.TARGET_TYPE, 'C', 50);
        }
        if (Origins.usedAsWritecache(lv)) {
            traits.layout("writecache");
            traits.layout("cachevol");
            traits.privateLv();
            if (lv.has(LvStatus.CACHE_VOL)) {
                traits.attr(LvTraits.VOLUME_TYPE, 'C', 60);
                traits.attr(LvTraits.TARGET_TYPE, 'C', 50);
            }
        }
    }

    /**
     * {@code writecache s <origin> <cachevol> <block size> <#args> [args]}: {@code s} for SSD
     * ({@code p}, persistent memory, needs a pmem PV, which metadata cannot tell); the cachevol is
     * asked for first, as LVM2 loads it before the origin.
     */
    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        WritecacheFields f = (WritecacheFields) segment.fields();
        String cachevol = context.lvDevice(segment.reference(CACHEVOL).orElseThrow());
        String origin = context.lvDevice(CacheSegmentType.origin(segment).orElseThrow(
                () -> new LvstackException("has no origin LV in area 0")));
        List<String> args = f.settings().targetArgs();
        StringBuilder line = new StringBuilder("writecache s ").append(origin).append(' ').append(cachevol).append(' ')
                .append(f.blockSize() == 0 ? MAX_BLOCK : f.blockSize()).append(' ').append(args.size());
        for (String a : args) {
            line.append(' ').append(a);
        }
        return Optional.of(line.toString());
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
