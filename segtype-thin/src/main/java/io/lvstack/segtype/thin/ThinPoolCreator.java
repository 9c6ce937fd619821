package io.lvstack.segtype.thin;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.VgEditor;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code lvcreate --type thin-pool} (and {@code -T VG/POOL}) as LVM2 2.03 makes a pool: the VG's
 * pool-metadata spare first (its own commit when new), then one allocation of the data areas with
 * the metadata as its log area ({@code _alloc_init} for thin pools), the pool LV, {@code POOL_tmeta}
 * and {@code POOL_tdata}, and the thin-pool segment over them: transaction 0, LVM2's default chunk
 * size, {@code discards = "passdown"} and zeroing.
 */
final class ThinPoolCreator implements LvCreator {
    @Override
    public LvView create(CreateRequest r, VgEditor editor) {
        return makePool(r.name(), r, editor, editor.type());
    }

    /** Makes the pool {@code name} of {@code poolType} (as registered) with {@code r}'s size and pool options. */
    static LvView makePool(String name, CreateRequest r, VgEditor editor, SegmentType poolType) {
        long extentSize = editor.vg().extentSize();
        long data = r.extents();
        if (data == 0) {
            throw new LvstackException("Please specify either size or extents.");
        }
        PoolSizes sizes = PoolSizes.of(data, extentSize, r.chunkSize(), r.metadataSize());
        long meta = sizes.metadataExtents();
        if (r.poolOptions().percentOfSpace()) {
            // LVM2 keeps room for the metadata and its spare within a percentage of free space
            if (data <= 2 * meta) {
                throw new LvstackException("Not enough space for thin pool creation.");
            }
            data -= 2 * meta;
        }
        if (data % r.stripes() != 0) {
            data += r.stripes() - data % r.stripes();
        }
        String discards = r.poolOptions().discards() == null ? "passdown"
                : r.poolOptions().discards().toLowerCase(Locale.ROOT);
        boolean zero = r.poolOptions().zero() == null || r.poolOptions().zero();
        if (editor.poolMetadataSpare(meta, r.candidates())) {
            editor.commitStep();
        }
        LvView pool = editor.createLv(name, true);
        Allocated a = editor.allocate(new AreaRequest(r.stripes(), data / r.stripes(), meta, r.candidates(), Set.of(),
                null, name));
        LvView tmeta = editor.createLv(name + "_tmeta", false);
        editor.appendPlain(tmeta, a.log());
        LvView tdata = editor.createLv(name + "_tdata", false);
        editor.appendAllocated(tdata, editor.plainType(), SegmentOptions.stripeSize(r.stripeSize()), a);
        SegmentView seg = editor.addSegment(pool, poolType, new ThinPoolFields(0, sizes.chunkSize(), discards, zero,
                null, List.of()), 0, data, 1);
        editor.setLvArea(seg, 0, tdata, 0);
        editor.attach(seg, ThinPoolSegmentType.METADATA, tmeta);
        // LVM2's words when it makes a pool without activation: nothing cleared its metadata LV
        // (the kernel formats it at first activation only if it reads as empty)
        editor.message("  WARNING: Pool " + name + " is created without initialization.");
        return pool;
    }
}
