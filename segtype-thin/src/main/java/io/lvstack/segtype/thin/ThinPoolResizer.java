package io.lvstack.segtype.thin;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.ResizeRequest;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.VgEditor;
import java.util.List;

/**
 * {@code lvextend} of a thin pool: {@code --poolmetadatasize} grows its metadata LV first (and the
 * VG's spare to match, LVM2's {@code handle_pool_metadata_spare}), then {@code -L} its data LV,
 * each with the stripes of its last segment, and the pool segment over the data. LVM2 names each
 * LV it grew, then the one the command resized: the pool, or its metadata LV alone.
 */
final class ThinPoolResizer implements LvResizer {
    @Override
    public void extend(LvView lv, ResizeRequest r, VgEditor editor) {
        SegmentView pool = ThinPoolSegmentType.poolSegment(lv).orElseThrow();
        if (r.metadataSectors() != null) {
            LvView meta = pool.reference(ThinPoolSegmentType.METADATA).orElseThrow(() -> new LvstackException(
                    "Thin pool " + lv.name() + " has no metadata LV."));
            long extentSize = editor.vg().extentSize();
            long sectors = r.metadataRelative() ? meta.extentCount() * extentSize + r.metadataSectors()
                    : r.metadataSectors();
            long extents = (sectors + extentSize - 1) / extentSize;
            if (extents <= meta.extentCount()) {
                // LVM2's words, without a period
                throw new LvstackException("New size given (" + extents + " extents) not larger than existing size ("
                        + meta.extentCount() + " extents)");
            }
            editor.poolMetadataSpare(extents, r.candidates());
            long old = meta.extentCount();
            grow(meta, extents - old, r.candidates(), editor);
            changed(editor, meta, old);
        }
        LvView resized = lv;
        if (r.extents() > lv.extentCount()) {
            LvView data = ThinPoolSegmentType.dataLv(pool).orElseThrow(() -> new LvstackException("Thin pool "
                    + lv.name() + " has no data LV."));
            long old = data.extentCount();
            grow(data, r.extents() - lv.extentCount(), r.candidates(), editor);
            editor.resizeSegment(pool, data.extentCount());
            changed(editor, data, old);
        } else {
            resized = pool.reference(ThinPoolSegmentType.METADATA).orElse(lv);
        }
        editor.message("  Logical volume " + editor.vg().name() + "/" + resized.name() + " successfully resized.");
    }

    private static void changed(VgEditor editor, LvView lv, long old) {
        long extentSize = editor.vg().extentSize();
        editor.message("  Size of logical volume " + editor.vg().name() + "/" + lv.name() + " changed from "
                + extentsText(old, extentSize) + " to " + extentsText(lv.extentCount(), extentSize) + ".");
    }

    /** Appends {@code add} extents (rounded up to whole stripes) to {@code lv} with its last segment's stripes. */
    private static void grow(LvView lv, long add, List<PvExtents> candidates, VgEditor editor) {
        SegmentView last = lv.segments().get(lv.segments().size() - 1);
        int stripes = Math.max(1, last.areaCount());
        if (add % stripes != 0) {
            add += stripes - add % stripes;
        }
        Allocated a = editor.allocate(AreaRequest.extending(lv, stripes, add / stripes, candidates));
        editor.appendAllocated(lv, last.type(),
                SegmentOptions.stripeSize(stripes > 1 ? last.type().stripeSize(last) : null), a);
    }

    /** LVM2's {@code display_size} of some extents with their count: {@code 4.00 MiB (1 extents)}. */
    private static String extentsText(long extents, long extentSize) {
        return io.lvstack.api.ops.DisplaySize.of(extents * extentSize) + " (" + extents + " extents)";
    }
}
