package io.lvstack.engine.graph;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.TypeFields;
import io.lvstack.engine.segtype.GuardedSegmentType;
import io.lvstack.engine.segtype.PluginCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where the graph of a VG changes. Every reference from a segment to an LV (an
 * area or a role) is set and released here, and every such change updates the upward links and
 * fires the link hooks, so the two directions cannot drift. Each method is atomic: it records
 * inverses in the VG's journal and, if anything fails half-way (a refused reference, a hook that
 * throws), the graph is put back exactly as it was before the call.
 *
 * <p>Obtain it from {@link VolumeGroup#change} or {@link VolumeGroup#apply}.
 */
public final class StackEditor {
    private final VolumeGroup vg;
    private final Journal journal;
    private final MarkEditor hookMarks = new MarkEditor() {
        @Override
        public void set(LvView lv, LvMark mark) {
            markRaw(own(lv), mark, true);
        }

        @Override
        public void clear(LvView lv, LvMark mark) {
            markRaw(own(lv), mark, false);
        }
    };

    StackEditor(VolumeGroup vg, Journal journal) {
        this.vg = vg;
        this.journal = journal;
    }

    public VolumeGroup vg() {
        return vg;
    }

    // ---------------------------------------------------------------- VG and PVs

    /** Raises the VG's seqno by one, as every written change does (LVM2's {@code vg_commit}). */
    public void raiseSeqno() {
        setVgProperties(vg.properties().withSeqno(vg.properties().seqno() + 1));
    }

    public void setVgProperties(VgProperties p) {
        VgProperties old = vg.properties();
        vg.properties(p);
        journal.record(() -> vg.properties(old));
    }

    public void renameVg(String name) {
        String old = vg.name();
        vg.name(name);
        journal.record(() -> vg.name(old));
    }

    public PhysicalVolume addPv(PvProperties properties) {
        if (vg.pvById(properties.id()) != null) {
            throw new GraphException("VG " + vg.name() + " already has a PV with id " + properties.id());
        }
        PhysicalVolume pv = new PhysicalVolume(vg, properties);
        vg.pvsInternal().add(pv);
        journal.record(() -> vg.pvsInternal().remove(pv));
        return pv;
    }

    public void setPvProperties(PhysicalVolume pv, PvProperties p) {
        own(pv);
        if (p.peCount() < pv.extents().tiling().stream().filter(x -> x.segment() != null)
                .mapToLong(PvPiece::end).max().orElse(0)) {
            throw new GraphException("PV " + pv.name() + " cannot shrink to " + p.peCount()
                    + " extents: allocated extents lie beyond");
        }
        PvProperties old = pv.properties();
        pv.properties(p);
        journal.record(() -> pv.properties(old));
    }

    public void removePv(PhysicalVolume pv) {
        own(pv);
        if (pv.extents().allocatedCount() > 0) {
            throw new GraphException("PV " + pv.name() + " still has " + pv.extents().allocatedCount()
                    + " allocated extents");
        }
        int index = vg.pvsInternal().indexOf(pv);
        vg.pvsInternal().remove(index);
        journal.record(() -> vg.pvsInternal().add(index, pv));
    }

    // ---------------------------------------------------------------- LVs

    /** A new LV without segments, appended to the VG's LV list. */
    public LogicalVolume createLv(String name, String id, Set<LvStatus> stored, List<String> tags,
            LvProperties properties) {
        if (vg.lv(name) != null) {
            throw new GraphException("Logical Volume \"" + name + "\" already exists in volume group \"" + vg.name()
                    + "\"");
        }
        LogicalVolume lv = new LogicalVolume(vg, name, id, stored, tags, properties);
        vg.addLv(lv);
        journal.record(() -> vg.dropLv(lv));
        return lv;
    }

    /** Removes an LV and its segments; refused while any segment uses it, naming the users. */
    public void removeLv(LogicalVolume lv) {
        atomic(() -> {
            own(lv);
            if (lv.userCount() > 0) {
                throw new GraphException("LV " + lv.fullName() + " is in use by " + Stack.describeUsers(lv));
            }
            // Names of it in other segments' named roles go with it: nothing may name a removed LV.
            for (Segment naming : List.copyOf(lv.namedBy())) {
                for (Map.Entry<ReferenceRole, LogicalVolume> r : naming.namedReferences().entrySet()) {
                    if (r.getValue() == lv) {
                        detach(naming, r.getKey());
                    }
                }
            }
            for (int i = lv.segmentsInternal().size() - 1; i >= 0; i--) {
                removeSegment(lv.segmentsInternal().get(i));
            }
            vg.killLv(lv);
            journal.record(() -> vg.reviveLv(lv));
            journal.onCommit(() -> vg.purgeLv(lv));
        });
    }

    public void renameLv(LogicalVolume lv, String name) {
        own(lv);
        if (vg.lv(name) != null) {
            throw new GraphException("Logical Volume \"" + name + "\" already exists in volume group \"" + vg.name()
                    + "\"");
        }
        String old = lv.name();
        vg.lvsByNameInternal().remove(old);
        vg.lvsByNameInternal().put(name, lv);
        lv.name(name);
        journal.record(() -> {
            vg.lvsByNameInternal().remove(name);
            vg.lvsByNameInternal().put(old, lv);
            lv.name(old);
        });
    }

    public void setLvProperties(LogicalVolume lv, LvProperties p) {
        own(lv);
        LvProperties old = lv.properties();
        lv.properties(p);
        journal.record(() -> lv.properties(old));
    }

    public void setLvTags(LogicalVolume lv, List<String> tags) {
        own(lv);
        List<String> old = lv.tags();
        lv.tags(tags);
        journal.record(() -> lv.tags(old));
    }

    public void setLvId(LogicalVolume lv, String id) {
        own(lv);
        String old = lv.id();
        lv.id(id);
        journal.record(() -> lv.id(old));
    }

    /** Sets or clears a status bit of {@code lv}. */
    public void setStatus(LogicalVolume lv, LvStatus bit, boolean on) {
        statusRaw(own(lv), bit, on);
    }

    // ---------------------------------------------------------------- segments

    /**
     * Adds a segment of {@code len} extents at {@code le} with {@code areaCount} unassigned areas.
     * The area length follows the type's geometry: {@code len / areaCount} for striped areas,
     * {@code len} otherwise. LE contiguity is not enforced here (the checker reports gaps, as
     * LVM2 does), but segments are kept ordered by LE.
     */
    public Segment addSegment(LogicalVolume lv, SegmentType type, TypeFields fields, long le, long len, int areaCount,
            List<String> tags) {
        own(lv);
        if (len <= 0) {
            throw new GraphException("a segment of LV " + lv.fullName() + " needs a positive length, not " + len);
        }
        if (le < 0) {
            throw new GraphException("a segment of LV " + lv.fullName() + " cannot start at LE " + le);
        }
        GuardedSegmentType handler = vg.guard(type);
        long areaLen = areaLenFor(handler, len, areaCount, fields);
        Segment seg = new Segment(lv, handler, fields, le, len, areaLen, areaCount, tags);
        return atomic(() -> {
            List<Segment> list = lv.segmentsInternal();
            int index = list.size();
            while (index > 0 && list.get(index - 1).le() > le) {
                index--;
            }
            insertSegmentRaw(lv, index, seg);
            addExtentCount(lv, len);
            return seg;
        });
    }

    /** Removes a segment: releases its areas and references, and closes the LE gap it leaves. */
    public void removeSegment(Segment seg) {
        atomic(() -> {
            LogicalVolume lv = own(seg);
            releaseAll(seg);
            int index = lv.indexOf(seg);
            removeSegmentRaw(lv, index);
            addExtentCount(lv, -seg.len());
            for (int i = index; i < lv.segmentsInternal().size(); i++) {
                Segment next = lv.segmentsInternal().get(i);
                setLe(next, next.le() - seg.len());
            }
        });
    }

    /**
     * Splits {@code seg} {@code offset} extents from its start (LVM2 {@code lv_split_segment}) and
     * returns the new tail segment. PV pieces are split; LV areas and roles of the tail are
     * linked anew, so counts stay exact.
     */
    public Segment splitSegment(Segment seg, long offset) {
        return atomic(() -> {
            LogicalVolume lv = own(seg);
            if (!seg.type().has(SegmentCapability.CAN_SPLIT)) {
                throw new GraphException("segment type " + seg.type().name() + " of " + seg.describe()
                        + " cannot be split");
            }
            if (offset <= 0 || offset >= seg.len()) {
                throw new GraphException("cannot split " + seg.describe() + " at offset " + offset);
            }
            long areaOffset = offset;
            if (seg.type().has(SegmentCapability.AREAS_STRIPED) && seg.areaCount() > 0) {
                if (offset % seg.areaCount() != 0) {
                    throw new GraphException("cannot split " + seg.describe() + " at offset " + offset
                            + ": not divisible by its " + seg.areaCount() + " stripes");
                }
                areaOffset = offset / seg.areaCount();
            }
            List<TypeFields> halves = seg.handler().splitFields(seg, offset);
            Segment tail = new Segment(lv, seg.handler(), halves.get(1), seg.le() + offset, seg.len() - offset,
                    seg.areaLen() - areaOffset, seg.areaCount(), seg.tags());
            insertSegmentRaw(lv, lv.indexOf(seg) + 1, tail);
            setFields(seg, halves.get(0));
            long oldAreaLen = seg.areaLen();
            setLen(seg, offset);
            setAreaLen(seg, areaOffset);
            for (int i = 0; i < seg.areaCount(); i++) {
                Area a = seg.areaOrNull(i);
                if (a instanceof Area.OnPv p) {
                    PhysicalVolume pv = (PhysicalVolume) p.pv();
                    removePiece(pv, pv.extents().pieceAt(p.pe()));
                    putPiece(pv, new PvPiece(p.pe(), areaOffset, seg, i));
                    putPiece(pv, new PvPiece(p.pe() + areaOffset, oldAreaLen - areaOffset, tail, i));
                    setAreaRaw(tail, i, new Area.OnPv(pv, p.pe() + areaOffset));
                } else if (a instanceof Area.OnLv l) {
                    setAreaRaw(tail, i, new Area.OnLv(l.lv(), l.le() + areaOffset));
                    link((LogicalVolume) l.lv(), tail, Via.area(i));
                }
            }
            for (Map.Entry<ReferenceRole, LogicalVolume> r : seg.references().entrySet()) {
                setRefRaw(tail, r.getKey(), r.getValue());
                link(r.getValue(), tail, Via.role(r.getKey()));
            }
            for (Map.Entry<ReferenceRole, LogicalVolume> r : seg.namedReferences().entrySet()) {
                setRefRaw(tail, r.getKey(), r.getValue());
                setNamedBy(r.getValue(), tail, true);
            }
            return tail;
        });
    }

    /**
     * Merges {@code second}, which must directly follow {@code first} in the same LV, into
     * {@code first}, when the type agrees ({@link SegmentType#canMerge}). PV pieces are fused.
     */
    public void mergeSegments(Segment first, Segment second) {
        atomic(() -> {
            LogicalVolume lv = own(first);
            List<Segment> list = lv.segmentsInternal();
            int index = lv.indexOf(first);
            if (own(second) != lv || index + 1 >= list.size() || list.get(index + 1) != second) {
                throw new GraphException(second.describe() + " does not follow " + first.describe());
            }
            if (first.type() != second.type() || first.areaCount() != second.areaCount()
                    || !first.handler().canMerge(first, second)) {
                throw new GraphException("segment type " + first.type().name() + " cannot merge " + first.describe()
                        + " with " + second.describe());
            }
            for (int i = 0; i < first.areaCount(); i++) {
                if (!(first.areaOrNull(i) instanceof Area.OnPv a) || !(second.areaOrNull(i) instanceof Area.OnPv b)
                        || a.pv() != b.pv() || a.pe() + first.areaLen() != b.pe()) {
                    throw new GraphException("area " + i + " of " + first.describe() + " and " + second.describe()
                            + " are not adjacent extents of one PV");
                }
            }
            long firstAreaLen = first.areaLen();
            long secondAreaLen = second.areaLen();
            for (int i = 0; i < second.areaCount(); i++) {
                releaseArea(second, i);
            }
            releaseRoles(second);
            removeSegmentRaw(lv, index + 1);
            setLen(first, first.len() + second.len());
            setAreaLen(first, firstAreaLen + secondAreaLen);
            for (int i = 0; i < first.areaCount(); i++) {
                Area.OnPv p = (Area.OnPv) first.areaOrNull(i);
                PhysicalVolume pv = (PhysicalVolume) p.pv();
                removePiece(pv, pv.extents().pieceAt(p.pe()));
                putPiece(pv, new PvPiece(p.pe(), firstAreaLen + secondAreaLen, first, i));
            }
        });
    }

    /** Replaces the type's own fields of {@code seg}. */
    /** Sets a segment's {@code reshape_count} (extents), as read from metadata. */
    public void setReshapeLen(Segment seg, long extents) {
        long old = seg.reshapeLen();
        seg.reshapeLen(extents);
        journal.record(() -> seg.reshapeLen(old));
    }

    public void replaceFields(Segment seg, TypeFields fields) {
        atomic(() -> {
            own(seg);
            setFields(seg, fields);
        });
    }

    /**
     * Grows or shrinks {@code seg} in place to {@code len} extents (LVM2's {@code lv_add_virtual_segment}
     * on a virtual segment, a pool segment over its grown data LV); its area length follows the
     * type's geometry and later segments move. A segment with PV areas is refused: its extents
     * are allocated pieces.
     */
    public void resizeSegment(Segment seg, long len) {
        atomic(() -> {
            LogicalVolume lv = own(seg);
            if (len <= 0) {
                throw new GraphException("a segment of LV " + lv.fullName() + " needs a positive length, not " + len);
            }
            for (int i = 0; i < seg.areaCount(); i++) {
                if (seg.areaOrNull(i) instanceof Area.OnPv) {
                    throw new GraphException(seg.describe() + " maps PV extents: it grows by appended segments");
                }
            }
            long delta = len - seg.len();
            setAreaLen(seg, seg.areaCount() == 0 ? len : areaLenFor(seg.handler(), len, seg.areaCount(), seg.fields()));
            setLen(seg, len);
            addExtentCount(lv, delta);
            List<Segment> list = lv.segmentsInternal();
            for (int i = lv.indexOf(seg) + 1; i < list.size(); i++) {
                setLe(list.get(i), list.get(i).le() + delta);
            }
        });
    }

    // ---------------------------------------------------------------- areas and references

    /** Points area {@code index} of {@code seg} at extents of {@code pv} from {@code pe}. */
    public void setPvArea(Segment seg, int index, PhysicalVolume pv, long pe) {
        atomic(() -> {
            own(seg);
            own(pv);
            checkIndex(seg, index);
            releaseArea(seg, index);
            guardExtents("allocate extents");
            String conflict = pv.extents().conflict(pe, seg.areaLen());
            if (conflict != null) {
                throw new GraphException(seg.describe() + " area " + index + ": " + conflict);
            }
            putPiece(pv, new PvPiece(pe, seg.areaLen(), seg, index));
            setAreaRaw(seg, index, new Area.OnPv(pv, pe));
        });
    }

    /** Points area {@code index} of {@code seg} at extents of {@code lv} from {@code le}, and links. */
    public void setLvArea(Segment seg, int index, LogicalVolume target, long le) {
        atomic(() -> {
            LogicalVolume user = own(seg);
            own(target);
            checkIndex(seg, index);
            releaseArea(seg, index);
            refuseCycle(seg, user, target, "area " + index);
            setAreaRaw(seg, index, new Area.OnLv(target, le));
            link(target, seg, Via.area(index));
        });
    }

    /** Makes area {@code index} unassigned: frees its PV extents or drops its link. */
    public void releaseArea(Segment seg, int index) {
        atomic(() -> {
            own(seg);
            checkIndex(seg, index);
            Area a = seg.areaOrNull(index);
            if (a == null) {
                return;
            }
            setAreaRaw(seg, index, null);
            if (a instanceof Area.OnPv p) {
                guardExtents("free extents");
                PhysicalVolume pv = (PhysicalVolume) p.pv();
                removePiece(pv, pv.extents().pieceAt(p.pe()));
            } else if (a instanceof Area.OnLv l) {
                unlink((LogicalVolume) l.lv(), seg, Via.area(index));
            }
        });
    }

    /**
     * Moves what area {@code fromIndex} of {@code from} references into area {@code toIndex} of
     * {@code to} (LVM2 {@code move_lv_segment_area}), releasing what {@code to} held there. Both
     * areas must have the same length. Links move with the area.
     */
    public void moveArea(Segment to, int toIndex, Segment from, int fromIndex) {
        atomic(() -> {
            own(to);
            own(from);
            checkIndex(to, toIndex);
            checkIndex(from, fromIndex);
            if (to == from && toIndex == fromIndex) {
                return;
            }
            if (to.areaLen() != from.areaLen()) {
                throw new GraphException("cannot move area " + fromIndex + " of " + from.describe() + " ("
                        + from.areaLen() + " extents) to area " + toIndex + " of " + to.describe() + " ("
                        + to.areaLen() + " extents)");
            }
            releaseArea(to, toIndex);
            Area a = from.areaOrNull(fromIndex);
            if (a == null) {
                return;
            }
            if (a instanceof Area.OnPv p) {
                PhysicalVolume pv = (PhysicalVolume) p.pv();
                removePiece(pv, pv.extents().pieceAt(p.pe()));
                setAreaRaw(from, fromIndex, null);
                putPiece(pv, new PvPiece(p.pe(), to.areaLen(), to, toIndex));
                setAreaRaw(to, toIndex, a);
            } else if (a instanceof Area.OnLv l) {
                LogicalVolume target = (LogicalVolume) l.lv();
                setAreaRaw(from, fromIndex, null);
                unlink(target, from, Via.area(fromIndex));
                refuseCycle(to, to.lv(), target, "area " + toIndex);
                setAreaRaw(to, toIndex, a);
                link(target, to, Via.area(toIndex));
            }
        });
    }

    /**
     * Makes {@code seg} reference {@code target} in {@code role} (the mirror log, raid's metadata
     * LV at an index...), and links; a named role's reference is kept without a link and may
     * even name the segment's own LV.
     */
    public void attach(Segment seg, ReferenceRole role, LogicalVolume target) {
        atomic(() -> {
            LogicalVolume user = own(seg);
            own(target);
            List<ReferenceRole> declared = seg.handler().referenceRoles();
            if (!declared.contains(role.declaration()) || role.index() == ReferenceRole.ANY) {
                throw new GraphException("segment type " + seg.type().name() + " declares no reference role '" + role
                        + "'" + (role.index() == ReferenceRole.ANY && declared.contains(role) ? " (a list: give an index)"
                                : ""));
            }
            detach(seg, role);
            if (!role.linked()) {
                setRefRaw(seg, role, target);
                setNamedBy(target, seg, true);
                return;
            }
            refuseCycle(seg, user, target, role.name());
            setRefRaw(seg, role, target);
            link(target, seg, Via.role(role));
        });
    }

    /** Drops the reference in {@code role}, if any, and unlinks; returns the LV it held. */
    public Optional<LogicalVolume> detach(Segment seg, ReferenceRole role) {
        return atomic(() -> {
            own(seg);
            LogicalVolume old = seg.referenceOrNull(role);
            if (old == null) {
                return Optional.empty();
            }
            setRefRaw(seg, role, null);
            if (role.linked()) {
                unlink(old, seg, Via.role(role));
            } else {
                setNamedBy(old, seg, false);
            }
            return Optional.of(old);
        });
    }

    // ---------------------------------------------------------------- internals

    private void releaseAll(Segment seg) {
        for (int i = 0; i < seg.areaCount(); i++) {
            releaseArea(seg, i);
        }
        releaseRoles(seg);
    }

    private void releaseRoles(Segment seg) {
        for (ReferenceRole role : new ArrayList<>(seg.references().keySet())) {
            detach(seg, role);
        }
        for (ReferenceRole role : new ArrayList<>(seg.namedReferences().keySet())) {
            detach(seg, role);
        }
    }

    private void setNamedBy(LogicalVolume target, Segment seg, boolean add) {
        target.namedBy(seg, add);
        journal.record(() -> target.namedBy(seg, !add));
    }

    private void refuseCycle(Segment seg, LogicalVolume user, LogicalVolume target, String slot) {
        List<LogicalVolume> path = Stack.pathUp(user, target);
        if (path != null) {
            StringBuilder cycle = new StringBuilder(user.name());
            for (LogicalVolume lv : path) {
                cycle.append(" -> ").append(lv.name());
            }
            throw new GraphException("refusing " + seg.describe() + " " + slot + " -> LV " + target.name()
                    + ": it would make a cycle " + cycle);
        }
    }

    private void link(LogicalVolume used, Segment user, Via via) {
        used.links().add(user);
        journal.record(() -> used.links().remove(user));
        fire(user, new LinkEvent(used, user, via), true);
    }

    private void unlink(LogicalVolume used, Segment user, Via via) {
        if (used.links().count(user) == 0) {
            throw new GraphException("internal error: " + user.describe() + " is not a user of LV " + used.name());
        }
        used.links().remove(user);
        journal.record(() -> used.links().add(user));
        if (used.links().count(user) == 0) {
            journal.onCommit(used.links()::purge);
        }
        fire(user, new LinkEvent(used, user, via), false);
    }

    private void fire(Segment user, LinkEvent event, boolean linked) {
        Optional<LinkHook> typeHook = user.handler().linkHook(); // guarded, as the hook it returns
        if (typeHook.isPresent()) {
            call(typeHook.get(), event, linked, "segment type " + user.type().name());
        }
        for (LinkHook hook : vg.hooks()) {
            call(hook, event, linked, hook.getClass().getName());
        }
    }

    private void call(LinkHook hook, LinkEvent event, boolean linked, String who) {
        try {
            PluginCall.run(hook, () -> {
                if (linked) {
                    hook.linked(event, hookMarks);
                } else {
                    hook.unlinked(event, hookMarks);
                }
            });
        } catch (Throwable e) {
            // Any throwable of a hook, checked ones thrown sneakily included, aborts the change.
            if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
                throw vme;
            }
            Segment user = (Segment) event.user();
            throw new GraphException("link hook of " + who + " failed while " + (linked ? "linking " : "unlinking ")
                    + user.describe() + " " + event.via() + " " + (linked ? "to" : "from") + " LV "
                    + event.used().name() + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code body} so that a failure undoes everything it did. */
    private <T> T atomic(java.util.function.Supplier<T> body) {
        if (vg.loading()) {
            return body.get(); // a load records nothing to undo: there is nothing to wrap
        }
        return vg.change(ed -> body.get());
    }

    private void atomic(Runnable body) {
        if (vg.loading()) {
            body.run();
            return;
        }
        vg.apply(ed -> body.run());
    }

    /** The type's geometry ({@link SegmentType#areaLength}); a length it cannot give is refused. */
    static long areaLenFor(GuardedSegmentType type, long len, int areaCount, TypeFields fields) {
        long areaLen = type.areaLength(len, areaCount, fields);
        if (areaLen <= 0) {
            throw new GraphException("segment type " + type.name() + " gives " + areaLen + " extents an area for "
                    + len + " extents over " + areaCount + " areas");
        }
        return areaLen;
    }

    private static void checkIndex(Segment seg, int index) {
        if (index < 0 || index >= seg.areaCount()) {
            throw new GraphException(seg.describe() + " has no area " + index + " (it has " + seg.areaCount() + ")");
        }
    }

    private LogicalVolume own(LvView view) {
        if (!(view instanceof LogicalVolume lv) || !vg.contains(lv)) {
            throw new GraphException("LV " + (view == null ? "null" : view.name()) + " is not a live LV of VG "
                    + vg.name());
        }
        return lv;
    }

    private LogicalVolume own(Segment seg) {
        // A removed segment has no owner, so this is O(1) even for LVs of many segments.
        LogicalVolume lv = seg.lv();
        if (lv == null || !vg.contains(lv)) {
            throw new GraphException("segment " + seg + " is not a live segment of VG " + vg.name());
        }
        return lv;
    }

    private void own(PhysicalVolume pv) {
        if (!vg.contains(pv)) {
            throw new GraphException(pv + " is not a PV of VG " + vg.name());
        }
    }

    // Primitive mutations, each recording its inverse.

    private void markRaw(LogicalVolume lv, LvMark mark, boolean on) {
        if (lv.mark(mark, on)) {
            journal.record(() -> lv.mark(mark, !on));
        }
    }

    private void statusRaw(LogicalVolume lv, LvStatus bit, boolean on) {
        if (lv.status(bit, on)) {
            journal.record(() -> lv.status(bit, !on));
        }
    }

    private void insertSegmentRaw(LogicalVolume lv, int index, Segment seg) {
        lv.segmentsInternal().add(index, seg);
        seg.lv(lv);
        countUnknown(seg, 1);
        journal.record(() -> {
            lv.segmentsInternal().remove(index);
            countUnknown(seg, -1);
        });
    }

    private void removeSegmentRaw(LogicalVolume lv, int index) {
        Segment seg = lv.segmentsInternal().remove(index);
        seg.lv(null);
        countUnknown(seg, -1);
        journal.record(() -> {
            lv.segmentsInternal().add(index, seg);
            seg.lv(lv);
            countUnknown(seg, 1);
        });
    }

    private void countUnknown(Segment seg, int delta) {
        if (seg.type().has(SegmentCapability.UNKNOWN)) {
            vg.countUnknown(seg.type().name(), delta);
        }
    }

    /**
     * Unknown segments keep their areas only as text, so the extents they use look free: in a VG
     * that holds any, moving extents could hand out someone's data. Loading is exempt.
     */
    private void guardExtents(String what) {
        if (!vg.loading() && !vg.unknownSegmentTypes().isEmpty()) {
            String types = String.join(", ", vg.unknownSegmentTypes());
            throw new GraphException("refusing to " + what + " in VG " + vg.name() + ": it holds segments of type "
                    + types + ", which no loaded plugin knows, so the extents they use would look free; drop a plugin"
                    + " for " + types + " into plugins/ to change this VG");
        }
    }

    private void addExtentCount(LogicalVolume lv, long delta) {
        lv.extentCount(lv.extentCount() + delta);
        journal.record(() -> lv.extentCount(lv.extentCount() - delta));
    }

    private void setLe(Segment seg, long value) {
        long old = seg.le();
        seg.le(value);
        journal.record(() -> seg.le(old));
    }

    private void setLen(Segment seg, long value) {
        long old = seg.len();
        seg.len(value);
        journal.record(() -> seg.len(old));
    }

    private void setAreaLen(Segment seg, long value) {
        long old = seg.areaLen();
        seg.areaLen(value);
        journal.record(() -> seg.areaLen(old));
    }

    private void setFields(Segment seg, TypeFields value) {
        TypeFields old = seg.fields();
        seg.fields(value);
        journal.record(() -> seg.fields(old));
    }

    private void setAreaRaw(Segment seg, int index, Area a) {
        Area old = seg.areaOrNull(index);
        seg.area(index, a);
        journal.record(() -> seg.area(index, old));
    }

    private void setRefRaw(Segment seg, ReferenceRole role, LogicalVolume target) {
        LogicalVolume old = seg.referenceOrNull(role);
        seg.reference(role, target);
        journal.record(() -> seg.reference(role, old));
    }

    private void putPiece(PhysicalVolume pv, PvPiece piece) {
        pv.extents().put(piece);
        journal.record(() -> pv.extents().remove(piece));
    }

    private void removePiece(PhysicalVolume pv, PvPiece piece) {
        pv.extents().remove(piece);
        journal.record(() -> pv.extents().put(piece));
    }
}
