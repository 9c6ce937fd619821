package io.lvstack.segtype.thin;

import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lvremove} of a thin LV ({@code detach_pool_lv}): the pool queues the delete of its device
 * (dropping a pending create of it), and thin snapshots of it lose their origin, as in LVM2.
 * A pool's thin LVs, and the clones of an external origin, are removed before it.
 */
final class ThinRemover implements LvRemover {
    @Override
    public List<LvView> dependents(LvView used) {
        List<LvView> out = new ArrayList<>();
        for (SegmentView user : used.users()) {
            if (user.fields() instanceof ThinFields && (user.reference(ThinSegmentType.POOL).orElse(null) == used
                    || user.reference(ThinSegmentType.EXTERNAL).orElse(null) == used)) {
                out.add(user.lv());
            }
        }
        return out;
    }

    @Override
    public void removing(LvView lv, VgEditor editor) {
        SegmentView seg = lv.segments().get(0);
        if (!(seg.fields() instanceof ThinFields t)) {
            return;
        }
        for (SegmentView user : List.copyOf(lv.users())) {
            if (user.fields() instanceof ThinFields && user.reference(ThinSegmentType.ORIGIN).orElse(null) == lv) {
                editor.detach(user, ThinSegmentType.ORIGIN);
            }
        }
        seg.reference(ThinSegmentType.POOL).flatMap(ThinPoolSegmentType::poolSegment)
                .ifPresent(pool -> PoolTransaction.delete(editor, pool, lv, t.deviceId()));
    }
}
