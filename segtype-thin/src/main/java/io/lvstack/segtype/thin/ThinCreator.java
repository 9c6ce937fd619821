package io.lvstack.segtype.thin;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.VgEditor;
import java.util.Optional;

/**
 * The thin type's {@code lvcreate}: a thin LV in a pool ({@code -V SIZE --thinpool POOL}, making
 * the pool first when {@code -L} sizes it and it does not exist), a thin snapshot of a thin LV
 * ({@code -s VG/THIN}: same pool and size, skipped at activation as LVM2's
 * {@code auto_set_activation_skip} does) and a clone of any other LV as its external origin
 * ({@code -s --thinpool POOL VG/LV}). Each queues its device's {@code create} in the pool's
 * transaction.
 */
final class ThinCreator implements LvCreator {
    private final ThinPoolSegmentType poolType;

    ThinCreator(ThinPoolSegmentType poolType) {
        this.poolType = poolType;
    }

    @Override
    public LvView create(CreateRequest r, VgEditor editor) {
        String vg = editor.vg().name();
        LvView origin = null;
        if (r.origin() != null) {
            origin = lv(editor, r.origin()).orElseThrow(() -> new LvstackException("Failed to find logical volume \""
                    + vg + "/" + r.origin() + "\""));
        }
        Optional<SegmentView> originThin = origin == null ? Optional.empty() : thinSegment(origin);
        LvView pool;
        if (r.pool() != null) {
            Optional<LvView> named = lv(editor, r.pool());
            if (named.isEmpty()) {
                if (r.extents() == 0 || origin != null) {
                    throw new LvstackException("Pool " + r.pool() + " not found in Volume group " + vg + ".");
                }
                ThinPoolCreator.makePool(r.pool(), r, editor, poolType);
                pool = lv(editor, r.pool()).orElseThrow();
            } else {
                pool = named.get();
            }
        } else if (originThin.isPresent()) {
            pool = originThin.get().reference(ThinSegmentType.POOL).orElseThrow();
        } else {
            throw new LvstackException(origin == null ? "Please specify name of existing thin pool."
                    : "Please specify either size or extents with snapshots.");
        }
        SegmentView poolSeg = ThinPoolSegmentType.poolSegment(pool).orElseThrow(() -> new LvstackException(
                "Logical volume " + vg + "/" + pool.name() + " is not a thin pool."));
        long size;
        boolean external = origin != null && (originThin.isEmpty()
                || originThin.get().reference(ThinSegmentType.POOL).orElse(null) != pool);
        if (origin != null) {
            if (origin == pool || origin.segments().isEmpty()) {
                throw new LvstackException("Cannot use " + vg + "/" + origin.name() + " as an origin.");
            }
            if (r.virtualExtents() != 0) {
                throw new LvstackException("Snapshot of a thin volume takes no virtual size.");
            }
            size = origin.extentCount();
        } else {
            if (r.virtualExtents() == 0) {
                throw new LvstackException("Please specify either size or extents.");
            }
            size = r.virtualExtents();
        }
        if (external && origin.has(LvStatus.WRITE)) {
            // its data must not change under the clones
            throw new LvstackException("Cannot use writable LV as the external origin.");
        }
        ThinPoolFields pf = (ThinPoolFields) poolSeg.fields();
        long deviceId = nextDeviceId(pool);
        LvView thin = editor.createLv(r.name(), true);
        SegmentView seg = editor.addSegment(thin, editor.type(), new ThinFields(pf.transactionId(), deviceId), 0, size,
                0);
        editor.attach(seg, ThinSegmentType.POOL, pool);
        if (origin != null && external) {
            editor.attach(seg, ThinSegmentType.EXTERNAL, origin);
        } else if (origin != null) {
            editor.attach(seg, ThinSegmentType.ORIGIN, origin);
            editor.setStatus(thin, LvStatus.ACTIVATION_SKIP, true);
        }
        PoolTransaction.create(editor, poolSeg, thin);
        return thin;
    }

    /** {@code get_free_pool_device_id}: one above the highest of the pool's users. */
    static long nextDeviceId(LvView pool) {
        long max = 0;
        for (SegmentView user : pool.users()) {
            if (user.fields() instanceof ThinFields t) {
                max = Math.max(max, t.deviceId());
            }
        }
        if (++max > ThinSegmentType.MAX_DEVICE_ID) {
            throw new LvstackException("Cannot find free device_id.");
        }
        return max;
    }

    private static Optional<SegmentView> thinSegment(LvView lv) {
        return !lv.segments().isEmpty() && lv.segments().get(0).fields() instanceof ThinFields
                ? Optional.of(lv.segments().get(0)) : Optional.empty();
    }

    private static Optional<LvView> lv(VgEditor editor, String name) {
        return editor.vg().lv(name).map(l -> l);
    }
}
