package io.lvstack.engine.ops.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.TypeFields;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvNames;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.engine.ops.WriteGuard;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.engine.ops.layer.Layers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The engine side of LVM2's mirror conversions ({@code lvconvert --type mirror}, {@code -m},
 * {@code --mirrorlog}, {@code --splitmirrors}) and of {@code lvcreate --type mirror}, after
 * {@code lib/metadata/mirror.c}. Each operation is one atomic change of the VG. Where new extents
 * are needed the {@link ExtentAllocator} chooses them; this class only keeps new legs off the
 * PVs that the mirror already uses.
 */
public final class MirrorConverter {
    private static final ReferenceRole LOG = MirrorBuilder.LOG;
    private static final String TMP_LAYER = MirrorBuilder.TMP_LAYER;

    /** LVM2's {@code striped}: what plain LVs and legs are made of. */
    private final SegmentType plain;
    private final SegmentType mirror;
    private final Layers layers;
    private final LvStamp stamp;
    private final MirrorPlacement placement;
    private final MirrorBuilder build;

    /**
     * @param mirror the type of the mirror segments made (the command's {@code --type}); its areas
     *               must be mirror legs
     */
    public MirrorConverter(Engine engine, SegmentType mirror, ExtentAllocator allocator, LvStamp stamp) {
        if (!mirror.has(SegmentCapability.AREAS_MIRRORED)) {
            throw new LvstackException("Segment type " + mirror.name() + " does not mirror its areas.");
        }
        this.plain = engine.segmentTypes().plain();
        this.mirror = mirror;
        this.layers = new Layers(engine);
        this.stamp = stamp;
        this.placement = new MirrorPlacement(allocator);
        this.build = new MirrorBuilder(plain, mirror, layers, stamp, placement);
    }

    /** The type of the mirror segments this converter makes. */
    public SegmentType mirrorType() {
        return mirror;
    }

    // ------------------------------------------------------------------ public operations

    /**
     * {@code lvconvert --type mirror -m (legs-1) --mirrorlog LOG --regionsize R lv [pvs]}: a linear
     * or striped LV becomes a mirror of {@code legs} legs; the region size is adjusted to the LV
     * as LVM2 adjusts it.
     */
    public void convertToMirror(VolumeGroup vg, String lvName, int legs, MirrorLog log, long regionSize,
            List<PvRange> pvs) {
        vg.apply(ed -> {
            LogicalVolume lv = find(vg, lvName);
            if (isMirror(lv)) {
                throw new LvstackException("Logical volume " + lv.name() + " is already a mirror.");
            }
            for (Segment s : lv.segments()) {
                if (s.type() != plain) {
                    throw new LvstackException("Unable to convert " + lv.fullName() + " of type "
                            + s.type().name() + " to mirror.");
                }
            }
            if (legs < 2) {
                throw new LvstackException("Mirror needs at least 2 legs, not " + legs + ".");
            }
            long region = MirrorRegion.adjust(vg.properties().extentSize(), lv.extentCount(), regionSize);
            Shape shape = Shape.of(lv, plain);
            Set<PhysicalVolume> avoid = MirrorPlacement.pvsOf(lv);
            long logExtents = log == MirrorLog.CORE ? 0
                    : MirrorRegion.logExtents(region, vg.properties().extentSize(), lv.extentCount());
            Allocation a = placement.allocate(vg, lv, (legs - 1) * shape.stripes(), lv.extentCount() / shape.stripes(),
                    logExtents, pvs, avoid);
            // LVM2 sets up the log before it forms the mirror, so _mlog precedes the images in the list
            LogicalVolume logLv = log == MirrorLog.CORE ? null
                    : build.createLog(ed, vg, lv.name(), a, log, Math.min(region, vg.properties().extentSize()), pvs,
                            avoid);
            build.formMirror(ed, lv, a, legs - 1, shape, build.mirrorFields(legs, region));
            if (logLv != null) {
                ed.attach(lv.segments().get(0), LOG, logLv);
            }
        });
    }

    /**
     * {@code lvcreate --type mirror -m (legs-1) -l extents -n name}: the top LV, then
     * {@code name_mimage_0..legs-1}, then {@code name_mlog}, in that list order.
     */
    public LogicalVolume createMirror(VolumeGroup vg, String name, long extents, int legs, MirrorLog log,
            long regionSize, List<PvRange> pvs) {
        return vg.change(ed -> {
            if (legs < 2) {
                throw new LvstackException("Mirror needs at least 2 legs, not " + legs + ".");
            }
            long region = MirrorRegion.adjust(vg.properties().extentSize(), extents, regionSize);
            long logExtents = log == MirrorLog.CORE ? 0
                    : MirrorRegion.logExtents(region, vg.properties().extentSize(), extents);
            Allocation a = placement.allocate(vg, null, legs, extents, logExtents, pvs, Set.of());
            LogicalVolume top = ed.createLv(name, stamp.newId(), EnumSet.of(LvStatus.READ, LvStatus.WRITE,
                    LvStatus.VISIBLE), List.of(), stamp.properties());
            List<LogicalVolume> images = new ArrayList<>();
            for (int k = 0; k < legs; k++) {
                LogicalVolume img = build.hiddenLv(ed, name + "_mimage_" + k);
                build.fillImage(ed, img, a, k, Shape.LINEAR);
                images.add(img);
            }
            Segment seg = ed.addSegment(top, mirror, build.mirrorFields(legs, region), 0, extents, legs,
                    List.of());
            for (int k = 0; k < legs; k++) {
                ed.setLvArea(seg, k, images.get(k), 0);
            }
            if (log != MirrorLog.CORE) {
                LogicalVolume logLv = build.createLog(ed, vg, name, a, log, Math.min(region, vg.properties().extentSize()),
                        pvs, MirrorPlacement.pvsOf(top));
                ed.attach(seg, LOG, logLv);
            }
            return top;
        });
    }

    /**
     * {@code lvconvert -m +count}: with a disk or mirrored log the mirror moves into a
     * {@code lv_mimagetmp_N} layer and the LV becomes a CONVERTING core-log mirror over that layer
     * and the new legs (finish with {@link #collapse}); with a core log the legs are added directly.
     */
    public void addLegs(VolumeGroup vg, String lvName, int count, List<PvRange> pvs) {
        vg.apply(ed -> {
            LogicalVolume lv = find(vg, lvName);
            Segment seg = singleMirrorSegment(lv);
            if (count < 1) {
                throw new LvstackException("No conversion is requested");
            }
            Set<PhysicalVolume> avoid = MirrorPlacement.pvsOf(lv);
            Allocation a = placement.allocate(vg, lv, count, lv.extentCount(), 0, pvs, avoid);
            if (seg.referenceOrNull(LOG) != null) {
                int n = LvNames.nextIndex(vg, lv.name() + "_mimage_");
                TypeFields inner = seg.fields();
                build.insertLayer(ed, lv, TMP_LAYER + "_" + n);
                build.formMirror(ed, lv, a, count, Shape.LINEAR, inner);
            } else {
                List<LogicalVolume> legs = LegSelection.legs(seg);
                List<LogicalVolume> added = build.createImages(ed, lv, a, count, Shape.LINEAR);
                legs.addAll(added);
                build.rebuild(ed, lv, seg, legs, null);
            }
        });
    }

    /**
     * The end of {@link #addLegs} once the new legs are in sync ({@code collapse_mirrored_lv}):
     * the temporary layer's mirror moves back up, with its log, and gains the new legs.
     */
    public void collapse(VolumeGroup vg, String lvName) {
        vg.apply(ed -> {
            LogicalVolume lv = find(vg, lvName);
            Segment top = singleMirrorSegment(lv);
            LogicalVolume tmp = top.areaOrNull(0) instanceof Area.OnLv l ? (LogicalVolume) l.lv() : null;
            if (tmp == null || !tmp.name().contains(TMP_LAYER)) {
                throw new LvstackException("Logical volume " + lv.name() + " is not converting.");
            }
            List<LogicalVolume> added = LegSelection.legs(top);
            added.remove(0);
            ed.removeSegment(top);
            Segment link = ed.addSegment(lv, plain, build.linearFields(), 0, tmp.extentCount(), 1, List.of());
            ed.setLvArea(link, 0, tmp, 0);
            layers.removeLayerFromLv(ed, lv, tmp);
            ed.removeLv(tmp);
            Segment inner = singleMirrorSegment(lv);
            List<LogicalVolume> legs = LegSelection.legs(inner);
            legs.addAll(added);
            build.rebuild(ed, lv, inner, legs, inner.referenceOrNull(LOG));
        });
    }

    /**
     * {@code lvconvert -m -count lv [pvs]}: removes {@code count} legs, those wholly on
     * {@code removable} when given (shifted to the end as {@code _shift_mirror_images} does, so
     * the primary stays first). One leg left: the LV is linear (or striped) again.
     */
    public void removeLegs(VolumeGroup vg, String lvName, int count, List<PhysicalVolume> removable) {
        vg.apply(ed -> {
            LogicalVolume lv = find(vg, lvName);
            Segment seg = singleMirrorSegment(lv);
            if (count < 1) {
                throw new LvstackException("No conversion is requested");
            }
            if (seg.areaCount() <= count) {
                throw new LvstackException("Removing more than existing: " + seg.areaCount() + " <= " + count);
            }
            refuseConverting(lv, seg);
            List<LogicalVolume> legs = LegSelection.legs(seg);
            // legs on the removable PVs go last; LVM2 takes any balance from the end of the rest
            LegSelection.moveRemovableToEnd(legs, count, removable);
            int keep = legs.size() - count;
            List<LogicalVolume> gone = new ArrayList<>(legs.subList(keep, legs.size()));
            List<LogicalVolume> kept = new ArrayList<>(legs.subList(0, keep));
            build.shrink(ed, lv, seg, kept);
            for (LogicalVolume img : gone) {
                ed.removeLv(img);
            }
        });
    }

    /** {@code lvconvert -m0}: only the primary leg stays, as a plain LV. */
    public void toLinear(VolumeGroup vg, String lvName) {
        LogicalVolume lv = find(vg, lvName);
        removeLegs(vg, lvName, singleMirrorSegment(lv).areaCount() - 1, List.of());
    }

    /**
     * {@code lvconvert --splitmirrors count --name newName lv [pvs]} ({@code _split_mirror_images}):
     * the last {@code count} legs (those wholly on {@code removable} when given, shifted to the end)
     * leave the mirror. The last becomes the visible LV {@code newName}; with more than one it
     * becomes a core-log mirror over a {@code newName_mimage_0} layer and the other split legs,
     * renamed {@code newName_mimage_N}. One leg left: {@code lv} is plain again.
     */
    public LogicalVolume splitLegs(VolumeGroup vg, String lvName, int count, String newName,
            List<PhysicalVolume> removable) {
        return vg.change(ed -> {
            LogicalVolume lv = find(vg, lvName);
            if (!isMirror(lv)) {
                throw new LvstackException("Unable to split non-mirrored LV " + lv.fullName() + ".");
            }
            Segment seg = singleMirrorSegment(lv);
            refuseConverting(lv, seg);
            if (vg.lv(newName) != null) {
                throw new LvstackException("Logical Volume \"" + newName + "\" already exists in volume group \""
                        + vg.name() + "\"");
            }
            if (count < 1 || count >= seg.areaCount()) {
                throw new LvstackException("Unable to split " + count + " images from " + lv.fullName() + " of "
                        + seg.areaCount() + " images.");
            }
            List<LogicalVolume> legs = LegSelection.legs(seg);
            if (!removable.isEmpty() && LegSelection.moveRemovableToEnd(legs, count, removable) < count) {
                throw new LvstackException("Insufficient removable PVs given to satisfy request.");
            }
            TypeFields fields = seg.fields();
            List<LogicalVolume> split = new ArrayList<>(legs.subList(legs.size() - count, legs.size()));
            build.shrink(ed, lv, seg, legs.subList(0, legs.size() - count));
            // detached from the end: the last leg is the new LV, the others follow it in that order
            java.util.Collections.reverse(split);
            LogicalVolume first = split.get(0);
            ed.renameLv(first, newName);
            ed.setStatus(first, LvStatus.VISIBLE, true);
            if (count > 1) {
                LogicalVolume layer = build.insertLayer(ed, first, "_mimage_%d");
                List<LogicalVolume> images = new ArrayList<>();
                images.add(layer);
                for (LogicalVolume img : split.subList(1, split.size())) {
                    ed.renameLv(img, LvNames.next(vg, newName + "_mimage_"));
                    images.add(img);
                }
                build.rebuild(ed, first, first.segments().get(0), images, null, fields);
            }
            return first;
        });
    }

    /** {@code lvconvert --mirrorlog core|disk|mirrored lv [pvs]}. */
    public void changeLog(VolumeGroup vg, String lvName, MirrorLog log, List<PvRange> pvs) {
        vg.apply(ed -> {
            LogicalVolume lv = find(vg, lvName);
            if (lv.segments().size() != 1) {
                throw new LvstackException("Multiple-segment mirror is not supported");
            }
            Segment seg = singleMirrorSegment(lv);
            LogicalVolume old = seg.referenceOrNull(LOG);
            int oldCount = old == null ? 0 : isMirror(old) ? singleMirrorSegment(old).areaCount() : 1;
            if (oldCount == log.count()) {
                return;
            }
            long extentSize = vg.properties().extentSize();
            if (log == MirrorLog.CORE) {
                ed.detach(seg, LOG);
                build.removeLog(ed, old);
            } else if (oldCount == 0) {
                Set<PhysicalVolume> avoid = MirrorPlacement.pvsOf(lv);
                long logExtents = MirrorRegion.logExtents(regionOf(seg), extentSize, lv.extentCount());
                Allocation a = placement.allocate(vg, lv, 1, 0, logExtents, pvs, avoid);
                LogicalVolume logLv = build.createLog(ed, vg, topName(lv), a, log, Math.min(regionOf(seg), extentSize),
                        pvs, avoid);
                ed.attach(seg, LOG, logLv);
            } else if (log == MirrorLog.MIRRORED) {
                Set<PhysicalVolume> avoid = MirrorPlacement.pvsOf(lv);
                build.mirrorTheLog(ed, vg, old, seg.fields(), pvs, avoid);
            } else {
                Segment logSeg = singleMirrorSegment(old);
                List<LogicalVolume> logLegs = LegSelection.legs(logSeg);
                build.shrink(ed, old, logSeg, logLegs.subList(0, 1));
                for (LogicalVolume img : logLegs.subList(1, logLegs.size())) {
                    ed.removeLv(img);
                }
            }
        });
    }

    // ------------------------------------------------------------------ lookups

    private static void refuseConverting(LogicalVolume lv, Segment seg) {
        if (seg.areaOrNull(0) instanceof Area.OnLv l && l.lv().name().contains(TMP_LAYER)) {
            throw new LvstackException("Logical volume " + lv.fullName() + " is converting; collapse it first.");
        }
    }

    private boolean isMirror(LogicalVolume lv) {
        return lv.segments().stream().anyMatch(s -> s.type() == mirror);
    }

    private Segment singleMirrorSegment(LogicalVolume lv) {
        List<Segment> segs = lv.segments();
        if (segs.size() != 1 || segs.get(0).type() != mirror) {
            throw new LvstackException("Logical volume " + lv.fullName() + " is not a single-segment mirror.");
        }
        return segs.get(0);
    }

    /** The segment's region size, as its type reports it. */
    private static long regionOf(Segment seg) {
        return seg.handler().regionSize(seg);
    }

    /** {@code _set_up_mirror_log}'s top name: the LV's name up to any {@code _mimagetmp} part. */
    private static String topName(LogicalVolume lv) {
        int i = lv.name().indexOf(TMP_LAYER);
        return i < 0 ? lv.name() : lv.name().substring(0, i);
    }

    /** The LV a conversion changes; every conversion of an existing LV finds it here, so the guard is here too. */
    private static LogicalVolume find(VolumeGroup vg, String name) {
        LogicalVolume lv = vg.lv(name);
        if (lv == null) {
            throw new LvstackException("Failed to find logical volume \"" + vg.name() + "/" + name + "\"");
        }
        WriteGuard.check(lv, "convert");
        return lv;
    }
}
