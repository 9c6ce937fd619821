package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's mirror operations ({@code lvcreate --type mirror}, {@code lvconvert} to and of mirrors),
 * after {@code lib/metadata/mirror.c}, as steps on one {@link VgEditor}: the caller (the engine,
 * through the type's {@link io.lvstack.api.ops.LvCreator} or {@link io.lvstack.api.ops.LvConverter})
 * makes the whole operation one atomic change. Where new extents are needed the engine's
 * allocator chooses them; this class only keeps new legs off the PVs the mirror already uses.
 *
 * <p>Public for the engine's tests, which drive each step on a VG of the corpus; not part of the
 * SPI.
 */
public final class MirrorOps {
    /** {@code MIRROR_SYNC_LAYER}: the temporary layer of a mirror gaining legs. */
    static final String TMP_LAYER = "_mimagetmp";
    /**
     * LVM2 2.03 refuses a mirrored log for a new mirror ({@code lvcreate}) and for a mirror's log
     * ({@code add_mirror_log}: {@code lvconvert --mirrorlog mirrored}), though it still gives one
     * to a linear LV converted to a mirror (all three checked with LVM2 and device-mapper).
     */
    static final String MIRRORED_LOG_REFUSED = "Log type \"mirrored\" is DEPRECATED. Use RAID1 LV or disk log instead.";
    private static final ReferenceRole LOG = MirrorSegmentType.LOG;

    private final VgEditor ed;
    /** LVM2's {@code striped}: what plain LVs and legs are made of. */
    private final SegmentType plain;
    /** The mirror type as the engine registered it: the type of the mirror segments made. */
    private final SegmentType mirror;
    private final MirrorPlacement placement;

    /** Steps on {@code editor}, making segments of its {@link VgEditor#type()}, which must mirror its areas. */
    public MirrorOps(VgEditor editor) {
        this.ed = editor;
        this.plain = editor.plainType();
        this.mirror = editor.type();
        if (!mirror.has(SegmentCapability.AREAS_MIRRORED)) {
            throw new LvstackException("Segment type " + mirror.name() + " does not mirror its areas.");
        }
        this.placement = new MirrorPlacement(editor);
    }

    // ------------------------------------------------------------------ operations

    /**
     * {@code lvconvert --type mirror -m (legs-1) --mirrorlog LOG --regionsize R lv [pvs]}: a linear
     * or striped LV becomes a mirror of {@code legs} legs; the region size is adjusted to the LV
     * as LVM2 adjusts it.
     */
    public void convertToMirror(LvView lv, int legs, MirrorLog log, long regionSize, List<PvExtents> pvs) {
        if (isMirror(lv)) {
            throw new LvstackException("Logical volume " + lv.name() + " is already a mirror.");
        }
        for (SegmentView s : lv.segments()) {
            if (s.type() != plain) {
                throw new LvstackException("Unable to convert " + fullName(lv) + " of type " + s.type().name()
                        + " to mirror.");
            }
        }
        if (legs < 2) {
            throw new LvstackException("Mirror needs at least 2 legs, not " + legs + ".");
        }
        long extentSize = ed.vg().extentSize();
        long region = MirrorRegion.adjust(extentSize, lv.extentCount(), regionSize);
        Shape shape = Shape.of(lv, plain);
        Set<PvView> avoid = MirrorPlacement.pvsOf(lv);
        long logExtents = log == MirrorLog.CORE ? 0 : MirrorRegion.logExtents(region, extentSize, lv.extentCount());
        // a mirrored log's two legs are allocated with the mirror's legs (LVM2's log_count 2)
        Allocated a;
        try {
            a = placement.allocate(lv, (legs - 1) * shape.stripes(), lv.extentCount() / shape.stripes(),
                    logExtents, log == MirrorLog.MIRRORED ? 2 : 1, pvs, avoid);
        } catch (LvstackException e) {
            // LVM2's last line, after its allocator's reason: a refusal is one line
            throw new LvstackException("Unable to allocate extents for mirror(s).", e);
        }
        // LVM2 sets up the log before it forms the mirror, so _mlog precedes the images in the list
        LvView logLv = log == MirrorLog.CORE ? null
                : createLog(lv.name(), a, log, Math.min(region, extentSize), pvs, avoid);
        formMirror(lv, a, legs - 1, shape, mirrorFields(legs, region));
        if (logLv != null) {
            ed.attach(lv.segments().get(0), LOG, logLv);
        }
    }

    /**
     * {@code lvcreate --type mirror -m (legs-1) -l extents -n name}: the top LV, then
     * {@code name_mimage_0..legs-1}, then {@code name_mlog}, in that list order.
     */
    public LvView createMirror(String name, long extents, int legs, MirrorLog log, long regionSize,
            List<PvExtents> pvs) {
        if (log == MirrorLog.MIRRORED) {
            throw new LvstackException(MIRRORED_LOG_REFUSED);
        }
        if (legs < 2) {
            throw new LvstackException("Mirror needs at least 2 legs, not " + legs + ".");
        }
        long extentSize = ed.vg().extentSize();
        long region = MirrorRegion.adjust(extentSize, extents, regionSize);
        long logExtents = log == MirrorLog.CORE ? 0 : MirrorRegion.logExtents(region, extentSize, extents);
        Allocated a = placement.allocate(null, legs, extents, logExtents, pvs, Set.of());
        LvView top = ed.createLv(name, true);
        List<LvView> images = new ArrayList<>();
        for (int k = 0; k < legs; k++) {
            LvView img = ed.createLv(name + "_mimage_" + k, false);
            fillImage(img, a, k, Shape.LINEAR);
            images.add(img);
        }
        SegmentView seg = ed.addSegment(top, mirror, mirrorFields(legs, region), 0, extents, legs);
        for (int k = 0; k < legs; k++) {
            ed.setLvArea(seg, k, images.get(k), 0);
        }
        if (log != MirrorLog.CORE) {
            LvView logLv = createLog(name, a, log, Math.min(region, extentSize), pvs, MirrorPlacement.pvsOf(top));
            ed.attach(seg, LOG, logLv);
        }
        return top;
    }

    /**
     * {@code lvconvert -m +count}: with a disk or mirrored log the mirror moves into a
     * {@code lv_mimagetmp_N} layer and the LV becomes a CONVERTING core-log mirror over that layer
     * and the new legs (finish with {@link #collapse}); with a core log the legs are added directly.
     */
    public void addLegs(LvView lv, int count, List<PvExtents> pvs) {
        SegmentView seg = singleMirrorSegment(lv);
        if (count < 1) {
            throw new LvstackException("No conversion is requested");
        }
        Set<PvView> avoid = MirrorPlacement.pvsOf(lv);
        Allocated a = placement.allocate(lv, count, lv.extentCount(), 0, pvs, avoid);
        if (seg.reference(LOG).isPresent()) {
            int n = ed.nextIndex(lv.name() + "_mimage_");
            TypeFields inner = seg.fields();
            ed.insertLayer(lv, TMP_LAYER + "_" + n);
            formMirror(lv, a, count, Shape.LINEAR, inner);
        } else {
            List<LvView> legs = legs(seg);
            legs.addAll(createImages(lv, a, count, Shape.LINEAR));
            rebuild(lv, seg, legs, null, seg.fields());
        }
    }

    /**
     * The end of {@link #addLegs} once the new legs are in sync ({@code collapse_mirrored_lv}):
     * the temporary layer's mirror moves back up, with its log, and gains the new legs.
     */
    public void collapse(LvView lv) {
        SegmentView top = singleMirrorSegment(lv);
        LvView tmp = top.area(0).orElse(null) instanceof Area.OnLv l ? l.lv() : null;
        if (tmp == null || !tmp.name().contains(TMP_LAYER)) {
            throw new LvstackException("Logical volume " + lv.name() + " is not converting.");
        }
        List<LvView> added = legs(top);
        added.remove(0);
        ed.removeSegment(top);
        SegmentView link = ed.addSegment(lv, plain, linearFields(), 0, tmp.extentCount(), 1);
        ed.setLvArea(link, 0, tmp, 0);
        ed.removeLayer(lv, tmp);
        ed.removeLv(tmp);
        SegmentView inner = singleMirrorSegment(lv);
        List<LvView> legs = legs(inner);
        legs.addAll(added);
        rebuild(lv, inner, legs, inner.reference(LOG).orElse(null), inner.fields());
    }

    /**
     * {@code lvconvert -m -count lv [pvs]}: removes {@code count} legs, those wholly on
     * {@code removable} when given (shifted to the end as {@code _shift_mirror_images} does, so
     * the primary stays first). One leg left: the LV is linear (or striped) again.
     */
    public void removeLegs(LvView lv, int count, List<PvView> removable) {
        SegmentView seg = singleMirrorSegment(lv);
        if (count < 1) {
            throw new LvstackException("No conversion is requested");
        }
        if (seg.areaCount() <= count) {
            throw new LvstackException("Removing more than existing: " + seg.areaCount() + " <= " + count);
        }
        refuseConverting(lv, seg);
        List<LvView> legs = legs(seg);
        // legs on the removable PVs go last; LVM2 takes any balance from the end of the rest
        LegSelection.moveRemovableToEnd(legs, count, removable);
        int keep = legs.size() - count;
        List<LvView> gone = new ArrayList<>(legs.subList(keep, legs.size()));
        List<LvView> kept = new ArrayList<>(legs.subList(0, keep));
        shrink(lv, seg, kept);
        for (LvView img : gone) {
            ed.removeLv(img);
        }
    }

    /** {@code lvconvert -m0}: only the primary leg stays, as a plain LV. */
    public void toLinear(LvView lv) {
        removeLegs(lv, singleMirrorSegment(lv).areaCount() - 1, List.of());
    }

    /**
     * {@code lvconvert --splitmirrors count --name newName lv [pvs]} ({@code _split_mirror_images}):
     * the last {@code count} legs (those wholly on {@code removable} when given, shifted to the end)
     * leave the mirror. The last becomes the visible LV {@code newName}; with more than one it
     * becomes a core-log mirror over a {@code newName_mimage_0} layer and the other split legs,
     * renamed {@code newName_mimage_N}. One leg left: {@code lv} is plain again.
     */
    public LvView splitLegs(LvView lv, int count, String newName, List<PvView> removable) {
        if (!isMirror(lv)) {
            throw new LvstackException("Unable to split non-mirrored LV " + fullName(lv) + ".");
        }
        SegmentView seg = singleMirrorSegment(lv);
        refuseConverting(lv, seg);
        if (ed.vg().lv(newName).isPresent()) {
            throw new LvstackException("Logical Volume \"" + newName + "\" already exists in volume group \""
                    + ed.vg().name() + "\"");
        }
        if (count < 1 || count >= seg.areaCount()) {
            throw new LvstackException("Unable to split " + count + " images from " + fullName(lv) + " of "
                    + seg.areaCount() + " images.");
        }
        List<LvView> legs = legs(seg);
        if (!removable.isEmpty() && LegSelection.moveRemovableToEnd(legs, count, removable) < count) {
            throw new LvstackException("Insufficient removable PVs given to satisfy request.");
        }
        TypeFields fields = seg.fields();
        List<LvView> split = new ArrayList<>(legs.subList(legs.size() - count, legs.size()));
        shrink(lv, seg, new ArrayList<>(legs.subList(0, legs.size() - count)));
        // detached from the end: the last leg is the new LV, the others follow it in that order
        Collections.reverse(split);
        LvView first = split.get(0);
        ed.renameLv(first, newName);
        ed.setStatus(first, LvStatus.VISIBLE, true);
        if (count > 1) {
            LvView layer = ed.insertLayer(first, "_mimage_%d");
            List<LvView> images = new ArrayList<>();
            images.add(layer);
            for (LvView img : split.subList(1, split.size())) {
                ed.renameLv(img, ed.nextName(newName + "_mimage_"));
                images.add(img);
            }
            rebuild(first, first.segments().get(0), images, null, fields);
        }
        return first;
    }

    /** {@code lvconvert --mirrorlog core|disk|mirrored lv [pvs]}. */

    /**
     * An LV whose one segment's areas are full copies of it (raid1) becomes a mirror with a disk
     * log, as LVM2's {@code _convert_raid1_to_mirror}: the other LVs the segment references (the
     * metadata LVs) go, the images become {@code _mimage_N} legs, the region size stays, and the new
     * log is made with the normal allocation policy.
     */
    public void fromFullCopies(LvView lv, List<PvExtents> pvs) {
        SegmentView seg = lv.segments().get(0);
        long region = ed.regionSize(seg);
        List<LvView> legs = new ArrayList<>();
        for (int i = 0; i < seg.areaCount(); i++) {
            legs.add(((Area.OnLv) seg.area(i).orElseThrow()).lv());
        }
        List<LvView> dropped = new ArrayList<>();
        for (ReferenceRole role : seg.type().referenceRoles()) {
            if (role.isList()) {
                dropped.addAll(seg.references(role));
            } else {
                seg.reference(role).ifPresent(dropped::add);
            }
        }
        long len = seg.len();
        ed.removeSegment(seg);
        for (LvView d : dropped) {
            if (d.userCount() == 0) {
                ed.removeLv(d);
            }
        }
        for (int i = 0; i < legs.size(); i++) {
            ed.renameLv(legs.get(i), lv.name() + "_mimage_" + i);
        }
        SegmentView next = ed.addSegment(lv, mirror, mirrorFields(legs.size(), region), 0, len, legs.size());
        for (int i = 0; i < legs.size(); i++) {
            ed.setLvArea(next, i, legs.get(i), 0);
        }
        changeLog(lv, MirrorLog.DISK, pvs);
        next = lv.segments().get(0);
        next.reference(LOG).ifPresent(l -> ed.setAllocationPolicy(l, "normal"));
    }

    public void changeLog(LvView lv, MirrorLog log, List<PvExtents> pvs) {
        if (lv.segments().size() != 1) {
            throw new LvstackException("Multiple-segment mirror is not supported");
        }
        SegmentView seg = singleMirrorSegment(lv);
        LvView old = seg.reference(LOG).orElse(null);
        int oldCount = old == null ? 0 : isMirror(old) ? singleMirrorSegment(old).areaCount() : 1;
        if (oldCount == log.count()) {
            return;
        }
        long extentSize = ed.vg().extentSize();
        if (log == MirrorLog.CORE) {
            ed.detach(seg, LOG);
            removeLog(old);
        } else if (oldCount == 0) {
            Set<PvView> avoid = MirrorPlacement.pvsOf(lv);
            long logExtents = MirrorRegion.logExtents(ed.regionSize(seg), extentSize, lv.extentCount());
            Allocated a = placement.allocate(lv, 1, 0, logExtents, pvs, avoid);
            LvView logLv = createLog(topName(lv), a, log, Math.min(ed.regionSize(seg), extentSize), pvs, avoid);
            ed.attach(seg, LOG, logLv);
        } else if (log == MirrorLog.MIRRORED) {
            throw new LvstackException(MIRRORED_LOG_REFUSED);
        } else {
            SegmentView logSeg = singleMirrorSegment(old);
            List<LvView> logLegs = legs(logSeg);
            shrink(old, logSeg, new ArrayList<>(logLegs.subList(0, 1)));
            for (LvView img : logLegs.subList(1, logLegs.size())) {
                ed.removeLv(img);
            }
        }
    }

    // ------------------------------------------------------------------ what the operations ask

    /** The region size of a new mirror without {@code -R}: the type's default ({@code segtype.mirror.region_size}). */
    long defaultRegionSize() {
        return ed.newSegment(mirror, 2, SegmentOptions.DEFAULTS).regionSize();
    }

    /** Whether a segment of {@code lv} is a mirror segment. */
    public boolean isMirror(LvView lv) {
        return lv.segments().stream().anyMatch(s -> s.type() == mirror);
    }

    /** The legs of {@code lv}: its first segment's area count when that mirrors its areas, else 1. */
    static int legCount(LvView lv) {
        return mirrored(lv) ? lv.segments().get(0).areaCount() : 1;
    }

    /** core, disk (a linear log) or mirrored (a log that is itself a mirror). */
    static MirrorLog currentLog(LvView lv) {
        Optional<LvView> log = lv.segments().get(0).reference(LOG);
        return log.isEmpty() ? MirrorLog.CORE : mirrored(log.get()) ? MirrorLog.MIRRORED : MirrorLog.DISK;
    }

    private static boolean mirrored(LvView lv) {
        return !lv.segments().isEmpty() && lv.segments().get(0).type().has(SegmentCapability.AREAS_MIRRORED);
    }

    // ------------------------------------------------------------------ LVM2's building blocks

    /** A new mirror segment's fields: {@code legs} legs of {@code region} sectors per region. */
    private TypeFields mirrorFields(int legs, long region) {
        return ed.newSegment(mirror, legs, SegmentOptions.regionSize(region)).fields();
    }

    /** A new linear segment's fields. */
    private TypeFields linearFields() {
        return ed.newSegment(plain, 1, SegmentOptions.DEFAULTS).fields();
    }

    /** {@code _form_mirror}: a layer for the original segments if needed, new images, the mirror segment. */
    private void formMirror(LvView lv, Allocated a, int newLegs, Shape shape, TypeFields fields) {
        List<? extends SegmentView> segs = lv.segments();
        LvView first;
        if (segs.size() == 1 && segs.get(0).areaCount() == 1 && segs.get(0).area(0).orElse(null) instanceof Area.OnLv l) {
            first = l.lv();
        } else {
            first = ed.insertLayer(lv, "_mimage_%d");
        }
        List<LvView> legs = new ArrayList<>();
        legs.add(first);
        legs.addAll(createImages(lv, a, newLegs, shape));
        SegmentView link = lv.segments().get(0);
        ed.removeSegment(link);
        SegmentView seg = ed.addSegment(lv, mirror, fields, 0, first.extentCount(), legs.size());
        for (int k = 0; k < legs.size(); k++) {
            ed.setLvArea(seg, k, legs.get(k), 0);
        }
    }

    /** {@code _create_mimage_lvs}: {@code lv_mimage_N..} with the next free indices. */
    private List<LvView> createImages(LvView lv, Allocated a, int count, Shape shape) {
        List<LvView> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            LvView img = ed.createLv(ed.nextName(lv.name() + "_mimage_"), false);
            fillImage(img, a, k, shape);
            out.add(img);
        }
        return out;
    }

    /** Gives image {@code k} one segment per allocated chunk, from its stripes' ranges. */
    private void fillImage(LvView img, Allocated a, int k, Shape shape) {
        int n = shape.stripes();
        for (Allocated.Chunk c : a.chunks()) {
            ed.appendOnPvs(img, plain, shape.fieldsOr(linearFields()), c.length(),
                    c.areas().subList(k * n, (k + 1) * n));
        }
    }

    /** {@code _set_up_mirror_log}: {@code top_mlog} on the allocated log ranges, mirrored when asked. */
    private LvView createLog(String top, Allocated a, MirrorLog log, long logRegion, List<PvExtents> pvs,
            Set<PvView> avoid) {
        if (a.log().isEmpty()) {
            throw new LvstackException("Unable to allocate extents for mirror log.");
        }
        LvView logLv = ed.createLv(top + "_mlog", false);
        List<PvExtents> pieces = log == MirrorLog.MIRRORED ? a.log().subList(0, 1) : a.log();
        for (PvExtents r : pieces) {
            ed.appendOnPvs(logLv, plain, linearFields(), r.count(), List.of(r));
        }
        if (log == MirrorLog.MIRRORED) {
            if (a.log().size() != 2) {
                throw new LvstackException("Unable to allocate extents for mirror log.");
            }
            PvExtents second = a.log().get(1);
            formMirror(logLv, new Allocated(List.of(new Allocated.Chunk(second.count(), List.of(second))), List.of()),
                    1, Shape.LINEAR, mirrorFields(2, logRegion));
        }
        return logLv;
    }

    /** Keeps {@code kept} legs of {@code seg}; one leg left makes {@code lv} plain again, without log. */
    private void shrink(LvView lv, SegmentView seg, List<LvView> kept) {
        LvView log = seg.reference(LOG).orElse(null);
        if (kept.size() > 1 || lv.name().contains(TMP_LAYER)) {
            rebuild(lv, seg, kept, log, seg.fields());
            return;
        }
        ed.detach(seg, LOG);
        ed.removeSegment(seg);
        LvView primary = kept.get(0);
        ed.moveSegments(lv, primary);
        ed.removeLv(primary);
        ed.setStatus(lv, LvStatus.NOTSYNCED, false);
        if (log != null) {
            removeLog(log);
        }
    }

    /** Replaces {@code seg} by a mirror segment over {@code legs} with {@code fields} and {@code log}. */
    private void rebuild(LvView lv, SegmentView seg, List<LvView> legs, LvView log, TypeFields fields) {
        long len = seg.len();
        ed.removeSegment(seg);
        SegmentView next = ed.addSegment(lv, mirror, fields, 0, len, legs.size());
        for (int k = 0; k < legs.size(); k++) {
            ed.setLvArea(next, k, legs.get(k), 0);
        }
        if (log != null) {
            ed.attach(next, LOG, log);
        }
    }

    /** Deletes a detached log and, for a mirrored log, its images. */
    private void removeLog(LvView log) {
        List<LvView> images = new ArrayList<>();
        for (SegmentView s : log.segments()) {
            for (int i = 0; i < s.areaCount(); i++) {
                if (s.area(i).orElse(null) instanceof Area.OnLv l) {
                    images.add(l.lv());
                }
            }
        }
        ed.removeLv(log);
        images.forEach(ed::removeLv);
    }

    // ------------------------------------------------------------------ lookups

    private void refuseConverting(LvView lv, SegmentView seg) {
        if (seg.area(0).orElse(null) instanceof Area.OnLv l && l.lv().name().contains(TMP_LAYER)) {
            throw new LvstackException("Logical volume " + fullName(lv) + " is converting; collapse it first.");
        }
    }

    private SegmentView singleMirrorSegment(LvView lv) {
        List<? extends SegmentView> segs = lv.segments();
        if (segs.size() != 1 || segs.get(0).type() != mirror) {
            throw new LvstackException("Logical volume " + fullName(lv) + " is not a single-segment mirror.");
        }
        return segs.get(0);
    }

    private List<LvView> legs(SegmentView seg) {
        return LegSelection.legs(seg, ed.vg().name());
    }

    /** {@code _set_up_mirror_log}'s top name: the LV's name up to any {@code _mimagetmp} part. */
    private static String topName(LvView lv) {
        int i = lv.name().indexOf(TMP_LAYER);
        return i < 0 ? lv.name() : lv.name().substring(0, i);
    }

    /** {@code vg/lv}. */
    String fullName(LvView lv) {
        return ed.vg().name() + "/" + lv.name();
    }
}
