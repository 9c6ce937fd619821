package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.ops.VgEditor;

/**
 * {@code lvconvert --type cache --cachepool POOL LV} and {@code --cachevol FAST LV} as LVM2 2.03
 * does them ({@code tools/lvconvert.c}, {@code lib/metadata/cache_manip.c}): the LV's segments
 * move to a hidden {@code LV_corig} layer and the LV becomes one cache segment over it, holding
 * the cache pool (renamed {@code POOL_cpool}, its sub-LVs with it) or the cachevol (renamed
 * {@code FAST_cvol}, flagged {@code CACHE_VOL}), which is hidden. The settings go to the pool's
 * segment or, with a cachevol, to the cache segment. Defaults are those LVM2 finds on a kernel
 * with dm-cache 1.10 or later (the corpus's): writethrough, smq, metadata format 2.
 */
final class CacheAttach {
    /** What LVM2 detects on such a kernel ({@code _get_default_cache_policy}, {@code _get_default_cache_metadata_format}). */
    static final String DEFAULT_POLICY = "smq";
    static final int BEST_FORMAT = 2;

    private CacheAttach() {
    }

    /** {@code _lvconvert_cachepool_attach_single} and {@code _cache_pool_attach}. */
    static String pool(LvView lv, ConvertRequest.CacheOptions o, VgEditor editor) {
        LvView pool = editor.vg().lv(o.cachePool()).orElseThrow(() -> new LvstackException("Cache pool "
                + o.cachePool() + " not found."));
        if (CachePoolSegmentType.poolSegment(pool).isEmpty()) {
            String kind = CacheConverter.lvType(pool);
            if (!kind.equals("linear") && !kind.equals("striped")) {
                throw new LvstackException("LV " + full(editor, pool) + " with type " + kind
                        + " cannot be converted to a cache pool.");
            }
            if (pool.has(LvStatus.CACHE_VOL)) {
                throw new LvstackException("LV " + full(editor, pool) + " is already used as a cachevol.");
            }
            if (pool == lv) {
                throw new LvstackException("Use a different LV for cache pool LV and cache LV " + full(editor, pool)
                        + ".");
            }
            // LVM2 makes a cache pool of the LV first (_lvconvert_to_pool), which lvstack does not yet
            throw new LvstackException("LV " + full(editor, pool) + " is no cache pool: make one with lvcreate --type"
                    + " cache-pool (lvstack does not convert an LV into a cache pool).");
        }
        if (pool.userCount() > 0) {
            throw new LvstackException("Cache pool " + o.cachePool() + " is already in use.");
        }
        Questions.ask(editor, o.yes(), "Do you want wipe existing metadata of cache pool " + full(editor, pool)
                + "? [y/n]: ", "Conversion aborted.", "To preserve cache metadata add option \"--zero n\".",
                "WARNING: Reusing mismatched cache pool metadata MAY DESTROY YOUR DATA!");
        CacheParams p = CacheParams.of(o);
        create(lv, pool, editor);
        editor.renameLv(pool, renamedWithParts(editor, pool, pool.name() + "_cpool"));
        setPoolParams(pool, p, editor);
        notWiped(editor, pool.segments().get(0).reference(CachePoolSegmentType.METADATA).orElseThrow(), lv);
        return "Logical volume " + full(editor, lv) + " is now cached.";
    }

    /** {@code lvconvert_cachevol_attach_single} and {@code _cache_vol_attach}. */
    static String cachevol(LvView lv, ConvertRequest.CacheOptions o, VgEditor editor) {
        LvView fast = editor.vg().lv(o.cacheVol()).orElseThrow(() -> new LvstackException("LV " + o.cacheVol()
                + " not found."));
        if (fast.has(LvStatus.CACHE_VOL)) {
            throw new LvstackException("LV " + full(editor, fast) + " is already used as a cachevol.");
        }
        if (fast.userCount() > 0) {
            throw new LvstackException("LV " + full(editor, fast) + " is already in use.");
        }
        Questions.ask(editor, o.yes(), "Erase all existing data on " + full(editor, fast) + "? [y/n]: ",
                "Conversion aborted.");
        CacheParams p = CacheParams.of(o);
        CacheSettings settings = cachevolSettings(fast, p, editor);
        editor.renameLv(fast, fast.name() + "_cvol");
        editor.setStatus(fast, LvStatus.CACHE_VOL, true);
        SegmentView seg = create(lv, fast, editor);
        long meta = metadataLength(fast, settings.chunkSize(), editor);
        editor.setFields(seg, new CacheFields(false, settings, new CacheVolRanges(0, meta, meta,
                fast.extentCount() * editor.vg().extentSize() - meta, null, null)));
        notWiped(editor, fast, lv);
        return "Logical volume " + full(editor, lv) + " is now cached.";
    }

    /**
     * LVM2 zeroes the first 4 KiB of the cache's metadata ({@code wipe_cache_pool},
     * {@code _writecache_zero}) so that the kernel starts an empty cache; an offline tool cannot,
     * and stale cache metadata there would serve another LV's blocks: the user is told to.
     */
    static void notWiped(VgEditor editor, LvView metadata, LvView cached) {
        editor.message("  WARNING: lvstack writes metadata only and does not wipe " + full(editor, metadata)
                + " as LVM2 does: zero its first 4.00 KiB before " + full(editor, cached) + " is activated.");
    }

    /**
     * {@code lv_cache_create}: {@code lv}'s segments to {@code LV_corig}, {@code lv} one cache
     * segment over it holding {@code pool}, which is hidden; a cachevol flags {@code lv}
     * {@code CACHE_USES_CACHEVOL}.
     */
    private static SegmentView create(LvView lv, LvView pool, VgEditor editor) {
        if (pool.userCount() > 0) {
            throw new LvstackException("Logical volume " + full(editor, pool) + " is already in use by "
                    + full(editor, pool.users().get(0).lv()) + ".");
        }
        checkOrigin(lv, editor);
        LvView corig = editor.insertLayer(lv, "_corig");
        SegmentView layer = lv.segments().get(0);
        long len = layer.len();
        editor.removeSegment(layer);
        SegmentView seg = editor.addSegment(lv, editor.type(), new CacheFields(false, CacheSettings.NONE, null), 0, len,
                1);
        editor.setLvArea(seg, 0, corig, 0);
        editor.attach(seg, CacheSegmentType.POOL, pool);
        editor.setStatus(pool, LvStatus.VISIBLE, false);
        if (pool.has(LvStatus.CACHE_VOL)) {
            editor.setStatus(lv, LvStatus.CACHE_USES_CACHEVOL, true);
        }
        return seg;
    }

    /**
     * {@code validate_lv_cache_create_origin}: a visible LV of plain segments (lvstack caches no
     * thin pool's or VDO pool's data, which LVM2 redirects to).
     */
    static void checkOrigin(LvView lv, VgEditor editor) {
        if (!lv.visible()) {
            throw new LvstackException("Can't convert internal LV " + full(editor, lv) + ".");
        }
        for (SegmentView s : lv.segments()) {
            if (!s.type().has(SegmentCapability.PLAIN)) {
                SegmentView first = lv.segments().get(0);
                throw new LvstackException("Cache is not supported with " + first.type().displayName(first)
                        + " segment type of the original logical volume " + full(editor, lv) + ".");
            }
        }
    }

    /**
     * {@code cache_set_params} of a new cache segment: the mode, policy (with settings), format
     * and chunk size the command gives, else what the pool has, else LVM2's defaults; format 2
     * sets the pool's {@code METADATA_FORMAT} flag.
     */
    private static void setPoolParams(LvView pool, CacheParams p, VgEditor editor) {
        SegmentView seg = pool.segments().get(0);
        CacheSettings s = (CacheSettings) seg.fields();
        CacheMode mode = p.mode() != null ? p.mode() : s.cacheMode() != null ? s.cacheMode() : CacheMode.WRITETHROUGH;
        String policy = p.policy() != null ? p.policy() : s.policy() != null ? s.policy() : DEFAULT_POLICY;
        var settings = p.settings() != null || s.policySettings() != null
                ? CacheParams.merged(s.policySettings(), p.settings()) : null;
        int format = p.format() != 0 ? p.format() : s.metadataFormat() != 0 ? s.metadataFormat() : BEST_FORMAT;
        long chunk = s.chunkSize();
        if (p.chunkSize() != 0) {
            checkPoolChunk(pool, seg, p.chunkSize(), editor);
            chunk = p.chunkSize();
        }
        editor.setFields(seg, new CacheSettings(format, chunk, mode, policy, settings));
        editor.setStatus(pool, LvStatus.METADATA_FORMAT, format == 2);
    }

    /** {@code validate_lv_cache_chunk_size}: the pool's metadata holds the chunks, and they are not too many. */
    private static void checkPoolChunk(LvView pool, SegmentView seg, long chunk, VgEditor editor) {
        long size = pool.extentCount() * editor.vg().extentSize();
        LvView meta = seg.reference(CachePoolSegmentType.METADATA).orElseThrow();
        long metaSize = meta.extentCount() * editor.vg().extentSize();
        long min = CachePoolCreator.minMetadataSectors(size, chunk);
        if (min > metaSize) {
            throw new LvstackException("Cannot use chunk size " + io.lvstack.api.ops.DisplaySize.of(chunk) + " with cache pool "
                    + full(editor, pool) + " metadata size " + io.lvstack.api.ops.DisplaySize.of(metaSize) + ".");
        }
        if (size / chunk > CachePoolCreator.MAX_CHUNKS) {
            throw new LvstackException("Cannot use too small chunk size " + io.lvstack.api.ops.DisplaySize.of(chunk) + " with cache pool "
                    + full(editor, pool) + " data volume size " + io.lvstack.api.ops.DisplaySize.of(size) + ".");
        }
    }

    /**
     * {@code cache_vol_set_params}: format 2 (LVM2 refuses 1), the mode and chunk size of the
     * command or LVM2's defaults, the policy and settings of the command or smq.
     */
    private static CacheSettings cachevolSettings(LvView fast, CacheParams p, VgEditor editor) {
        if (p.format() == 1) {
            throw new LvstackException("Use cache metadata format 2.");
        }
        long chunk = p.chunkSize() != 0 ? p.chunkSize() : CachePoolCreator.DEFAULT_CHUNK;
        CacheParams.requireValidChunk(chunk);
        long extent = editor.vg().extentSize();
        long size = fast.extentCount() * extent;
        if (size < 2 * extent) {
            throw new LvstackException("The minimum cache size is two extents (" + io.lvstack.api.ops.DisplaySize.of(2 * extent)
                    + " bytes).");
        }
        long data = size - metadataLength(fast, chunk, editor);
        if (data / chunk > CachePoolCreator.MAX_CHUNKS) {
            throw new LvstackException("Cache data blocks " + data + " and chunk size " + chunk + " exceed max chunks "
                    + CachePoolCreator.MAX_CHUNKS + ".");
        }
        String policy = p.policy() != null ? p.policy() : DEFAULT_POLICY;
        return new CacheSettings(2, chunk, p.mode() != null ? p.mode() : CacheMode.WRITETHROUGH, policy,
                p.settings() == null ? null : CacheParams.merged(null, p.settings()));
    }

    /**
     * The cachevol's metadata length: LVM2's minimal cache metadata for its size, at most half of
     * it, at least an extent, rounded up to extents.
     */
    private static long metadataLength(LvView fast, long chunk, VgEditor editor) {
        long extent = editor.vg().extentSize();
        long size = fast.extentCount() * extent;
        long meta = Math.min(CachePoolCreator.minMetadataSectors(size, chunk), size / 2);
        meta = Math.max(meta, extent);
        return (meta + extent - 1) / extent * extent;
    }

    /**
     * LVM2's {@code lv_rename_update}: the LV takes {@code name} and each sub-LV whose name starts
     * with the LV's name and {@code _} takes the new name in its place ({@code cpool_cdata} to
     * {@code cpool_cpool_cdata}). Returns {@code name}.
     */
    static String renamedWithParts(VgEditor editor, LvView lv, String name) {
        String prefix = lv.name() + "_";
        for (SegmentView s : lv.segments()) {
            for (LvView part : CacheDetach.parts(s)) {
                if (part.name().startsWith(prefix)) {
                    editor.renameLv(part, name + part.name().substring(lv.name().length()));
                }
            }
        }
        return name;
    }

    static String full(VgEditor editor, LvView lv) {
        return editor.vg().name() + "/" + lv.name();
    }
}
