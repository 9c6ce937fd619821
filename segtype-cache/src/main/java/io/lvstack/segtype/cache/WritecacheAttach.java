package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.ops.VgEditor;

/**
 * {@code lvconvert --type writecache --cachevol FAST LV} as LVM2 2.03 does it
 * ({@code lvconvert_writecache_attach_single}, {@code _lv_writecache_create}): FAST is renamed
 * {@code FAST_cvol}, flagged {@code CACHE_VOL} and hidden, LV's segments move to a hidden
 * {@code LV_wcorig} layer and LV becomes one writecache segment over it. The block size is the
 * one {@code --cachesettings block_size=} gives, else 4096, as LVM2 chooses when it finds no file
 * system on the LV (an offline tool finds none: the warning says so).
 */
final class WritecacheAttach {
    private WritecacheAttach() {
    }

    static String attach(LvView lv, ConvertRequest.CacheOptions o, VgEditor editor) {
        LvView fast = editor.vg().lv(o.cacheVol()).orElseThrow(() -> new LvstackException("LV " + o.cacheVol()
                + " not found."));
        if (fast == lv) {
            throw new LvstackException("Invalid cachevol LV.");
        }
        if (fast.has(LvStatus.CACHE_VOL)) {
            throw new LvstackException("LV " + CacheAttach.full(editor, fast) + " is already used as a cachevol.");
        }
        SegmentView first = fast.segments().isEmpty() ? null : fast.segments().get(0);
        if (first == null || !first.type().has(SegmentCapability.PLAIN) || first.areaCount() != 1) {
            throw new LvstackException("LV " + CacheAttach.full(editor, fast) + " must be linear to use as a"
                    + " writecache.");
        }
        Questions.ask(editor, o.yes(), "Erase all existing data on " + CacheAttach.full(editor, fast) + "? [y/n]: ",
                "Conversion aborted.");
        WritecacheOptions w = WritecacheOptions.of(o.cacheSettings());
        long block = w.blockSize() != 0 ? w.blockSize() : WritecacheSegmentType.MAX_BLOCK;
        editor.message("  Using writecache block size " + block + " for unknown file system block size, logical block"
                + " size 512, physical block size 512.");
        if (block != WritecacheSegmentType.MIN_BLOCK) {
            editor.message("  WARNING: unable to detect a file system block size on " + CacheAttach.full(editor, lv));
            editor.message("  WARNING: using a writecache block size larger than the file system block size may"
                    + " corrupt the file system.");
            Questions.ask(editor, o.yes(), "Use writecache block size " + block + "? [y/n]: ", "Conversion aborted.");
        }
        if (fast.userCount() > 0) {
            throw new LvstackException("LV " + CacheAttach.full(editor, fast) + " is already in use.");
        }
        CacheAttach.checkOrigin(lv, editor);
        editor.renameLv(fast, fast.name() + "_cvol");
        editor.setStatus(fast, LvStatus.CACHE_VOL, true);
        LvView wcorig = editor.insertLayer(lv, "_wcorig");
        editor.setStatus(fast, LvStatus.VISIBLE, false);
        SegmentView layer = lv.segments().get(0);
        long len = layer.len();
        editor.removeSegment(layer);
        SegmentView seg = editor.addSegment(lv, editor.type(), new WritecacheFields(block, w.settings()), 0, len, 1);
        editor.setLvArea(seg, 0, wcorig, 0);
        editor.attach(seg, WritecacheSegmentType.CACHEVOL, fast);
        CacheAttach.notWiped(editor, fast, lv);
        return "Logical volume " + CacheAttach.full(editor, lv) + " now has writecache.";
    }
}
