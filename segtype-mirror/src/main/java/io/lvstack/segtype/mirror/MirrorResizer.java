package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.DisplaySize;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.ResizeRequest;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lvextend} of a mirror ({@code _lv_extend_layered_lv}): every leg grows by the same
 * extents, allocated together as the LV's own growth (each leg beside its last extents where LVM2
 * finds room), and the mirror segment grows over them; the log keeps its size.
 */
final class MirrorResizer implements LvResizer {
    @Override
    public void extend(LvView lv, ResizeRequest r, VgEditor editor) {
        if (r.metadataSectors() != null) {
            throw new LvstackException("--poolmetadatasize can be used only with pools: " + lv.name() + " is no pool.");
        }
        if (lv.segments().size() != 1 || lv.has(MirrorMarks.CONVERTING)) {
            throw new LvstackException("Unable to extend mirror " + lv.name() + " while it is being converted.");
        }
        SegmentView seg = lv.segments().get(0);
        List<LvView> legs = new ArrayList<>();
        for (int i = 0; i < seg.areaCount(); i++) {
            if (!(seg.area(i).orElse(null) instanceof Area.OnLv leg)) {
                throw new LvstackException("Unable to extend " + lv.name() + ": a pvmove is in progress.");
            }
            legs.add(leg.lv());
        }
        editor.message("  Extending " + legs.size() + " mirror images.");
        long old = lv.extentCount();
        long delta = r.extents() - old;
        Allocated a = editor.allocate(AreaRequest.extending(lv, legs.size(), delta, r.candidates()));
        for (int i = 0; i < legs.size(); i++) {
            List<PvExtents> pieces = new ArrayList<>();
            for (Allocated.Chunk c : a.chunks()) {
                pieces.add(c.areas().get(i));
            }
            editor.appendPlain(legs.get(i), pieces);
        }
        editor.resizeSegment(seg, r.extents());
        long extentSize = editor.vg().extentSize();
        String full = editor.vg().name() + "/" + lv.name();
        editor.message("  Size of logical volume " + full + " changed from " + DisplaySize.extents(old, extentSize)
                + " to " + DisplaySize.extents(r.extents(), extentSize) + ".");
        editor.message("  Logical volume " + full + " successfully resized.");
    }
}
