package io.lvstack.engine.ops.layer;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.TypeFields;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.List;
import java.util.Map;

/**
 * Appending, moving, splitting and merging whole segments of LVs, built from {@link StackEditor}
 * primitives (LVM2 {@code _move_lv_segments}, {@code lv_split_segment}, {@code lv_merge_segments});
 * the one home of these helpers for every operation package.
 */
public final class LvSegments {
    private LvSegments() {
    }

    /**
     * Moves every segment of {@code from} into the empty LV {@code to}, keeping LEs, areas, roles
     * and tags (LVM2 {@code _move_lv_segments}); {@code from} is left without segments. Of the
     * type bits LVM2 moves with the segments (CACHE, CACHE_POOL, INTEGRITY, CACHE_VOL, VDO,
     * VDO_POOL, MIRROR, RAID, THIN_POOL, THIN_VOLUME, WRITECACHE) lvstack stores only CACHE_VOL,
     * which is moved here; what the segment types derive from their segments (a mirror, a cache
     * pool) follows the segments by itself. Segment status words ({@code set}/{@code reset}) are not
     * modelled by lvstack.
     */
    public static void moveAll(StackEditor ed, LogicalVolume to, LogicalVolume from) {
        if (to == from) {
            throw new LvstackException("Cannot move the segments of " + from.name() + " onto itself");
        }
        if (!to.segments().isEmpty()) {
            throw new LvstackException("Cannot move segments of " + from.name() + " into " + to.name()
                    + ": it has segments");
        }
        if (from.has(LvStatus.CACHE_VOL)) {
            ed.setStatus(to, LvStatus.CACHE_VOL, true);
            ed.setStatus(from, LvStatus.CACHE_VOL, false);
        }
        List<Segment> segs = List.copyOf(from.segments());
        // Last first: removing a segment closes its LE gap, which must not shift segments still to move.
        for (int i = segs.size() - 1; i >= 0; i--) {
            moveSegment(ed, segs.get(i), to, segs.get(i).le());
        }
    }

    /**
     * Moves {@code seg} to LV {@code to} at {@code le}: a copy with the same type, fields, tags,
     * areas and roles replaces it, so upward links move with the areas. Returns the new segment.
     * Callers move trailing segments first: the old LV's later segments shift down.
     */
    public static Segment moveSegment(StackEditor ed, Segment seg, LogicalVolume to, long le) {
        Segment copy = ed.addSegment(to, seg.type(), seg.fields(), le, seg.len(), seg.areaCount(), seg.tags());
        for (int i = 0; i < seg.areaCount(); i++) {
            ed.moveArea(copy, i, seg, i);
        }
        for (Map.Entry<ReferenceRole, LogicalVolume> r : Map.copyOf(seg.references()).entrySet()) {
            ed.detach(seg, r.getKey());
            ed.attach(copy, r.getKey(), r.getValue());
        }
        for (Map.Entry<ReferenceRole, LogicalVolume> r : Map.copyOf(seg.namedReferences()).entrySet()) {
            ed.detach(seg, r.getKey());
            ed.attach(copy, r.getKey(), r.getValue());
        }
        ed.removeSegment(seg);
        return copy;
    }

    /**
     * Appends after the last extent of {@code lv} one segment of {@code type} striped over
     * {@code areas}, {@code areaLen} extents of each, in area order. Returns it.
     */
    public static Segment appendOnPvs(StackEditor ed, LogicalVolume lv, SegmentType type, TypeFields fields,
            long areaLen, List<PvRange> areas) {
        Segment seg = ed.addSegment(lv, type, fields, lv.extentCount(), areaLen * areas.size(), areas.size(),
                List.of());
        for (int i = 0; i < areas.size(); i++) {
            ed.setPvArea(seg, i, areas.get(i).pv(), areas.get(i).start());
        }
        return seg;
    }

    /** Splits the segment of {@code lv} that holds {@code le} so a segment starts there (LVM2 {@code lv_split_segment}). */
    public static void splitAt(StackEditor ed, LogicalVolume lv, long le) {
        Segment seg = lv.segmentAt(le);
        if (seg == null) {
            throw new LvstackException("Segment with extent " + le + " in LV " + lv.name() + " not found");
        }
        if (seg.le() != le) {
            ed.splitSegment(seg, le - seg.le());
        }
    }

    /** How many LEs of the segment one extent of each area stands for: the stripe count for striped types. */
    public static long areaMultiple(Segment seg) {
        return seg.type().has(SegmentCapability.AREAS_STRIPED) ? seg.areaCount() : 1;
    }

    /**
     * Merges every run of adjacent compatible segments of {@code lv} (LVM2 {@code lv_merge_segments}):
     * same type and area count, the type agrees, and each area continues on the same PV.
     */
    public static void mergeAll(StackEditor ed, LogicalVolume lv) {
        int i = 0;
        while (i + 1 < lv.segments().size()) {
            Segment first = lv.segments().get(i);
            Segment second = lv.segments().get(i + 1);
            if (mergeable(first, second)) {
                ed.mergeSegments(first, second);
            } else {
                i++;
            }
        }
    }

    private static boolean mergeable(Segment first, Segment second) {
        if (first.type() != second.type() || first.areaCount() != second.areaCount()
                || !first.handler().canMerge(first, second)) {
            return false;
        }
        for (int i = 0; i < first.areaCount(); i++) {
            if (!(first.areaOrNull(i) instanceof Area.OnPv a) || !(second.areaOrNull(i) instanceof Area.OnPv b)
                    || a.pv() != b.pv() || a.pe() + first.areaLen() != b.pe()) {
                return false;
            }
        }
        return true;
    }
}
