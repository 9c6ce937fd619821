package io.lvstack.segtype.cache;

import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.ops.VgEditor;
import java.util.Optional;

/**
 * {@code lvremove} of caches, writecaches and cache pools as LVM2 2.03 does it
 * ({@code lv_remove_single}, {@code _lv_reduce}): a cache LV goes with its origin and its cache
 * pool or cachevol (and the VG's pool-metadata spare with the last pool); a writecache LV with its
 * origin and, detached first, its cachevol; a cache pool in use is detached from its cache first,
 * which stays, uncached. The engine then removes the LV itself.
 */
final class CacheRemover implements LvRemover {
    @Override
    public void removing(LvView lv, VgEditor editor) {
        SegmentView seg = lv.segments().get(0);
        if (seg.type() instanceof CachePoolSegmentType) {
            if (lv.userCount() == 1 && lv.users().get(0).type() instanceof CacheSegmentType) {
                SegmentView cache = lv.users().get(0);
                CacheDetach.removeCache(cache.lv(), cache, lv, editor);
            }
            return;
        }
        if (seg.type() instanceof CacheSegmentType) {
            Optional<LvView> pool = seg.reference(CacheSegmentType.POOL);
            Optional<LvView> origin = CacheSegmentType.origin(seg);
            boolean pendingDelete = CacheSegmentType.pendingDelete(lv);
            editor.removeSegment(seg);
            if (pendingDelete) {
                return; // an unfinished uncache: LVM2 only lets go of the origin and the pool
            }
            origin.filter(o -> o.userCount() == 0).ifPresent(o -> CacheDetach.removeLv(o, editor));
            if (pool.isPresent() && pool.get().userCount() == 0) {
                boolean wasPool = CachePoolSegmentType.poolSegment(pool.get()).isPresent();
                CacheDetach.removeLv(pool.get(), editor);
                if (wasPool) {
                    CacheDetach.dropSpareAfterLastPool(editor);
                }
            }
            return;
        }
        if (seg.type() instanceof WritecacheSegmentType) {
            Optional<LvView> cachevol = seg.reference(WritecacheSegmentType.CACHEVOL);
            Optional<LvView> origin = CacheSegmentType.origin(seg);
            editor.removeSegment(seg);
            origin.filter(o -> o.userCount() == 0).ifPresent(o -> CacheDetach.removeLv(o, editor));
            if (cachevol.isPresent() && cachevol.get().userCount() == 0) {
                LvView fast = cachevol.get();
                // LVM2 detaches the cachevol, under its name again, and removes it as lvremove does
                editor.setStatus(fast, LvStatus.VISIBLE, true);
                editor.setStatus(fast, LvStatus.CACHE_VOL, false);
                CacheDetach.dropSuffix(fast, "cvol", editor);
                editor.message("  " + CacheDetach.removeLv(fast, editor));
            }
        }
    }
}
