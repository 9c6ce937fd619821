package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lvconvert --splitcache} and {@code --uncache} as LVM2 2.03 does them for an LV that is
 * not active ({@code _lvconvert_split_cache_single}, {@code lv_cache_remove},
 * {@code lv_detach_writecache_cachevol}): the cache segment or writecache segment gives way to
 * its origin's segments, the origin layer goes, and the cache pool or cachevol is visible again
 * under its name before caching (kept with --splitcache, removed with --uncache). What a cache
 * holds that is not on the origin yet (writeback) needs the kernel to write it back, which an
 * offline tool cannot: such a split is refused, or done without the write-back with
 * {@code --force} where LVM2 offers that.
 */
final class CacheDetach {
    private CacheDetach() {
    }

    static String split(LvView lv, ConvertRequest.CacheOptions o, VgEditor editor) {
        LvView main = null;
        LvView fast = null;
        Optional<SegmentView> own = lv.segments().isEmpty() ? Optional.empty() : Optional.of(lv.segments().get(0));
        if (own.isPresent() && own.get().type() instanceof WritecacheSegmentType) {
            main = lv;
            fast = own.get().reference(WritecacheSegmentType.CACHEVOL).orElse(null);
        } else if (own.isPresent() && own.get().type() instanceof CacheSegmentType) {
            main = lv;
            fast = own.get().reference(CacheSegmentType.POOL).orElse(null);
        } else if (CachePoolSegmentType.poolSegment(lv).isPresent()) {
            fast = lv;
            if (lv.userCount() == 1 && lv.users().get(0).type() instanceof CacheSegmentType) {
                main = lv.users().get(0).lv();
            }
        }
        if (main == null) {
            throw new LvstackException("Cannot find LV with cache from " + CacheAttach.full(editor, lv) + ".");
        }
        if (fast == null) {
            throw new LvstackException("Cannot find cache " + CacheAttach.full(editor, lv) + ".");
        }
        boolean remove = o.uncache();
        SegmentView seg = main.segments().get(0);
        if (seg.type() instanceof WritecacheSegmentType) {
            return writecache(main, seg, fast, remove, o, editor);
        }
        if (fast.has(LvStatus.CACHE_VOL)) {
            keepCachevol(main, seg, fast, o, editor);
            if (remove) {
                editor.message("  " + removeLv(fast, editor));
                return "Logical volume " + CacheAttach.full(editor, lv) + " is not cached and "
                        + CacheAttach.full(editor, fast) + " is removed.";
            }
            return "Logical volume " + CacheAttach.full(editor, lv) + " is not cached and "
                    + CacheAttach.full(editor, fast) + " is unused.";
        }
        if (remove) {
            // lvremove of a used cache pool: the cache goes first, then the pool and its parts
            removeCache(main, seg, fast, editor);
            editor.message("  " + removeLv(fast, editor));
            dropSpareAfterLastPool(editor);
            return "Logical volume " + CacheAttach.full(editor, main) + " is not cached.";
        }
        removeCache(main, seg, fast, editor);
        dropSuffix(fast, "cpool", editor);
        return "Logical volume " + CacheAttach.full(editor, main) + " is not cached and "
                + CacheAttach.full(editor, fast) + " is unused.";
    }

    /** {@code _lvconvert_split_and_keep_cachevol}: --force detaches without writing back (as writethrough). */
    private static void keepCachevol(LvView main, SegmentView seg, LvView fast, ConvertRequest.CacheOptions o,
            VgEditor editor) {
        if (o.force()) {
            editor.message("  WARNING: Data may be lost by detaching writeback cache without flushing.");
            Questions.ask(editor, o.yes(), "Detach writeback cache " + CacheAttach.full(editor, fast) + " from "
                    + CacheAttach.full(editor, main) + " without flushing data?", "Conversion aborted.");
            CacheFields f = (CacheFields) seg.fields();
            CacheSettings s = f.settings();
            editor.setFields(seg, new CacheFields(f.cleaner(), new CacheSettings(s.metadataFormat(), s.chunkSize(),
                    CacheMode.WRITETHROUGH, s.policy(), s.policySettings()), f.ranges()));
        }
        removeCache(main, seg, fast, editor);
        dropSuffix(fast, "cvol", editor);
    }

    /**
     * {@code lv_cache_remove} of an inactive LV: a writethrough or passthrough cache holds nothing
     * the origin lacks, so the cache layer simply goes; a writeback one must be written back first,
     * which LVM2 activates the LV for.
     */
    static void removeCache(LvView main, SegmentView seg, LvView fast, VgEditor editor) {
        Optional<SegmentView> poolSeg = CachePoolSegmentType.poolSegment(fast);
        CacheMode mode = poolSeg.isPresent() ? CachePoolSegmentType.settings(poolSeg.get()).cacheMode()
                : ((CacheFields) seg.fields()).settings().cacheMode();
        if (mode != CacheMode.WRITETHROUGH && mode != CacheMode.PASSTHROUGH) {
            throw new LvstackException("Cannot flush the cache of " + CacheAttach.full(editor, main) + " without "
                    + "device-mapper: LVM2 activates it to write the " + (mode == null ? "unselected" : mode.word())
                    + " cache back to " + CacheAttach.full(editor, main) + " first, which lvstack cannot do.");
        }
        // the settings LVM2 filled in on reading a used pool stay with it
        poolSeg.ifPresent(p -> editor.setFields(p, CachePoolSegmentType.settings(p)));
        LvView corig = CacheSegmentType.origin(seg).orElseThrow(() -> new LvstackException("Cache LV "
                + CacheAttach.full(editor, main) + " has no origin."));
        editor.detach(seg, CacheSegmentType.POOL);
        editor.setStatus(main, LvStatus.CACHE_USES_CACHEVOL, false);
        editor.setStatus(fast, LvStatus.VISIBLE, true);
        editor.setStatus(fast, LvStatus.CACHE_VOL, false);
        editor.removeLayer(main, corig);
        editor.removeLv(corig);
    }

    /**
     * {@code _lvconvert_detach_writecache} of an inactive LV: LVM2 activates it to write the cache
     * back, or with {@code --force} detaches without; lvstack only the latter.
     */
    private static String writecache(LvView main, SegmentView seg, LvView fast, boolean remove,
            ConvertRequest.CacheOptions o, VgEditor editor) {
        if (!o.force()) {
            throw new LvstackException("Cannot flush the writecache of " + CacheAttach.full(editor, main) + " without"
                    + " device-mapper: LVM2 activates it to write the cache back first, which lvstack cannot do;"
                    + " --force detaches it without writing back, as LVM2 does for an inactive LV.");
        }
        editor.message("  WARNING: Data may be lost by detaching writecache without flushing.");
        Questions.ask(editor, o.yes(), "Detach writecache " + CacheAttach.full(editor, fast) + " from "
                + CacheAttach.full(editor, main) + " without flushing data?", "Conversion aborted.");
        LvView wcorig = CacheSegmentType.origin(seg).orElseThrow(() -> new LvstackException("LV "
                + CacheAttach.full(editor, main) + " writecache segment has no origin"));
        editor.detach(seg, WritecacheSegmentType.CACHEVOL);
        editor.removeLayer(main, wcorig);
        editor.removeLv(wcorig);
        editor.setStatus(fast, LvStatus.VISIBLE, true);
        editor.setStatus(fast, LvStatus.CACHE_VOL, false);
        dropSuffix(fast, "cvol", editor);
        String detached = "Logical volume " + CacheAttach.full(editor, main) + " writecache has been detached.";
        if (!remove) {
            return detached;
        }
        editor.message("  " + detached);
        return removeLv(fast, editor);
    }

    /**
     * LVM2's {@code drop_lvname_suffix} and {@code lv_uniq_rename_update}: the name without its
     * last {@code _SUFFIX}, or the next {@code lvolN} when that is taken; sub-LVs follow.
     */
    static void dropSuffix(LvView lv, String suffix, VgEditor editor) {
        int cut = lv.name().lastIndexOf('_');
        if (cut < 0 || !lv.name().substring(cut + 1).equals(suffix)) {
            return; // older metadata: LVM2 keeps the name
        }
        String name = lv.name().substring(0, cut);
        if (editor.vg().lv(name).isPresent()) {
            name = editor.nextName("lvol");
        }
        editor.renameLv(lv, CacheAttach.renamedWithParts(editor, lv, name));
    }

    /** LVM2's {@code lvremove} of an unused LV with the parts only it uses; returns LVM2's line. */
    static String removeLv(LvView lv, VgEditor editor) {
        String name = lv.name();
        List<LvView> parts = new ArrayList<>();
        for (SegmentView s : lv.segments()) {
            parts.addAll(parts(s));
        }
        editor.removeLv(lv);
        for (LvView part : parts) {
            if (part.userCount() == 0) {
                editor.removeLv(part);
            }
        }
        return "Logical volume \"" + name + "\" successfully removed.";
    }

    /** The LVs a cache pool's segment is made of: its data LV and its metadata LV. */
    static List<LvView> parts(SegmentView s) {
        List<LvView> out = new ArrayList<>();
        if (s.type() instanceof CachePoolSegmentType) {
            CachePoolSegmentType.dataLv(s).ifPresent(out::add);
            s.reference(CachePoolSegmentType.METADATA).ifPresent(out::add);
        }
        return out;
    }

    /**
     * LVM2 removes the VG's pool-metadata spare with the last pool: when no LV of a pool type, no
     * cache and no cachevol is left (a pool's parts go with their pool).
     */
    static void dropSpareAfterLastPool(VgEditor editor) {
        LvView spare = null;
        for (LvView lv : editor.vg().lvs()) {
            if (!lv.visible() && lv.name().endsWith("_pmspare")) {
                spare = lv;
            } else if (lv.has(LvStatus.CACHE_VOL) || lv.segments().stream().anyMatch(s -> s.type().has(
                    SegmentCapability.POOL) || s.type() instanceof CacheSegmentType)) {
                return;
            }
        }
        if (spare != null) {
            editor.removeLv(spare);
        }
    }
}
