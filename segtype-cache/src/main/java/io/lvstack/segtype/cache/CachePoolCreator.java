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
import java.util.Set;

/**
 * {@code lvcreate --type cache-pool -L SIZE -n NAME VG} as LVM2 2.03 does it (from the example
 * plugin {@code examples/segtype-cache-pool}, held to LVM2 there): the VG's pool-metadata spare
 * ({@code lvolN_pmspare}, made or grown to the metadata's size, LVM2's
 * {@code handle_pool_metadata_spare}), the pool LV, then the metadata and data LVs
 * ({@code NAME_cmeta}, {@code NAME_cdata}) carved in that order from one allocation (LVM2's
 * {@code alloc_and_split_meta}), and the cache-pool segment over them.
 */
final class CachePoolCreator implements LvCreator {
    /** LVM2's {@code DEFAULT_CACHE_POOL_CHUNK_SIZE}: 64 KiB. */
    static final long DEFAULT_CHUNK = 128;
    /** LVM2's {@code DEFAULT_CACHE_POOL_MAX_CHUNKS}. */
    static final long MAX_CHUNKS = 1_000_000;
    /** LVM2's {@code 2 * DEFAULT_CACHE_POOL_MAX_METADATA_SIZE} (16 GiB), in sectors. */
    static final long MAX_METADATA = 2L * 16 * 1024 * 1024 * 2;

    private final SegmentType type;

    CachePoolCreator(SegmentType type) {
        this.type = type;
    }

    @Override
    public LvView create(CreateRequest request, VgEditor editor) {
        if (request.stripes() != 1) {
            throw new LvstackException("lvstack makes linear cache pools only: -i " + request.stripes()
                    + " is not supported.");
        }
        long extentSize = editor.vg().extentSize();
        long dataExtents = request.extents();
        if (dataExtents == 0) {
            throw new LvstackException("Please specify either size or extents.");
        }
        long chunk = chunkSize(request.chunkSize(), dataExtents * extentSize, editor);
        long metaExtents = metadataExtents(request.metadataSize(), dataExtents, extentSize, chunk, editor);
        if (chunk > dataExtents * extentSize) {
            throw new LvstackException("Size of " + type.name() + " data volume cannot be smaller than chunk size "
                    + io.lvstack.api.ops.DisplaySize.of(chunk) + ".");
        }
        if (request.poolOptions().percentOfSpace()) {
            // LVM2 keeps room for the metadata and its spare within a percentage of free space
            if (dataExtents <= 2 * metaExtents) {
                throw new LvstackException("Not enough space for thin pool creation.");
            }
            dataExtents -= 2 * metaExtents;
        }
        if (editor.poolMetadataSpare(metaExtents, request.candidates())) {
            // LVM2 commits a new spare on its own
            editor.commitStep();
        }
        LvView pool = editor.createLv(request.name(), true);
        Allocated a = editor.allocate(new AreaRequest(1, metaExtents + dataExtents, 0, request.candidates(), Set.of(),
                null, request.name()));
        List<PvExtents> pieces = new ArrayList<>();
        for (Allocated.Chunk c : a.chunks()) {
            pieces.addAll(c.areas());
        }
        LvView meta = editor.createLv(request.name() + "_cmeta", false);
        LvView data = editor.createLv(request.name() + "_cdata", false);
        editor.appendPlain(meta, take(pieces, metaExtents));
        editor.appendPlain(data, pieces);
        SegmentView seg = editor.addSegment(pool, editor.type(), CacheSettings.ofChunk(chunk), 0, dataExtents, 1);
        editor.setLvArea(seg, 0, data, 0);
        editor.attach(seg, CachePoolSegmentType.METADATA, meta);
        return pool;
    }

    /**
     * {@code update_cache_pool_params}: the chunk asked for, or LVM2's default unless the pool
     * would have too many chunks (then the least power of 2 that does not, said as LVM2 says it).
     */
    static long chunkSize(Long asked, long dataSectors, VgEditor editor) {
        long min = ((dataSectors + MAX_CHUNKS - 1) / MAX_CHUNKS + CacheSettings.MIN_CHUNK - 1)
                / CacheSettings.MIN_CHUNK * CacheSettings.MIN_CHUNK;
        long chunk;
        if (asked == null) {
            min = Long.highestOneBit(min - 1) << 1; // a power of 2 when LVM2 chooses
            chunk = DEFAULT_CHUNK;
            if (chunk < min) {
                editor.message("  Using " + io.lvstack.api.ops.DisplaySize.of(min) + " chunk size instead of default "
                        + io.lvstack.api.ops.DisplaySize.of(chunk) + ", so cache pool has less than " + MAX_CHUNKS + " chunks.");
                chunk = min;
            }
        } else {
            chunk = asked;
            if (chunk < min) {
                throw new LvstackException("Chunk size " + io.lvstack.api.ops.DisplaySize.of(asked) + " is less than required minimal"
                        + " chunk size " + io.lvstack.api.ops.DisplaySize.of(min) + " for a cache pool of " + io.lvstack.api.ops.DisplaySize.of(dataSectors)
                        + " size and limit " + MAX_CHUNKS + " chunks.");
            }
        }
        CacheParams.requireValidChunk(chunk);
        return chunk;
    }

    /**
     * LVM2's {@code _cache_min_metadata_size} in sectors: 16 bytes of mapping, 20 of hint and 8
     * of hint overhead per chunk, plus 4 MiB for transactions.
     */
    static long minMetadataSectors(long dataSectors, long chunk) {
        return (4L * 1024 * 1024 + dataSectors / chunk * (16 + 20 + 8) + 511) / 512;
    }

    /** The minimal metadata rounded up to extents; the size asked for when larger, at most 16 GiB. */
    static long metadataExtents(Long asked, long dataExtents, long extentSize, long chunk, VgEditor editor) {
        long min = minMetadataSectors(dataExtents * extentSize, chunk);
        min = (min + extentSize - 1) / extentSize * extentSize;
        long size = asked == null || asked == 0 ? min : asked;
        if (size > MAX_METADATA) {
            editor.message("  WARNING: Maximum supported pool metadata size is " + io.lvstack.api.ops.DisplaySize.of(MAX_METADATA) + ".");
            size = MAX_METADATA;
        } else if (size < min) {
            editor.message("  WARNING: Minimum required pool metadata size is " + io.lvstack.api.ops.DisplaySize.of(min) + " (needs extra "
                    + io.lvstack.api.ops.DisplaySize.of(min - size) + ").");
            size = min;
        }
        return (size + extentSize - 1) / extentSize;
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
