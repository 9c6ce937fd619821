package io.lvstack.engine.ops.mirror;

import io.lvstack.engine.ops.LvStamp;
import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The minimal whole-LV layer moves mirrors need (LVM2's {@code insert_layer_for_lv} and
 * {@code remove_layer_from_lv}, lvm2-semantics 5.1). Kept private to the mirror package: the
 * layer work of pvmove lives elsewhere and the integrator may unify the two.
 */
final class Layers {
    private final SegmentType striped;
    private final LvStamp stamp;

    Layers(SegmentType striped, LvStamp stamp) {
        this.striped = striped;
        this.stamp = stamp;
    }

    /** A new hidden LV, READ plus the parent's WRITE, appended to the VG's LV list. */
    LogicalVolume createHidden(StackEditor ed, String name, boolean write) {
        EnumSet<LvStatus> status = EnumSet.of(LvStatus.READ);
        if (write) {
            status.add(LvStatus.WRITE);
        }
        return ed.createLv(name, stamp.newId(), status, List.of(), stamp.properties());
    }

    /** Moves all of {@code lv}'s segments into a new layer {@code name}; {@code lv} maps it linearly. */
    LogicalVolume insert(StackEditor ed, LogicalVolume lv, String name) {
        LogicalVolume layer = createHidden(ed, name, lv.has(LvStatus.WRITE));
        moveSegments(ed, lv, layer);
        Segment top = ed.addSegment(lv, striped, Fields.linear(striped), 0, layer.extentCount(), 1, List.of());
        ed.setLvArea(top, 0, layer, 0);
        return layer;
    }

    /** Moves the segments of {@code layer}, the only area of {@code lv}, back up and deletes the layer. */
    void remove(StackEditor ed, LogicalVolume lv, LogicalVolume layer) {
        List<Segment> segs = lv.segments();
        if (segs.size() != 1 || segs.get(0).areaCount() != 1
                || !(segs.get(0).areaOrNull(0) instanceof Area.OnLv a) || a.lv() != layer
                || lv.extentCount() != layer.extentCount()) {
            throw new LvstackException("Layer " + layer.name() + " is not the only area of " + lv.name());
        }
        ed.removeSegment(segs.get(0));
        moveSegments(ed, layer, lv);
        ed.removeLv(layer);
    }

    /** Moves every segment of {@code from}, with its areas and roles, to the empty {@code to}. */
    static void moveSegments(StackEditor ed, LogicalVolume from, LogicalVolume to) {
        List<Segment> old = new ArrayList<>(from.segments());
        for (Segment seg : old) {
            Segment copy = ed.addSegment(to, seg.type(), seg.fields(), seg.le(), seg.len(), seg.areaCount(),
                    seg.tags());
            for (int i = 0; i < seg.areaCount(); i++) {
                ed.moveArea(copy, i, seg, i);
            }
            for (Map.Entry<ReferenceRole, LogicalVolume> r : Map.copyOf(seg.references()).entrySet()) {
                ed.detach(seg, r.getKey());
                ed.attach(copy, r.getKey(), r.getValue());
            }
        }
        // from the end, so that no remaining segment has its LE shifted
        for (int i = old.size() - 1; i >= 0; i--) {
            ed.removeSegment(old.get(i));
        }
    }
}
