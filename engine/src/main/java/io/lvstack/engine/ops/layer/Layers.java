package io.lvstack.engine.ops.layer;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.Stack;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvNames;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.engine.segtype.NewSegments;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Whole-LV layers (LVM2 {@code lib/metadata/lv_manip.c}): putting a hidden LV under an LV or
 * under some of its segment areas, and taking it away again. Every method works inside the
 * caller's {@code vg.apply}, so a failure anywhere rolls the whole operation back.
 */
public final class Layers {
    /** What the LV maps its layer with: the plain type (LVM2's {@code striped}, one area). */
    private final SegmentType plain;

    public Layers(Engine engine) {
        this.plain = engine.segmentTypes().plain();
    }

    /**
     * LVM2 {@code insert_layer_for_lv}: a new hidden LV {@code <lv><suffix>} (a trailing {@code %d}
     * is numbered as {@code generate_lv_name} does) with status READ, and WRITE when {@code lv}
     * has it (a read-only LV keeps a read-only layer), takes all of {@code lv}'s segments;
     * {@code lv} gets one linear segment onto the whole layer.
     */
    public LogicalVolume insertLayerForLv(StackEditor ed, LogicalVolume lv, String suffix, String layerId,
            LvProperties layerProperties) {
        String name = suffix.endsWith("%d")
                ? LvNames.next(ed.vg(), lv.name() + suffix.substring(0, suffix.length() - 2))
                : lv.name() + suffix;
        requireUnusedId(ed.vg(), layerId);
        EnumSet<LvStatus> status = EnumSet.of(LvStatus.READ);
        if (lv.has(LvStatus.WRITE)) {
            status.add(LvStatus.WRITE);
        }
        LogicalVolume layer = ed.createLv(name, layerId, status, List.of(), layerProperties);
        LvSegments.moveAll(ed, layer, lv);
        Segment map = ed.addSegment(lv, plain, NewSegments.of(plain, 1, SegmentOptions.DEFAULTS).fields(), 0,
                layer.extentCount(), 1, List.of());
        ed.setLvArea(map, 0, layer, 0);
        return layer;
    }

    /**
     * LVM2 {@code remove_layer_from_lv}: {@code lv} must be exactly one linear segment onto the
     * whole of {@code layer}, its only user; the layer's segments move back up into {@code lv}.
     * LVM2 then gives the layer an {@code error} segment for its caller to delete; lvstack has no
     * {@code error} type, so the layer is left empty (the checker allows no such LV: delete it).
     */
    public void removeLayerFromLv(StackEditor ed, LogicalVolume lv, LogicalVolume layer) {
        Segment parentSeg = Stack.onlyUserOrNull(layer);
        if (parentSeg == null || parentSeg.lv() != lv) {
            throw new LvstackException("Failed to find layer " + layer.name() + " in " + lv.name());
        }
        if (lv.segments().size() != 1 || parentSeg.areaCount() != 1
                || !(parentSeg.areaOrNull(0) instanceof Area.OnLv on) || on.lv() != layer
                || lv.extentCount() != layer.extentCount()) {
            throw new LvstackException("Layer " + layer.name() + " of " + lv.name()
                    + " is not the single linear mapping of the whole LV");
        }
        ed.removeSegment(parentSeg);
        LvSegments.moveAll(ed, lv, layer);
    }

    /**
     * LVM2 {@code split_parent_segments_for_layer}: splits the segments of every other LV that
     * map areas onto {@code layer} so that each such area covers exactly one layer segment.
     */
    public void splitParentSegmentsForLayer(StackEditor ed, LogicalVolume layer) {
        for (LogicalVolume parent : List.copyOf(ed.vg().lvs())) {
            if (parent == layer) {
                continue;
            }
            // The list grows as segments split; the tails are already aligned when reached.
            for (int i = 0; i < parent.segments().size(); i++) {
                Segment seg = parent.segments().get(i);
                for (int s = 0; s < seg.areaCount(); s++) {
                    if (seg.areaOrNull(s) instanceof Area.OnLv on && on.lv() == layer) {
                        splitParentArea(ed, seg, s, layer, on.le());
                    }
                }
            }
        }
    }

    private static void splitParentArea(StackEditor ed, Segment seg, int s, LogicalVolume layer, long layerLe0) {
        long multiple = LvSegments.areaMultiple(seg);
        LogicalVolume parent = seg.lv();
        long remaining = seg.areaLen();
        long parentLe = seg.le();
        long layerLe = layerLe0;
        while (remaining > 0) {
            Segment lseg = layer.segmentAt(layerLe);
            if (lseg == null) {
                throw new LvstackException("layer segment for " + parent.name() + ":" + parentLe + " not found");
            }
            if (lseg.le() != layerLe) {
                throw new LvstackException("Incompatible layer boundary: " + parent.name() + ":" + parentLe + "["
                        + s + "] on " + layer.name() + ":" + layerLe);
            }
            if (lseg.len() < remaining) {
                parentLe += lseg.len() * multiple;
                LvSegments.splitAt(ed, parent, parentLe);
            }
            remaining -= lseg.len();
            layerLe += lseg.len();
        }
    }

    /**
     * LVM2 {@code remove_layers_for_segments}: every area of {@code lv} on {@code layer} takes
     * over the PV extents of the linear layer segment it maps ({@code move_lv_segment_area}); the
     * emptied layer segments keep an unassigned area until the caller removes the layer (LVM2
     * turns them into {@code error} segments). Returns whether {@code lv} changed; a changed LV
     * loses LOCKED and has its segments merged.
     */
    public boolean removeLayersForSegments(StackEditor ed, LogicalVolume lv, LogicalVolume layer) {
        return redirectAreas(ed, lv, layer, lseg -> {
            if (!lseg.type().has(SegmentCapability.AREAS_STRIPED) || lseg.areaCount() != 1) {
                throw new LvstackException("Layer is not linear: " + layer.name() + ":" + lseg.le());
            }
            return 0;
        });
    }

    /**
     * {@link #removeLayersForSegments} for every LV but the layer, then removes the layer
     * (LVM2 {@code remove_layers_for_segments_all}, followed by the caller's {@code lv_remove}).
     * Returns the changed LVs in VG order.
     */
    public List<LogicalVolume> removeLayersForSegmentsAll(StackEditor ed, LogicalVolume layer) {
        List<LogicalVolume> changed = new ArrayList<>();
        for (LogicalVolume lv : List.copyOf(ed.vg().lvs())) {
            if (lv != layer && removeLayersForSegments(ed, lv, layer)) {
                changed.add(lv);
            }
        }
        ed.removeLv(layer);
        return changed;
    }

    /** Which area of a layer segment the parent takes over; throws when the segment does not fit. */
    @FunctionalInterface
    public interface AreaChoice {
        int areaFor(Segment layerSegment);
    }

    /**
     * The common core of removing a layer under segments: for each area of {@code lv} on
     * {@code layer}, checks that the layer segment there starts at the same LE and has the
     * same area length ("Layer boundary mismatch"), then moves the chosen area of the layer
     * segment up into the parent. A changed LV loses LOCKED and is re-merged.
     */
    public static boolean redirectAreas(StackEditor ed, LogicalVolume lv, LogicalVolume layer, AreaChoice choice) {
        boolean changed = false;
        for (Segment seg : List.copyOf(lv.segments())) {
            for (int s = 0; s < seg.areaCount(); s++) {
                if (!(seg.areaOrNull(s) instanceof Area.OnLv on) || on.lv() != layer) {
                    continue;
                }
                Segment lseg = layer.segmentAt(on.le());
                if (lseg == null) {
                    throw new LvstackException("Layer segment found: " + layer.name() + ":" + on.le());
                }
                int area = choice.areaFor(lseg);
                if (lseg.le() != on.le() || lseg.areaLen() != seg.areaLen()) {
                    throw new LvstackException("Layer boundary mismatch: " + lv.name() + ":" + seg.le() + "-"
                            + seg.areaLen() + " on " + layer.name() + ":" + on.le() + " / " + lseg.le() + "-"
                            + lseg.areaLen() + " / ");
                }
                ed.moveArea(seg, s, lseg, area);
                changed = true;
            }
        }
        if (changed) {
            ed.setStatus(lv, LvStatus.LOCKED, false);
            LvSegments.mergeAll(ed, lv);
        }
        return changed;
    }

    /** New LVs need an id no LV of the VG has: the caller makes ids, lvstack checks them. */
    public static void requireUnusedId(VolumeGroup vg, String id) {
        for (LogicalVolume lv : vg.lvs()) {
            if (lv.id().equals(id)) {
                throw new LvstackException("LV id " + id + " is already used by LV " + lv.fullName());
            }
        }
    }
}
