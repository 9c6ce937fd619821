package io.lvstack.engine.ops.pvmove;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.Stack;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvNames;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.engine.segtype.NewSegments;
import io.lvstack.engine.ops.WriteGuard;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.engine.ops.layer.Layers;
import io.lvstack.engine.ops.layer.LvSegments;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The metadata side of {@code pvmove} (LVM2 {@code tools/pvmove.c} {@code _set_up_pvmove_lv},
 * {@code insert_layer_for_segments_on_pv}, {@code lv_add_mirrors} by segment, and
 * {@code mirror.c} completion). Each call is one atomic {@code vg.apply}.
 */
public final class Pvmove {
    /** The type of the layer's segments: the one that makes moving 2-way mirrored segments. */
    private final SegmentType mirror;
    private final ExtentAllocator allocator;

    /**
     * @param allocator chooses the destination extents (LVM2's allocator, or a test's)
     * @throws LvstackException when no loaded type makes pvmove's segments
     */
    public Pvmove(Engine engine, ExtentAllocator allocator) {
        this.mirror = engine.segmentTypes().making(2, SegmentOptions.moving(null), SegmentCapability.AREAS_MIRRORED);
        if (mirror == null) {
            throw new LvstackException("pvmove needs a segment type that mirrors extents while they move (LVM2's "
                    + "mirror), and no loaded segment-type plugin provides one.");
        }
        this.allocator = allocator;
    }

    /** The region size of the layer's segments when the command gives none: the type's default. */
    public long defaultRegionSize() {
        return NewSegments.of(mirror, 2, SegmentOptions.moving(null)).regionSize();
    }

    /** One user area on the source PV that the layer will take over. */
    private record Piece(Segment seg, int area) {
    }

    /**
     * Sets up {@code pvmoveN} for every LV with extents in {@code spec.source()}: the LV gets
     * LOCKED and each such area maps a 2-way {@code mirror} segment of the layer (source,
     * destination) with {@code extents_moved = 0} and no log. As in LVM2, only bottom-level LVs
     * move (a mirror's images and log, never the mirror LV itself), locked LVs are skipped, and an
     * LV on the source that is converting refuses the move. Returns the new layer LV.
     */
    public LogicalVolume setUp(VolumeGroup vg, PvmoveSpec spec) {
        return vg.change(ed -> {
            Layers.requireUnusedId(vg, spec.layerId());
            LogicalVolume layer = ed.createLv(LvNames.next(vg, "pvmove"), spec.layerId(),
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.PVMOVE, LvStatus.LOCKED), List.of(),
                    contiguous(spec.layerProperties()));
            refuseConverting(vg, spec);
            List<Piece> pieces = new ArrayList<>();
            java.util.Set<PhysicalVolume> trimmed = new java.util.HashSet<>();
            boolean found = spec.lvName() == null;
            boolean skipped = false;
            for (LogicalVolume lv : List.copyOf(vg.lvs())) {
                if (lv == layer) {
                    continue;
                }
                if (spec.lvName() != null) {
                    if (!lv.name().equals(spec.lvName()) && !subLvOf(lv, spec.lvName())) {
                        continue;
                    }
                    found = true;
                }
                if (!isOnPv(lv, spec.sourcePv())) {
                    continue;
                }
                // LVM2 keeps a mirror's or raid LV's legs apart: none moves onto a PV the LV uses
                if (parallelSubLvs(lv) && spec.policy() != AllocPolicy.ANYWHERE) {
                    trimmed.addAll(pvsOf(lv));
                }
                // Only bottom-level LVs are moved: a mirror's images and log move, not the mirror.
                if (!lv.segments().isEmpty() && lv.segments().get(0).type().has(SegmentCapability.AREAS_MIRRORED)) {
                    continue;
                }
                if (lv.has(LvStatus.LOCKED)) {
                    skipped = true; // LVM2: "Skipping locked LV vg/lv."
                    continue;
                }
                alignToRanges(ed, lv, spec.source());
                pieces.addAll(piecesOn(lv, spec.source()));
            }
            if (!found) {
                throw new LvstackException("Logical volume " + spec.lvName() + " not found.");
            }
            for (LogicalVolume moved : pieces.stream().map(p -> p.seg().lv()).distinct().toList()) {
                WriteGuard.check(moved, "move extents of");
            }
            long total = pieces.stream().mapToLong(p -> p.seg().areaLen()).sum();
            if (total == 0) {
                throw new LvstackException(skipped
                        ? "All data on source PV skipped. It contains locked, hidden or non-top level LVs only."
                        : "No data to move for " + vg.name() + ".");
            }
            List<PvRange> candidates = candidates(vg, spec);
            candidates.removeIf(r -> trimmed.contains(r.pv()));
            Allocation alloc;
            try {
                if (candidates.isEmpty()) {
                    throw new LvstackException("Insufficient free space: " + total + " extents needed, but only 0"
                            + " available");
                }
                alloc = allocator.allocate(vg, new AllocationRequest(1, total, 0, spec.policy(), candidates, null));
            } catch (LvstackException e) {
                // LVM2's last line (after the allocator's reason): a refusal is one line
                throw new LvstackException("Failed to convert pvmove LV to mirrored.", e);
            }
            mapPieces(ed, layer, pieces, destinations(alloc, total), spec.regionSize());
            return layer;
        });
    }

    /**
     * The pvmove LV moving extents off {@code pv}, if any (LVM2 {@code find_pvmove_lv}): a PVMOVE
     * LV with a segment whose first area, the source, is on {@code pv}. {@code pvmove PV} finds
     * it to resume or abort a move; a new set-up on such a PV finds nothing left to move.
     */
    public static Optional<LogicalVolume> inProgress(VolumeGroup vg, PhysicalVolume pv) {
        for (LogicalVolume lv : vg.lvs()) {
            if (!lv.has(LvStatus.PVMOVE)) {
                continue;
            }
            for (Segment seg : lv.segments()) {
                if (seg.areaCount() > 0 && seg.areaOrNull(0) instanceof Area.OnPv on && on.pv() == pv) {
                    return Optional.of(lv);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Finishes a move (LVM2 {@code _remove_mirrors_from_segments} then {@code _remove_pvmove_layer}):
     * every user area on the layer takes over the destination extents, users lose LOCKED and are
     * re-merged, and the layer is removed with the source extents it held. Returns the changed LVs.
     */
    public List<LogicalVolume> complete(VolumeGroup vg, LogicalVolume layer) {
        return finish(vg, layer, 1);
    }

    /**
     * Aborts a move ({@code pvmove --abort}): every user area on the layer goes back to its
     * source extents, users lose LOCKED and are re-merged, and the layer is removed, which frees
     * the destination extents. Returns the changed LVs.
     */
    public List<LogicalVolume> abort(VolumeGroup vg, LogicalVolume layer) {
        return finish(vg, layer, 0);
    }

    private List<LogicalVolume> finish(VolumeGroup vg, LogicalVolume layer, int keptArea) {
        return vg.change(ed -> {
            if (layer.vg() != vg || vg.lv(layer.name()) != layer || !layer.has(LvStatus.PVMOVE)) {
                throw new LvstackException("Logical volume " + layer.name() + " is not a pvmove LV");
            }
            WriteGuard.check(layer, keptArea == 1 ? "complete the move" : "abort the move");
            List<LogicalVolume> changed = new ArrayList<>();
            for (LogicalVolume lv : List.copyOf(vg.lvs())) {
                if (lv != layer && Layers.redirectAreas(ed, lv, layer, lseg -> areaOf(layer, lseg, keptArea))) {
                    changed.add(lv);
                }
            }
            ed.removeLv(layer);
            return changed;
        });
    }

    private int areaOf(LogicalVolume layer, Segment lseg, int keptArea) {
        if (lseg.type() != mirror || lseg.areaCount() != 2) {
            throw new LvstackException("Layer is not a 2-way pvmove mirror: " + layer.name() + ":" + lseg.le());
        }
        return keptArea;
    }

    /** LVM2 refuses to start while an LV on the source PV is converting (a {@code _mimagetmp_} layer). */
    private static void refuseConverting(VolumeGroup vg, PvmoveSpec spec) {
        for (LogicalVolume lv : vg.lvs()) {
            if (lv.has(io.lvstack.api.model.LvMark.CONVERTING) && isOnPv(lv, spec.sourcePv())) {
                throw new LvstackException("Unable to pvmove when converting volume " + lv.fullName()
                        + " is present.");
            }
        }
    }

    /** LVM2 {@code lv_is_on_pvs}: the LV or an LV below it has extents on {@code pv}. */
    private static boolean isOnPv(LogicalVolume lv, PhysicalVolume pv) {
        List<LogicalVolume> all = new ArrayList<>(Stack.subLvs(lv));
        all.add(lv);
        for (LogicalVolume each : all) {
            for (Segment seg : each.segments()) {
                for (int s = 0; s < seg.areaCount(); s++) {
                    if (seg.areaOrNull(s) instanceof Area.OnPv on && on.pv() == pv) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code lv} maps sub-LVs side by side (a mirror's legs, a raid LV's images: LVM2's
     * {@code seg_is_raid || seg_is_mirrored} in {@code _set_up_pvmove_lv}).
     */
    private static boolean parallelSubLvs(LogicalVolume lv) {
        for (Segment seg : lv.segments()) {
            int lvs = 0;
            for (int s = 0; s < seg.areaCount(); s++) {
                if (seg.areaOrNull(s) instanceof Area.OnLv) {
                    lvs++;
                }
            }
            if (lvs > 1) {
                return true;
            }
        }
        return false;
    }

    /** Every PV {@code lv} or an LV below it maps. */
    private static java.util.Set<PhysicalVolume> pvsOf(LogicalVolume lv) {
        java.util.Set<PhysicalVolume> out = new java.util.HashSet<>();
        List<LogicalVolume> all = new ArrayList<>(Stack.subLvs(lv));
        all.add(lv);
        for (LogicalVolume each : all) {
            for (Segment seg : each.segments()) {
                for (int s = 0; s < seg.areaCount(); s++) {
                    if (seg.areaOrNull(s) instanceof Area.OnPv on) {
                        out.add((PhysicalVolume) on.pv());
                    }
                }
            }
        }
        return out;
    }

    /** LVM2 {@code _sub_lv_of}: {@code name} is an LV above {@code lv}. */
    private static boolean subLvOf(LogicalVolume lv, String name) {
        return Stack.ancestors(lv).stream().anyMatch(up -> up.name().equals(name));
    }

    /** LVM2 {@code _align_segment_boundary_to_pe_range}: segments start and end at the range edges. */
    private static void alignToRanges(StackEditor ed, LogicalVolume lv, List<PvRange> ranges) {
        for (int i = 0; i < lv.segments().size(); i++) {
            Segment seg = lv.segments().get(i);
            for (int s = 0; s < seg.areaCount(); s++) {
                if (!(seg.areaOrNull(s) instanceof Area.OnPv on) || on.pv() != ranges.get(0).pv()) {
                    continue;
                }
                for (PvRange r : ranges) {
                    long peStart = on.pe();
                    long peEnd = peStart + seg.areaLen() - 1;
                    long rEnd = r.end() - 1;
                    if (peEnd < r.start() || peStart > rEnd) {
                        continue;
                    }
                    long multiple = LvSegments.areaMultiple(seg);
                    if (r.start() > peStart) {
                        LvSegments.splitAt(ed, lv, seg.le() + (r.start() - peStart) * multiple);
                    }
                    if (rEnd < peEnd) {
                        LvSegments.splitAt(ed, lv, seg.le() + (rEnd - peStart + 1) * multiple);
                    }
                }
            }
        }
    }

    /** The areas of {@code lv} whose first extent lies in one of the ranges (LVM2 {@code _match_seg_area_to_pe_range}). */
    private static List<Piece> piecesOn(LogicalVolume lv, List<PvRange> ranges) {
        List<Piece> found = new ArrayList<>();
        for (Segment seg : lv.segments()) {
            for (int s = 0; s < seg.areaCount(); s++) {
                if (seg.areaOrNull(s) instanceof Area.OnPv on && on.pv() == ranges.get(0).pv()
                        && ranges.stream().anyMatch(r -> on.pe() >= r.start() && on.pe() < r.end())) {
                    found.add(new Piece(seg, s));
                }
            }
        }
        return found;
    }

    private static List<PvRange> candidates(VolumeGroup vg, PvmoveSpec spec) {
        List<PvRange> out = new ArrayList<>();
        if (!spec.destinations().isEmpty()) {
            return new ArrayList<>(spec.destinationRanges());
        }
        for (PhysicalVolume pv : vg.pvs()) {
            if (pv != spec.sourcePv() && pv.properties().allocatable()) {
                out.add(PvRange.whole(pv));
            }
        }
        if (out.isEmpty()) {
            throw new LvstackException("No extents available for allocation");
        }
        return out;
    }

    /** The allocation's ranges in order, checked to be one area wide and exactly {@code total} long. */
    private static List<PvRange> destinations(Allocation alloc, long total) {
        List<PvRange> out = new ArrayList<>();
        long sum = 0;
        for (Allocation.Chunk c : alloc.chunks()) {
            if (c.areas().size() != 1 || c.areas().get(0).count() != c.length()) {
                throw new LvstackException("allocator returned " + c.areas().size() + " areas of a chunk of "
                        + c.length() + " extents for a 1-area request");
            }
            out.add(c.areas().get(0));
            sum += c.length();
        }
        if (sum != total) {
            throw new LvstackException("allocator returned " + sum + " extents, " + total + " were asked for");
        }
        return out;
    }

    /**
     * Appends one layer mirror segment per piece (splitting a user segment where a destination
     * range ends inside it, as {@code split_parent_segments_for_layer} would), moves the source
     * extents into area 0, the destination into area 1, and points the user area at the layer.
     */
    private void mapPieces(StackEditor ed, LogicalVolume layer, List<Piece> pieces, List<PvRange> dest,
            long regionSize) {
        ArrayDeque<Piece> work = new ArrayDeque<>(pieces);
        int d = 0;
        long used = 0;
        while (!work.isEmpty()) {
            Piece piece = work.pop();
            Segment seg = piece.seg();
            PvRange range = dest.get(d);
            long room = range.count() - used;
            if (seg.areaLen() > room) {
                work.push(new Piece(ed.splitSegment(seg, room * LvSegments.areaMultiple(seg)), piece.area()));
            }
            Segment lseg = ed.addSegment(layer, mirror, NewSegments.of(mirror, 2, SegmentOptions.moving(regionSize))
                    .fields(), layer.extentCount(), seg.areaLen(), 2, List.of());
            ed.moveArea(lseg, 0, seg, piece.area());
            ed.setPvArea(lseg, 1, range.pv(), range.start() + used);
            ed.setLvArea(seg, piece.area(), layer, lseg.le());
            ed.setStatus(seg.lv(), LvStatus.LOCKED, true);
            used += seg.areaLen();
            if (used == range.count()) {
                d++;
                used = 0;
            }
        }
    }

    private static LvProperties contiguous(LvProperties p) {
        return new LvProperties(p.creationTime(), p.creationHost(), p.lockArgs(), "contiguous", p.profile(),
                p.readAhead(), p.major(), p.minor());
    }
}
