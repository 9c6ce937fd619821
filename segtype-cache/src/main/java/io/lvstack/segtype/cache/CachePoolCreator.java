package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lvcreate --type cache-pool -L SIZE -n NAME VG} as LVM2 2.03 does it: the pool LV, the
 * VG's pool-metadata spare ({@code lvolN_pmspare}, made or grown to the metadata's size), then the
 * metadata and data LVs ({@code NAME_cmeta}, {@code NAME_cdata}) carved in that order from one
 * allocation (LVM2's {@code alloc_and_split_meta}), and the cache-pool segment over them.
 */
final class CachePoolCreator implements LvCreator {
    /** LVM2's {@code DEFAULT_CACHE_POOL_CHUNK_SIZE}: 64 KiB. */
    static final long DEFAULT_CHUNK = 128;
    /** LVM2's {@code DEFAULT_CACHE_POOL_MAX_CHUNKS}. */
    static final long MAX_CHUNKS = 1_000_000;
    /** LVM2's {@code 2 * DEFAULT_CACHE_POOL_MAX_METADATA_SIZE} (16 GiB), in sectors. */
    static final long MAX_METADATA = 2L * 16 * 1024 * 1024 * 2;
    private static final String SPARE_SUFFIX = "_pmspare";

    private final SegmentType type;

    CachePoolCreator(SegmentType type) {
        this.type = type;
    }

    @Override
    public LvView create(CreateRequest request, VgEditor editor) {
        if (request.stripes() != 1) {
            throw new LvstackException("This cache-pool plugin creates linear cache pools only (no -i).");
        }
        long extentSize = editor.vg().extentSize();
        long dataExtents = request.extents();
        long chunk = chunkSize(request.chunkSize(), dataExtents * extentSize);
        long metaExtents = metadataExtents(request.metadataSize(), dataExtents, extentSize, chunk, editor);
        if (chunk > dataExtents * extentSize) {
            throw new LvstackException("Size of " + type.name() + " data volume cannot be smaller than chunk size "
                    + Sizes.display(chunk) + ".");
        }
        LvView pool = editor.createLv(request.name(), true);
        boolean newSpare = spare(editor, metaExtents, request.candidates());
        Allocated a = editor.allocate(new AreaRequest(1, metaExtents + dataExtents, 0, request.candidates(), Set.of(),
                null, request.name()));
        List<PvExtents> pieces = new ArrayList<>();
        for (Allocated.Chunk c : a.chunks()) {
            pieces.addAll(c.areas());
        }
        LvView meta = editor.createLv(request.name() + "_cmeta", false);
        LvView data = editor.createLv(request.name() + "_cdata", false);
        fill(editor, meta, take(pieces, metaExtents));
        fill(editor, data, pieces);
        SegmentView seg = editor.addSegment(pool, type, CacheSettings.ofChunk(chunk), 0, dataExtents, 1);
        editor.setLvArea(seg, 0, data, 0);
        editor.attach(seg, CachePoolSegmentType.METADATA, meta);
        if (newSpare) {
            // LVM2 commits a new spare on its own: two commits, two seqnos (checked with LVM2
            // 2.03.16: one when the spare exists, even when it grows)
            editor.commitStep();
        }
        return pool;
    }

    /** {@code update_cache_pool_params}: the default chunk unless the pool would have too many chunks. */
    static long chunkSize(Long asked, long dataSectors) {
        long min = ((dataSectors + MAX_CHUNKS - 1) / MAX_CHUNKS + CacheSettings.MIN_CHUNK - 1)
                / CacheSettings.MIN_CHUNK * CacheSettings.MIN_CHUNK;
        long chunk = asked != null ? asked : Math.max(DEFAULT_CHUNK, min);
        if (asked != null && asked < min) {
            throw new LvstackException("Chunk size " + Sizes.display(asked) + " is less than required minimal chunk"
                    + " size " + Sizes.display(min) + " for a cache pool of " + Sizes.display(dataSectors)
                    + " size and limit " + MAX_CHUNKS + " chunks.");
        }
        if (chunk < CacheSettings.MIN_CHUNK || chunk > CacheSettings.MAX_CHUNK) {
            throw new LvstackException("Cache chunk size " + Sizes.display(chunk) + " is not in the range "
                    + Sizes.display(CacheSettings.MIN_CHUNK) + " to "
                    + Sizes.display(CacheSettings.MAX_CHUNK) + ".");
        }
        if (chunk % CacheSettings.MIN_CHUNK != 0) {
            throw new LvstackException("Cache chunk size " + Sizes.display(chunk) + " must be a multiple of "
                    + Sizes.display(CacheSettings.MIN_CHUNK) + ".");
        }
        return chunk;
    }

    /**
     * {@code _cache_min_metadata_size}, rounded up to extents: 16 bytes of mapping, 20 of hint and
     * 8 of hint overhead per chunk, plus 4 MiB for transactions; the size asked for when larger.
     */
    static long metadataExtents(Long asked, long dataExtents, long extentSize, long chunk, VgEditor editor) {
        long min = (dataExtents * extentSize / chunk * (16 + 20 + 8) + 511) / 512 + 4096 * 2;
        min = (min + extentSize - 1) / extentSize * extentSize;
        long size = asked == null || asked == 0 ? min : asked;
        if (size > MAX_METADATA) {
            editor.message("  WARNING: Maximum supported pool metadata size is " + Sizes.display(MAX_METADATA) + ".");
            size = MAX_METADATA;
        } else if (size < min) {
            editor.message("  WARNING: Minimum required pool metadata size is " + Sizes.display(min) + " (needs extra "
                    + Sizes.display(min - size) + ").");
            size = min;
        }
        return (size + extentSize - 1) / extentSize;
    }

    /**
     * {@code handle_pool_metadata_spare}: one spare per VG, as large as the largest pool
     * metadata. Returns whether it made a new one.
     */
    private boolean spare(VgEditor editor, long extents, List<PvExtents> candidates) {
        Optional<? extends LvView> existing = editor.vg().lvs().stream()
                .filter(lv -> lv.name().endsWith(SPARE_SUFFIX) && !lv.visible()).findFirst();
        LvView spare;
        long missing;
        if (existing.isPresent()) {
            spare = existing.get();
            missing = extents - spare.extentCount();
            if (missing <= 0) {
                return false;
            }
        } else {
            spare = editor.createLv(editor.nextName("lvol") + SPARE_SUFFIX, false);
            missing = extents;
        }
        Allocated a = editor.allocate(new AreaRequest(1, missing, 0, candidates, Set.of(), null, spare.name()));
        List<PvExtents> pieces = new ArrayList<>();
        a.chunks().forEach(c -> pieces.addAll(c.areas()));
        fill(editor, spare, pieces);
        return existing.isEmpty();
    }

    /** Plain segments over {@code pieces}, merged as LVM2 merges them. */
    private static void fill(VgEditor editor, LvView lv, List<PvExtents> pieces) {
        SegmentType plain = editor.plainType();
        for (PvExtents p : pieces) {
            editor.appendOnPvs(lv, plain, plain.newSegment(1, io.lvstack.api.ops.SegmentOptions.DEFAULTS)
                    .orElseThrow(() -> new LvstackException("The plain segment type " + plain.name()
                            + " makes no one-area segment."))
                    .fields(), p.count(), List.of(p));
        }
        editor.mergeSegments(lv);
    }

    /** The first {@code extents} of {@code pieces}, removed from it (a piece is cut where needed). */
    private static List<PvExtents> take(List<PvExtents> pieces, long extents) {
        List<PvExtents> out = new ArrayList<>();
        long left = extents;
        while (left > 0) {
            PvExtents p = pieces.remove(0);
            if (p.count() <= left) {
                out.add(p);
                left -= p.count();
            } else {
                out.add(new PvExtents(p.pv(), p.start(), left));
                pieces.add(0, new PvExtents(p.pv(), p.start() + left, p.count() - left));
                left = 0;
            }
        }
        return out;
    }
}
