package io.lvstack.engine.ops.alloc;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * LVM2 2.03.16's allocator ({@code _allocate} in {@code lib/metadata/lv_manip.c}) with its
 * defaults ({@code maximise_cling = 1}, no {@code cling_tag_list}, logs allowed on data PVs).
 * Policies are tried from contiguous up to the requested one; each pass repeatedly picks one
 * free area per PV (the smallest that holds the rest, else the largest), sorts the picks by
 * size and takes the biggest ones as the parallel areas. Which area LVM2 takes decides the
 * metadata it writes, so the order of free areas (largest first, equal sizes in insertion order,
 * re-inserted when reserved) is reproduced exactly, as the corpus steps check.
 */
public final class LvmAllocator implements ExtentAllocator {

    @Override
    public Allocation allocate(VolumeGroup vg, AllocationRequest request) {
        return new Run(vg, request).allocate();
    }

    /** A free run of PV extents ({@code struct pv_area}). */
    private static final class FreeArea {
        final PvMap map;
        long start;
        long count;
        long unreserved;

        FreeArea(PvMap map, long start, long count) {
            this.map = map;
            this.start = start;
            this.count = count;
            this.unreserved = count;
        }
    }

    /** The free areas of one PV, largest first ({@code struct pv_map}). */
    private static final class PvMap {
        final PhysicalVolume pv;
        final List<FreeArea> areas = new ArrayList<>();

        PvMap(PhysicalVolume pv) {
            this.pv = pv;
        }

        /** {@code _insert_area}: before the first area strictly smaller, so equal sizes keep their order. */
        void insert(FreeArea a, boolean reduced) {
            long key = reduced ? a.unreserved : a.count;
            int i = 0;
            while (i < areas.size() && !(key > areas.get(i).count)) {
                i++;
            }
            areas.add(i, a);
        }

        void reinsert(FreeArea a) {
            areas.remove(a);
            insert(a, true);
        }
    }

    /** A chosen area and how much of it this round uses ({@code struct pv_area_used}). */
    private record Slot(FreeArea area, long used) {
    }

    private enum Use { PREFERRED, NEXT_PV, NEXT_AREA, USE_AREA }

    private enum Policy { CONTIGUOUS, CLING, NORMAL, ANYWHERE }

    /** The state of one allocation ({@code struct alloc_handle} and {@code struct alloc_state}). */
    private static final class Run {
        final VolumeGroup vg;
        final AllocationRequest req;
        final int devices;
        final List<PvMap> maps;
        final Segment prev;
        final List<List<PvRange>> alloced = new ArrayList<>();
        final List<PvRange> logAlloced = new ArrayList<>();
        final List<Allocation.Chunk> chunks = new ArrayList<>();
        long allocated;
        int logStillNeeded;
        // Pass parameters (alloc_parms).
        Policy policy;
        boolean canSplit;
        boolean contiguousToSeg;
        boolean clingToSeg;
        boolean clingToAlloced;
        boolean positional;
        boolean countMatches;
        Slot[] slots;
        int positionalCount;

        Run(VolumeGroup vg, AllocationRequest req) {
            this.vg = vg;
            this.req = req;
            this.devices = req.parallel();
            this.maps = pvMaps(vg, req.candidates());
            this.prev = req.continuing() == null || req.continuing().segments().isEmpty() ? null
                    : req.continuing().segments().get(req.continuing().segments().size() - 1);
            for (int i = 0; i < devices; i++) {
                alloced.add(new ArrayList<>());
            }
            this.logStillNeeded = req.logExtents() > 0 ? req.logCount() : 0;
        }

        Allocation allocate() {
            long needed = req.extentsPerArea();
            if (needed == 0 && logStillNeeded == 0) {
                return new Allocation(List.of(), List.of());
            }
            canSplit = req.policy() != AllocPolicy.CONTIGUOUS;
            int size = Math.max(maps.size(), devices + logStillNeeded);
            if (prev != null) {
                size += prev.areaCount();
            }
            slots = new Slot[size];
            Policy last = switch (req.policy()) {
                case CONTIGUOUS -> Policy.CONTIGUOUS;
                case CLING -> Policy.CLING;
                case NORMAL -> Policy.NORMAL;
                default -> Policy.ANYWHERE;
            };
            for (Policy p : Policy.values()) {
                if (p.ordinal() > last.ordinal()) {
                    break;
                }
                long old = allocated;
                sufficientFree(needed);
                initPass(p);
                findMaxParallelSpace(needed);
                if (allocated == needed && logStillNeeded > 0 && last.ordinal() < Policy.NORMAL.ordinal()) {
                    // LVM2's workaround: only the log is missing, so later policies up to normal are tried.
                    last = Policy.NORMAL;
                    continue;
                }
                if ((allocated == needed && logStillNeeded == 0) || (!canSplit && allocated != old)) {
                    break;
                }
            }
            if (allocated == needed && logStillNeeded > 0) {
                throw new LvstackException("Insufficient free space for log allocation for logical volume "
                        + req.lvName() + ".");
            }
            if (allocated != needed) {
                throw new LvstackException("Insufficient suitable " + (canSplit ? "" : "contiguous ")
                        + "allocatable extents for logical volume " + req.lvName() + ": "
                        + (needed - allocated) * devices + " more required");
            }
            return new Allocation(chunks, logAlloced);
        }

        /** {@code _sufficient_pes_free}. */
        private void sufficientFree(long needed) {
            long total = (needed - allocated) * devices + req.logExtents() * logStillNeeded;
            long free = 0;
            for (PvMap m : maps) {
                for (FreeArea a : m.areas) {
                    free += a.count;
                }
            }
            if (total > free) {
                throw new LvstackException("Insufficient free space: " + total + " extents needed, but only " + free
                        + " available");
            }
        }

        /** {@code _init_alloc_parms}. */
        private void initPass(Policy p) {
            policy = p;
            contiguousToSeg = false;
            clingToSeg = false;
            clingToAlloced = false;
            positional = false;
            countMatches = prev != null && prev.areaCount() == devices && onPvsOnly(prev);
            if (countMatches) {
                if (p == Policy.CONTIGUOUS) {
                    contiguousToSeg = true;
                    positional = true;
                } else if (p == Policy.CLING) {
                    clingToSeg = true;
                    positional = true;
                }
            } else if (p == Policy.CLING) {
                clingToAlloced = true;
                positional = true;
            }
            // maximise_cling: once something is found, normal allocation prefers the same disks.
            if (p == Policy.NORMAL && allocated != req.extentsPerArea()) {
                clingToAlloced = true;
            }
        }

        /** {@code _find_max_parallel_space_for_one_policy}. */
        private void findMaxParallelSpace(long needed) {
            do {
                long old = allocated;
                findSomeParallelSpace(needed - allocated);
                if (old == allocated) {
                    if (policy == Policy.CLING && clingToSeg && positional) {
                        positional = false;
                    } else if (policy == Policy.NORMAL && clingToAlloced) {
                        clingToAlloced = false;
                    } else {
                        break;
                    }
                } else if (policy == Policy.NORMAL && !clingToAlloced) {
                    clingToAlloced = true;
                }
            } while (policy != Policy.CONTIGUOUS && allocated != needed && canSplit);
        }

        /** {@code _find_some_parallel_space}: one round of choosing parallel areas. */
        private void findSomeParallelSpace(long maxToAllocate) {
            java.util.Arrays.fill(slots, null);
            resetUnreserved();
            positionalCount = !positional ? 0 : (contiguousToSeg || clingToSeg) ? prev.areaCount() : devices;
            int ix = 0;
            int preferred = 0;
            int iteration = 0;
            int logIteration = 0;
            int lastIx;
            boolean again;
            do {
                lastIx = ix;
                for (PvMap m : maps) {
                    if (m.areas.isEmpty()) {
                        continue;
                    }
                    if (policy != Policy.ANYWHERE && skipPv(m, ix, iteration, logIteration)) {
                        continue;
                    }
                    boolean foundOne = false;
                    int i = 0;
                    while (i < m.areas.size()) {
                        FreeArea a = m.areas.get(i);
                        Use use = checkArea(a, maxToAllocate, foundOne, iteration, logIteration);
                        if (use == Use.PREFERRED) {
                            preferred++;
                            break;
                        }
                        if (use == Use.NEXT_PV) {
                            break;
                        }
                        if (use == Use.USE_AREA) {
                            if (!foundOne || policy == Policy.ANYWHERE) {
                                ix++;
                                foundOne = true;
                            }
                            int at = ix + positionalCount - 1;
                            if (at >= slots.length) {
                                // Anywhere may take several areas of one PV: grow as LVM2 reallocates.
                                slots = java.util.Arrays.copyOf(slots, slots.length * 2);
                            }
                            long required = requiredExtents(a, at, maxToAllocate);
                            slots[at] = new Slot(a, required);
                        }
                        // dm_list iteration goes on from the area's (possibly new) place in the list.
                        i = m.areas.indexOf(a) + 1;
                    }
                    if ((policy == Policy.ANYWHERE && ix + positionalCount >= devices + logStillNeeded)
                            || (preferred == positionalCount && positionalCount == devices + logStillNeeded)) {
                        break;
                    }
                }
                again = (policy == Policy.ANYWHERE && lastIx != ix && ix < devices + logStillNeeded);
                if (!again && policy == Policy.NORMAL && preferred > 0
                        && (preferred < positionalCount || logStillNeeded > 0) && clingToAlloced
                        && iteration == 0) {
                    iteration++;
                    again = true;
                }
                if (!again && policy == Policy.NORMAL && preferred == positionalCount && ix + preferred >= devices
                        && ix + preferred < devices + logStillNeeded && logIteration == 0) {
                    logIteration++;
                    again = true;
                }
            } while (again);

            if (preferred < positionalCount && !clingToAlloced && ix == 0) {
                return;
            }
            if (ix + preferred < devices + logStillNeeded) {
                return;
            }
            if (logIteration > 0) {
                if (ix > devices + 1) {
                    sort(devices, ix - devices);
                }
            } else if (ix > 1) {
                sort(positionalCount, ix);
            }
            if (preferred > 0 && preferred != positionalCount) {
                for (int s = 0; s < devices; s++) {
                    if (slots[s] == null) {
                        slots[s] = slots[positionalCount];
                        slots[positionalCount++] = null;
                    }
                }
            }
            int logOffset = 0;
            if (logStillNeeded > 0) {
                int tooSmall = 0;
                while (tooSmall < positionalCount + ix
                        && slots[positionalCount + ix - 1 - tooSmall].used() < req.logExtents()) {
                    tooSmall++;
                }
                if (positionalCount + ix < tooSmall + logStillNeeded) {
                    return;
                }
                logOffset = positionalCount + ix - (tooSmall + logStillNeeded);
            }
            if (ix + positionalCount < devices) {
                return;
            }
            allocParallelArea(maxToAllocate, logOffset);
            logStillNeeded = 0;
        }

        /** The PV-level checks of {@code _find_some_parallel_space}. */
        private boolean skipPv(PvMap m, int ix, int iteration, int logIteration) {
            for (PvRange r : logAlloced) {
                if (r.pv() == m.pv) {
                    return true;
                }
            }
            if (logIteration > 0) {
                for (int s = devices; s < ix + positionalCount; s++) {
                    if (slots[s] != null && slots[s].area().map == m) {
                        return true;
                    }
                }
            } else if (iteration > 0) {
                for (int s = 0; s < devices; s++) {
                    if (slots[s] != null && slots[s].area().map == m) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** {@code _check_pva}. */
        private Use checkArea(FreeArea a, long stillNeeded, boolean foundOne, int iteration, int logIteration) {
            if (a.unreserved == 0) {
                return Use.NEXT_AREA;
            }
            if (iteration > 0) {
                for (Slot s : slots) {
                    if (s != null && s.area() == a) {
                        return Use.NEXT_AREA;
                    }
                }
            }
            if (iteration == 0 && logIteration == 0 && (contiguousToSeg || clingToSeg || clingToAlloced)) {
                if ((contiguousToSeg || countMatches) && matchPrev(a, true)) {
                    return found();
                }
                if (contiguousToSeg) {
                    return Use.NEXT_AREA;
                }
                if ((clingToSeg || countMatches) && matchPrev(a, false)) {
                    return found();
                }
                if (clingToAlloced && clingToAlloced(a)) {
                    return found();
                }
                return Use.NEXT_PV;
            }
            if (a.unreserved < stillNeeded
                    && ((!canSplit && logStillNeeded == 0 && req.logExtents() == 0)
                            || (foundOne && policy != Policy.ANYWHERE))) {
                return Use.NEXT_PV;
            }
            return found();
        }

        private Use found() {
            return positional ? Use.PREFERRED : Use.USE_AREA;
        }

        /**
         * {@code _check_contiguous} / {@code _check_cling}: is the area contiguous to an area of
         * the previous segment (contiguous), or on the same PV as an area of the LV (cling)? With
         * positional fill it takes the slot of that area. maximise_cling means to check the whole
         * LV, but LVM2's {@code _for_each_pv} looks at the one segment holding the first LE asked
         * for, so cling follows the LV's first segment only; reproduced as LVM2 behaves.
         */
        private boolean matchPrev(FreeArea a, boolean contiguous) {
            Segment seg = contiguous ? prev : prev.lv().segments().get(0);
            for (int s = 0; s < seg.areaCount(); s++) {
                if (!(seg.areaOrNull(s) instanceof Area.OnPv p) || p.pv() != a.map.pv) {
                    continue;
                }
                if (contiguous && p.pe() + seg.areaLen() != a.start) {
                    continue;
                }
                if (positional && (slots[s] != null || s >= positionalCount)) {
                    continue;
                }
                if (positional) {
                    slots[s] = new Slot(a, a.count);
                }
                return true;
            }
            return false;
        }

        /** {@code _check_cling_to_alloced}. */
        private boolean clingToAlloced(FreeArea a) {
            if (logStillNeeded > 0) {
                return false;
            }
            for (int s = 0; s < devices; s++) {
                if (positional && slots[s] != null) {
                    continue;
                }
                for (PvRange r : alloced.get(s)) {
                    if (r.pv() == a.map.pv) {
                        if (positional) {
                            slots[s] = new Slot(a, a.count);
                        }
                        return true;
                    }
                }
            }
            return false;
        }

        /** {@code _calc_required_extents}: reserves what this area may give and returns it. */
        private long requiredExtents(FreeArea a, int at, long maxToAllocate) {
            long required = maxToAllocate;
            if (policy == Policy.ANYWHERE) {
                if (at >= devices) {
                    required = req.logExtents();
                }
            } else if (required < req.logExtents()) {
                required = req.logExtents();
            }
            if (required >= a.unreserved) {
                required = a.unreserved;
                a.unreserved = 0;
            } else {
                a.unreserved -= required;
                a.map.reinsert(a);
            }
            return required;
        }

        private void resetUnreserved() {
            for (PvMap m : maps) {
                for (FreeArea a : List.copyOf(m.areas)) {
                    if (a.unreserved != a.count) {
                        a.unreserved = a.count;
                        m.reinsert(a);
                    }
                }
            }
        }

        /** {@code qsort} with {@code _comp_area}: biggest use first; glibc's merge sort keeps ties in order. */
        private void sort(int from, int count) {
            List<Slot> part = new ArrayList<>(java.util.Arrays.asList(slots).subList(from, from + count));
            part.sort((l, r) -> Long.compare(r.used(), l.used()));
            for (int i = 0; i < count; i++) {
                slots[from + i] = part.get(i);
            }
        }

        /** {@code _alloc_parallel_area}: takes the chosen areas, all of one length, and the log. */
        private void allocParallelArea(long maxToAllocate, int logOffset) {
            long areaLen = maxToAllocate;
            for (int s = 0; s < devices; s++) {
                areaLen = Math.min(areaLen, slots[s].used());
            }
            List<PvRange> parts = new ArrayList<>();
            int total = devices + logStillNeeded;
            int skip = 0;
            long len = areaLen;
            for (int s = 0; s < total; s++) {
                if (s == devices) {
                    skip = logOffset - devices;
                    len = req.logExtents();
                }
                if (len == 0) {
                    continue; // a log-only request (LVM2's area_count 0): the parallel areas take nothing
                }
                FreeArea a = slots[s + skip].area();
                PvRange r = new PvRange(a.map.pv, a.start, len);
                consume(a, len);
                if (s < devices) {
                    parts.add(r);
                    alloced.get(s).add(r);
                } else {
                    logAlloced.add(r);
                }
            }
            if (areaLen > 0) {
                chunks.add(new Allocation.Chunk(areaLen, parts));
            }
            allocated += areaLen;
        }

        /** {@code consume_pv_area}. */
        private static void consume(FreeArea a, long len) {
            a.map.areas.remove(a);
            if (len < a.count) {
                a.start += len;
                a.count -= len;
                a.unreserved = a.count;
                a.map.insert(a, false);
            }
        }

        private static boolean onPvsOnly(Segment seg) {
            for (int s = 0; s < seg.areaCount(); s++) {
                if (!(seg.areaOrNull(s) instanceof Area.OnPv)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@code create_pv_maps}: the candidate PVs in argument order (every PV of the VG in VG order
         * without arguments), skipping PVs that are not allocatable; each PV's free extents inside
         * its ranges, in PE order, then kept largest first.
         */
        private static List<PvMap> pvMaps(VolumeGroup vg, List<PvRange> candidates) {
            List<PvRange> ranges = new ArrayList<>(candidates);
            if (ranges.isEmpty()) {
                for (PhysicalVolume pv : vg.pvs()) {
                    if (pv.peCount() > 0) {
                        ranges.add(PvRange.whole(pv));
                    }
                }
            }
            List<PvMap> maps = new ArrayList<>();
            for (PvRange r : ranges) {
                if (!r.pv().properties().allocatable()) {
                    continue;
                }
                PvMap map = null;
                for (PvMap m : maps) {
                    if (m.pv == r.pv()) {
                        map = m;
                    }
                }
                if (map == null) {
                    map = new PvMap(r.pv());
                    maps.add(map);
                }
                addFree(map, r);
            }
            return maps;
        }

        /** Free extents of {@code r} not yet in {@code map}, in PE order. */
        private static void addFree(PvMap map, PvRange r) {
            long pe = r.start();
            long end = Math.min(r.end(), r.pv().peCount());
            while (pe < end) {
                var piece = r.pv().extents().pieceCovering(pe);
                if (piece != null) {
                    pe = piece.end();
                    continue;
                }
                long runEnd = pe + 1;
                while (runEnd < end && r.pv().extents().pieceCovering(runEnd) == null) {
                    runEnd++;
                }
                long from = pe;
                for (FreeArea a : map.areas) {
                    if (a.start <= from && from < a.start + a.count) {
                        from = a.start + a.count;
                    }
                }
                if (from < runEnd) {
                    map.insert(new FreeArea(map, from, runEnd - from), false);
                }
                pe = runEnd;
            }
        }
    }
}
