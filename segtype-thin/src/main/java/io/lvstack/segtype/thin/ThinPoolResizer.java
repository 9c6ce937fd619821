package io.lvstack.segtype.thin;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.VgEditor;
import java.util.List;
import java.util.Set;

/**
 * {@code lvextend} of a thin pool: its data LV grows with the stripes of its last segment, as
 * LVM2 extends {@code POOL_tdata}, and the pool segment grows over it.
 */
final class ThinPoolResizer implements LvResizer {
    @Override
    public void extend(LvView lv, long extents, List<PvExtents> candidates, VgEditor editor) {
        SegmentView pool = ThinPoolSegmentType.poolSegment(lv).orElseThrow();
        LvView data = ThinPoolSegmentType.dataLv(pool).orElseThrow(() -> new LvstackException("Thin pool "
                + lv.name() + " has no data LV."));
        SegmentView last = data.segments().get(data.segments().size() - 1);
        int stripes = Math.max(1, last.areaCount());
        long add = extents - lv.extentCount();
        if (add % stripes != 0) {
            add += stripes - add % stripes;
        }
        Allocated a = editor.allocate(new AreaRequest(stripes, add / stripes, 0, candidates, Set.of(), data,
                data.name()));
        for (Allocated.Chunk c : a.chunks()) {
            editor.appendOnPvs(data, last.type(), editor.newSegment(last.type(), c.areas().size(),
                    SegmentOptions.stripeSize(stripes > 1 ? last.type().stripeSize(last) : null)).fields(),
                    c.length() * c.areas().size(), c.areas());
        }
        editor.mergeSegments(data);
        editor.resizeSegment(pool, data.extentCount());
    }
}
