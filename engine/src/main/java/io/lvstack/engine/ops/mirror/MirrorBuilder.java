package io.lvstack.engine.ops.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.TypeFields;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvNames;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.engine.segtype.NewSegments;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.engine.ops.layer.Layers;
import io.lvstack.engine.ops.layer.LvSegments;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps LVM2's mirror code is made of ({@code _form_mirror}, {@code _create_mimage_lvs},
 * {@code _set_up_mirror_log}, {@code _remove_mirror_images}), each on an open {@link StackEditor}.
 */
final class MirrorBuilder {
    static final ReferenceRole LOG = ReferenceRole.of("log");
    /** {@code MIRROR_SYNC_LAYER}: the temporary layer of a mirror gaining legs. */
    static final String TMP_LAYER = "_mimagetmp";

    private final SegmentType plain;
    private final SegmentType mirror;
    private final Layers layers;
    private final LvStamp stamp;
    private final MirrorPlacement placement;

    MirrorBuilder(SegmentType plain, SegmentType mirror, Layers layers, LvStamp stamp, MirrorPlacement placement) {
        this.plain = plain;
        this.mirror = mirror;
        this.layers = layers;
        this.stamp = stamp;
        this.placement = placement;
    }

    /** A new mirror segment's fields: {@code legs} legs of {@code region} sectors per region. */
    TypeFields mirrorFields(int legs, long region) {
        return NewSegments.of(mirror, legs, SegmentOptions.regionSize(region)).fields();
    }

    /** A new linear segment's fields. */
    TypeFields linearFields() {
        return NewSegments.of(plain, 1, SegmentOptions.DEFAULTS).fields();
    }

    /** A new hidden image or log LV, READ WRITE, appended to the VG's LV list. */
    LogicalVolume hiddenLv(StackEditor ed, String name) {
        return ed.createLv(name, stamp.newId(), EnumSet.of(LvStatus.READ, LvStatus.WRITE), List.of(),
                stamp.properties());
    }

    /** LVM2's {@code insert_layer_for_lv} with this stamp's next id; {@code suffix} as {@link Layers} reads it. */
    LogicalVolume insertLayer(StackEditor ed, LogicalVolume lv, String suffix) {
        return layers.insertLayerForLv(ed, lv, suffix, stamp.newId(), stamp.properties());
    }

    /** {@code _form_mirror}: a layer for the original segments if needed, new images, the mirror segment. */
    void formMirror(StackEditor ed, LogicalVolume lv, Allocation a, int newLegs, Shape shape,
            TypeFields fields) {
        List<Segment> segs = lv.segments();
        LogicalVolume first;
        if (segs.size() == 1 && segs.get(0).areaCount() == 1 && segs.get(0).areaOrNull(0) instanceof Area.OnLv l) {
            first = (LogicalVolume) l.lv();
        } else {
            first = insertLayer(ed, lv, "_mimage_%d");
        }
        List<LogicalVolume> legs = new ArrayList<>();
        legs.add(first);
        legs.addAll(createImages(ed, lv, a, newLegs, shape));
        Segment link = lv.segments().get(0);
        ed.removeSegment(link);
        Segment seg = ed.addSegment(lv, mirror, fields, 0, first.extentCount(), legs.size(), List.of());
        for (int k = 0; k < legs.size(); k++) {
            ed.setLvArea(seg, k, legs.get(k), 0);
        }
    }

    /** {@code _create_mimage_lvs}: {@code lv_mimage_N..} with the next free indices. */
    List<LogicalVolume> createImages(StackEditor ed, LogicalVolume lv, Allocation a, int count,
            Shape shape) {
        List<LogicalVolume> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            LogicalVolume img = hiddenLv(ed, LvNames.next(lv.vg(), lv.name() + "_mimage_"));
            fillImage(ed, img, a, k, shape);
            out.add(img);
        }
        return out;
    }

    /** Gives image {@code k} one segment per allocated chunk, from its stripes' ranges. */
    void fillImage(StackEditor ed, LogicalVolume img, Allocation a, int k, Shape shape) {
        int n = shape.stripes();
        for (Allocation.Chunk c : a.chunks()) {
            LvSegments.appendOnPvs(ed, img, plain, shape.fieldsOr(linearFields()), c.length(),
                    c.areas().subList(k * n, (k + 1) * n));
        }
    }

    /** {@code _set_up_mirror_log}: {@code top_mlog} on the allocated log ranges, mirrored when asked. */
    LogicalVolume createLog(StackEditor ed, VolumeGroup vg, String top, Allocation a, MirrorLog log,
            long logRegion, List<PvRange> pvs, Set<PhysicalVolume> avoid) {
        if (a.log().isEmpty()) {
            throw new LvstackException("Unable to allocate extents for mirror log.");
        }
        LogicalVolume logLv = hiddenLv(ed, top + "_mlog");
        for (PvRange r : a.log()) {
            LvSegments.appendOnPvs(ed, logLv, plain, linearFields(), r.count(), List.of(r));
        }
        if (log == MirrorLog.MIRRORED) {
            Set<PhysicalVolume> taken = new LinkedHashSet<>(avoid);
            for (Allocation.Chunk c : a.chunks()) {
                c.areas().forEach(r -> taken.add(r.pv()));
            }
            mirrorTheLog(ed, vg, logLv, mirrorFields(2, logRegion), pvs, taken);
        }
        return logLv;
    }

    /** Turns a disk log into a 2-leg core-log mirror ({@code top_mlog_mimage_0/1}). */
    void mirrorTheLog(StackEditor ed, VolumeGroup vg, LogicalVolume logLv, TypeFields fields,
            List<PvRange> pvs, Set<PhysicalVolume> avoid) {
        Set<PhysicalVolume> taken = new LinkedHashSet<>(avoid);
        taken.addAll(MirrorPlacement.pvsOf(logLv));
        Allocation a = placement.allocate(vg, logLv, 1, logLv.extentCount(), 0, pvs, taken);
        formMirror(ed, logLv, a, 1, Shape.LINEAR, fields);
    }

    /** Keeps {@code kept} legs of {@code seg}; one leg left makes {@code lv} plain again, without log. */
    void shrink(StackEditor ed, LogicalVolume lv, Segment seg, List<LogicalVolume> kept) {
        LogicalVolume log = seg.referenceOrNull(LOG);
        if (kept.size() > 1 || lv.name().contains(TMP_LAYER)) {
            rebuild(ed, lv, seg, kept, log);
            return;
        }
        ed.detach(seg, LOG);
        ed.removeSegment(seg);
        LogicalVolume primary = kept.get(0);
        LvSegments.moveAll(ed, lv, primary);
        ed.removeLv(primary);
        ed.setStatus(lv, LvStatus.NOTSYNCED, false);
        if (log != null) {
            removeLog(ed, log);
        }
    }

    /** Replaces {@code seg} by a mirror segment over {@code legs}, same fields, with {@code log}. */
    void rebuild(StackEditor ed, LogicalVolume lv, Segment seg, List<LogicalVolume> legs,
            LogicalVolume log) {
        rebuild(ed, lv, seg, legs, log, seg.fields());
    }

    /** Replaces {@code seg} by a mirror segment over {@code legs} with {@code fields} and {@code log}. */
    void rebuild(StackEditor ed, LogicalVolume lv, Segment seg, List<LogicalVolume> legs,
            LogicalVolume log, TypeFields fields) {
        long len = seg.len();
        ed.removeSegment(seg);
        Segment next = ed.addSegment(lv, mirror, fields, 0, len, legs.size(), List.of());
        for (int k = 0; k < legs.size(); k++) {
            ed.setLvArea(next, k, legs.get(k), 0);
        }
        if (log != null) {
            ed.attach(next, LOG, log);
        }
    }

    /** Deletes a detached log and, for a mirrored log, its images. */
    static void removeLog(StackEditor ed, LogicalVolume log) {
        List<LogicalVolume> images = new ArrayList<>();
        for (Segment s : log.segments()) {
            for (Area a : s.areas()) {
                if (a instanceof Area.OnLv l) {
                    images.add((LogicalVolume) l.lv());
                }
            }
        }
        ed.removeLv(log);
        images.forEach(ed::removeLv);
    }
}
