package io.lvstack.engine.ops.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.TypeFields;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvNames;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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
    static final ReferenceRole LOG = ReferenceRole.of("log");
    private static final String TMP_LAYER = "_mimagetmp";

    private final SegmentType striped;
    private final SegmentType mirror;
    private final ExtentAllocator allocator;
    private final Layers layers;
    private final LvStamp stamp;

    public MirrorConverter(Engine engine, ExtentAllocator allocator, LvStamp stamp) {
        this.striped = require(engine, "striped");
        this.mirror = require(engine, "mirror");
        this.allocator = allocator;
        this.layers = new Layers(striped, stamp);
        this.stamp = stamp;
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
                if (s.type() != striped) {
                    throw new LvstackException("Unable to convert " + lv.fullName() + " of type "
                            + s.type().name() + " to mirror.");
                }
            }
            if (legs < 2) {
                throw new LvstackException("Mirror needs at least 2 legs, not " + legs + ".");
            }
            long region = MirrorRegion.adjust(vg.properties().extentSize(), lv.extentCount(), regionSize);
            Shape shape = Shape.of(lv, striped);
            Set<PhysicalVolume> avoid = pvsOf(lv);
            long logExtents = log == MirrorLog.CORE ? 0
                    : MirrorRegion.logExtents(region, vg.properties().extentSize(), lv.extentCount());
            Allocation a = allocate(vg, (legs - 1) * shape.stripes(), lv.extentCount() / shape.stripes(),
                    logExtents, pvs, avoid);
            // LVM2 sets up the log before it forms the mirror, so _mlog precedes the images in the list
            LogicalVolume logLv = log == MirrorLog.CORE ? null
                    : createLog(ed, vg, lv.name(), a, log, Math.min(region, vg.properties().extentSize()), pvs,
                            avoid);
            formMirror(ed, lv, a, legs - 1, shape, Fields.mirror(mirror, legs, region));
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
            Allocation a = allocate(vg, legs, extents, logExtents, pvs, Set.of());
            LogicalVolume top = ed.createLv(name, stamp.nextId(), EnumSet.of(LvStatus.READ, LvStatus.WRITE,
                    LvStatus.VISIBLE), List.of(), stamp.properties());
            List<LogicalVolume> images = new ArrayList<>();
            for (int k = 0; k < legs; k++) {
                LogicalVolume img = layers.createHidden(ed, name + "_mimage_" + k, true);
                fillImage(ed, img, a, k, Shape.LINEAR);
                images.add(img);
            }
            Segment seg = ed.addSegment(top, mirror, Fields.mirror(mirror, legs, region), 0, extents, legs,
                    List.of());
            for (int k = 0; k < legs; k++) {
                ed.setLvArea(seg, k, images.get(k), 0);
            }
            if (log != MirrorLog.CORE) {
                LogicalVolume logLv = createLog(ed, vg, name, a, log, Math.min(region, vg.properties().extentSize()),
                        pvs, pvsOf(top));
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
            Set<PhysicalVolume> avoid = pvsOf(lv);
            Allocation a = allocate(vg, count, lv.extentCount(), 0, pvs, avoid);
            if (seg.referenceOrNull(LOG) != null) {
                int n = LvNames.nextIndex(vg, lv.name() + "_mimage_");
                TypeFields inner = seg.fields();
                layers.insert(ed, lv, lv.name() + TMP_LAYER + "_" + n);
                formMirror(ed, lv, a, count, Shape.LINEAR, inner);
            } else {
                List<LogicalVolume> legs = legs(seg);
                List<LogicalVolume> added = createImages(ed, lv, a, count, Shape.LINEAR);
                legs.addAll(added);
                rebuild(ed, lv, seg, legs, null);
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
            List<LogicalVolume> added = legs(top);
            added.remove(0);
            ed.removeSegment(top);
            Segment link = ed.addSegment(lv, striped, Fields.linear(striped), 0, tmp.extentCount(), 1, List.of());
            ed.setLvArea(link, 0, tmp, 0);
            layers.remove(ed, lv, tmp);
            Segment inner = singleMirrorSegment(lv);
            List<LogicalVolume> legs = legs(inner);
            legs.addAll(added);
            rebuild(ed, lv, inner, legs, inner.referenceOrNull(LOG));
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
            List<LogicalVolume> legs = legs(seg);
            // legs on the removable PVs go last; LVM2 takes any balance from the end of the rest
            moveRemovableToEnd(legs, count, removable);
            int keep = legs.size() - count;
            List<LogicalVolume> gone = new ArrayList<>(legs.subList(keep, legs.size()));
            List<LogicalVolume> kept = new ArrayList<>(legs.subList(0, keep));
            shrink(ed, lv, seg, kept);
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
            List<LogicalVolume> legs = legs(seg);
            if (!removable.isEmpty() && moveRemovableToEnd(legs, count, removable) < count) {
                throw new LvstackException("Insufficient removable PVs given to satisfy request.");
            }
            TypeFields fields = seg.fields();
            List<LogicalVolume> split = new ArrayList<>(legs.subList(legs.size() - count, legs.size()));
            shrink(ed, lv, seg, legs.subList(0, legs.size() - count));
            // detached from the end: the last leg is the new LV, the others follow it in that order
            java.util.Collections.reverse(split);
            LogicalVolume first = split.get(0);
            ed.renameLv(first, newName);
            ed.setStatus(first, LvStatus.VISIBLE, true);
            if (count > 1) {
                LogicalVolume layer = layers.insert(ed, first, LvNames.next(vg, newName + "_mimage_"));
                List<LogicalVolume> images = new ArrayList<>();
                images.add(layer);
                for (LogicalVolume img : split.subList(1, split.size())) {
                    ed.renameLv(img, LvNames.next(vg, newName + "_mimage_"));
                    images.add(img);
                }
                rebuild(ed, first, first.segments().get(0), images, null, fields);
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
                removeLog(ed, old);
            } else if (oldCount == 0) {
                Set<PhysicalVolume> avoid = pvsOf(lv);
                long logExtents = MirrorRegion.logExtents(regionOf(seg), extentSize, lv.extentCount());
                Allocation a = allocate(vg, 1, 0, logExtents, pvs, avoid);
                LogicalVolume logLv = createLog(ed, vg, topName(lv), a, log, Math.min(regionOf(seg), extentSize),
                        pvs, avoid);
                ed.attach(seg, LOG, logLv);
            } else if (log == MirrorLog.MIRRORED) {
                Set<PhysicalVolume> avoid = pvsOf(lv);
                mirrorTheLog(ed, vg, old, seg.fields(), pvs, avoid);
            } else {
                Segment logSeg = singleMirrorSegment(old);
                List<LogicalVolume> logLegs = legs(logSeg);
                shrink(ed, old, logSeg, logLegs.subList(0, 1));
                for (LogicalVolume img : logLegs.subList(1, logLegs.size())) {
                    ed.removeLv(img);
                }
            }
        });
    }

    // ------------------------------------------------------------------ building blocks

    /** {@code _form_mirror}: a layer for the original segments if needed, new images, the mirror segment. */
    private void formMirror(StackEditor ed, LogicalVolume lv, Allocation a, int newLegs, Shape shape,
            TypeFields fields) {
        List<Segment> segs = lv.segments();
        LogicalVolume first;
        if (segs.size() == 1 && segs.get(0).areaCount() == 1 && segs.get(0).areaOrNull(0) instanceof Area.OnLv l) {
            first = (LogicalVolume) l.lv();
        } else {
            first = layers.insert(ed, lv, LvNames.next(lv.vg(), lv.name() + "_mimage_"));
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
    private List<LogicalVolume> createImages(StackEditor ed, LogicalVolume lv, Allocation a, int count,
            Shape shape) {
        List<LogicalVolume> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            LogicalVolume img = layers.createHidden(ed, LvNames.next(lv.vg(), lv.name() + "_mimage_"), true);
            fillImage(ed, img, a, k, shape);
            out.add(img);
        }
        return out;
    }

    /** Gives image {@code k} one segment per allocated chunk, from its stripes' ranges. */
    private void fillImage(StackEditor ed, LogicalVolume img, Allocation a, int k, Shape shape) {
        for (Allocation.Chunk c : a.chunks()) {
            Segment s = ed.addSegment(img, striped, shape.fieldsOr(Fields.linear(striped)), img.extentCount(), c.length() * shape.stripes(),
                    shape.stripes(), List.of());
            for (int i = 0; i < shape.stripes(); i++) {
                PvRange r = c.areas().get(k * shape.stripes() + i);
                ed.setPvArea(s, i, r.pv(), r.start());
            }
        }
    }

    /** {@code _set_up_mirror_log}: {@code top_mlog} on the allocated log ranges, mirrored when asked. */
    private LogicalVolume createLog(StackEditor ed, VolumeGroup vg, String top, Allocation a, MirrorLog log,
            long logRegion, List<PvRange> pvs, Set<PhysicalVolume> avoid) {
        if (a.log().isEmpty()) {
            throw new LvstackException("Unable to allocate extents for mirror log.");
        }
        LogicalVolume logLv = layers.createHidden(ed, top + "_mlog", true);
        for (PvRange r : a.log()) {
            Segment s = ed.addSegment(logLv, striped, Fields.linear(striped), logLv.extentCount(), r.count(), 1,
                    List.of());
            ed.setPvArea(s, 0, r.pv(), r.start());
        }
        if (log == MirrorLog.MIRRORED) {
            Set<PhysicalVolume> taken = new LinkedHashSet<>(avoid);
            for (Allocation.Chunk c : a.chunks()) {
                c.areas().forEach(r -> taken.add(r.pv()));
            }
            mirrorTheLog(ed, vg, logLv, Fields.mirror(mirror, 2, logRegion), pvs, taken);
        }
        return logLv;
    }

    /** Turns a disk log into a 2-leg core-log mirror ({@code top_mlog_mimage_0/1}). */
    private void mirrorTheLog(StackEditor ed, VolumeGroup vg, LogicalVolume logLv, TypeFields fields,
            List<PvRange> pvs, Set<PhysicalVolume> avoid) {
        Set<PhysicalVolume> taken = new LinkedHashSet<>(avoid);
        taken.addAll(pvsOf(logLv));
        Allocation a = allocate(vg, 1, logLv.extentCount(), 0, pvs, taken);
        formMirror(ed, logLv, a, 1, Shape.LINEAR, fields);
    }

    /** Keeps {@code kept} legs of {@code seg}; one leg left makes {@code lv} plain again, without log. */
    private void shrink(StackEditor ed, LogicalVolume lv, Segment seg, List<LogicalVolume> kept) {
        LogicalVolume log = seg.referenceOrNull(LOG);
        if (kept.size() > 1 || lv.name().contains(TMP_LAYER)) {
            rebuild(ed, lv, seg, kept, log);
            return;
        }
        ed.detach(seg, LOG);
        ed.removeSegment(seg);
        LogicalVolume primary = kept.get(0);
        Layers.moveSegments(ed, primary, lv);
        ed.removeLv(primary);
        ed.setStatus(lv, LvStatus.NOTSYNCED, false);
        if (log != null) {
            removeLog(ed, log);
        }
    }

    /** Replaces {@code seg} by a mirror segment over {@code legs}, same fields, with {@code log}. */
    private void rebuild(StackEditor ed, LogicalVolume lv, Segment seg, List<LogicalVolume> legs,
            LogicalVolume log) {
        rebuild(ed, lv, seg, legs, log, seg.fields());
    }

    /** Replaces {@code seg} by a mirror segment over {@code legs} with {@code fields} and {@code log}. */
    private void rebuild(StackEditor ed, LogicalVolume lv, Segment seg, List<LogicalVolume> legs,
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
    private static void removeLog(StackEditor ed, LogicalVolume log) {
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

    private Allocation allocate(VolumeGroup vg, int parallel, long extentsPerArea, long logExtents,
            List<PvRange> pvs, Set<PhysicalVolume> avoid) {
        List<PvRange> candidates = new ArrayList<>();
        for (PvRange r : pvs.isEmpty() ? vg.pvs().stream().map(PvRange::whole).toList() : pvs) {
            if (!avoid.contains(r.pv())) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            throw new LvstackException("Insufficient suitable allocatable extents: every candidate PV already"
                    + " holds a leg of the mirror.");
        }
        Allocation a = allocator.allocate(vg, new AllocationRequest(parallel, extentsPerArea, logExtents,
                AllocPolicy.NORMAL, candidates, null));
        for (Allocation.Chunk c : a.chunks()) {
            Set<PhysicalVolume> seen = new LinkedHashSet<>();
            for (PvRange r : c.areas()) {
                if (avoid.contains(r.pv()) || !seen.add(r.pv())) {
                    throw new LvstackException("Allocator placed two mirror legs on " + r.pv().device() + ".");
                }
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ lookups

    /**
     * Shifts up to {@code count} legs wholly on {@code removable} to the end, scanning from the
     * back as {@code _remove_mirror_images} and {@code _move_removable_mimages_to_end} do, so the
     * others keep their order and the primary stays first; returns how many it found. No PVs
     * given means every leg is removable.
     */
    private static int moveRemovableToEnd(List<LogicalVolume> legs, int count, List<PhysicalVolume> removable) {
        int found = 0;
        for (int s = legs.size() - 1; s >= 0 && found < count; s--) {
            LogicalVolume leg = legs.get(s);
            if (!leg.name().contains(TMP_LAYER) && (removable.isEmpty() || whollyOn(leg, removable))) {
                legs.add(legs.remove(s));
                found++;
            }
        }
        return found;
    }

    private static void refuseConverting(LogicalVolume lv, Segment seg) {
        if (seg.areaOrNull(0) instanceof Area.OnLv l && l.lv().name().contains(TMP_LAYER)) {
            throw new LvstackException("Logical volume " + lv.fullName() + " is converting; collapse it first.");
        }
    }

    /** {@code _is_mirror_image_removable}: every area of the image is on a removable PV. */
    private static boolean whollyOn(LogicalVolume img, List<PhysicalVolume> removable) {
        for (Segment s : img.segments()) {
            for (Area a : s.areas()) {
                if (!(a instanceof Area.OnPv p) || !removable.contains((PhysicalVolume) p.pv())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<LogicalVolume> legs(Segment seg) {
        List<LogicalVolume> out = new ArrayList<>();
        for (Area a : seg.areas()) {
            if (!(a instanceof Area.OnLv l)) {
                throw new LvstackException(seg.describe() + " is not a mirror of LVs.");
            }
            out.add((LogicalVolume) l.lv());
        }
        return out;
    }

    /** Every PV holding extents of {@code lv} or of the LVs below it. */
    static Set<PhysicalVolume> pvsOf(LogicalVolume lv) {
        Set<PhysicalVolume> out = new LinkedHashSet<>();
        for (Segment s : lv.segments()) {
            for (Area a : s.areas()) {
                if (a instanceof Area.OnPv p) {
                    out.add((PhysicalVolume) p.pv());
                } else if (a instanceof Area.OnLv l) {
                    out.addAll(pvsOf((LogicalVolume) l.lv()));
                }
            }
            LogicalVolume log = s.referenceOrNull(LOG);
            if (log != null) {
                out.addAll(pvsOf(log));
            }
        }
        return out;
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

    /** The region size the segment type writes, read back through its own encoding. */
    private long regionOf(Segment seg) {
        return RegionReader.regionSize(seg);
    }

    /** {@code _set_up_mirror_log}'s top name: the LV's name up to any {@code _mimagetmp} part. */
    private static String topName(LogicalVolume lv) {
        int i = lv.name().indexOf(TMP_LAYER);
        return i < 0 ? lv.name() : lv.name().substring(0, i);
    }

    private static LogicalVolume find(VolumeGroup vg, String name) {
        LogicalVolume lv = vg.lv(name);
        if (lv == null) {
            throw new LvstackException("Failed to find logical volume \"" + vg.name() + "/" + name + "\"");
        }
        return lv;
    }

    private static SegmentType require(Engine engine, String name) {
        SegmentType t = engine.segmentTypes().byName(name);
        if (t == null) {
            throw new LvstackException("Segment type " + name + " is not available to this engine.");
        }
        return t;
    }
}
