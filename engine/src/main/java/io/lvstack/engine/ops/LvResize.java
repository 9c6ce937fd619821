package io.lvstack.engine.ops;

import io.lvstack.api.ops.DisplaySize;
import io.lvstack.api.model.Area;
import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.ResizeRequest;
import io.lvstack.engine.Engine;
import io.lvstack.engine.segtype.PluginCall;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;

/**
 * {@code lvextend} and {@code lvreduce} of linear and striped LVs ({@code lv_resize}): extension
 * appends allocated segments with the last segment's stripes and merges them as LVM2's
 * {@code lv_merge_segments} does; reduction cuts from the end, splitting the last kept segment.
 */
public final class LvResize {
    private final Engine engine;
    private final ExtentAllocator allocator;

    /** @param engine whose types' {@link LvResizer}s extend LVs that take more than appended areas */
    public LvResize(Engine engine, ExtentAllocator allocator) {
        this.engine = engine;
        this.allocator = allocator;
    }

    /** {@code lvextend -L|-l [+]SIZE [--alloc P] VG/LV [PV...]}. */
    public List<String> extend(VolumeGroup vg, String lvName, LvSize size, AllocPolicy policy, List<PvRange> pvs) {
        return extend(vg, lvName, size, policy, pvs, new ArrayList<>());
    }

    /** As {@link #extend(VolumeGroup, String, LvSize, AllocPolicy, List)}, adding messages to {@code messages} as they arise. */
    public List<String> extend(VolumeGroup vg, String lvName, LvSize size, AllocPolicy policy, List<PvRange> pvs,
            List<String> messages) {
        return extend(vg, lvName, size, null, policy, pvs, messages);
    }

    /**
     * {@code lvextend [-L|-l [+]SIZE] [--poolmetadatasize [+]SIZE] VG/LV [PV...]}: at least one of
     * the two sizes; the metadata size only for an LV whose type's {@link LvResizer} takes it (a pool).
     * A resizer reports what it resized itself.
     */
    public List<String> extend(VolumeGroup vg, String lvName, LvSize size, LvSize metadataSize, AllocPolicy policy,
            List<PvRange> pvs, List<String> messages) {
        LogicalVolume lv = resizable(vg, lvName);
        long extentSize = vg.properties().extentSize();
        long old = lv.extentCount();
        if (size == null && metadataSize == null) {
            throw new LvstackException("Please specify either size or extents.");
        }
        long target = size == null ? old : newSize(lv, size, true, messages);
        Segment last = lv.segments().get(lv.segments().size() - 1);
        Optional<LvResizer> resizer = last.handler().resizer();
        if (metadataSize != null && resizer.isEmpty()) {
            throw new LvstackException("--poolmetadatasize can be used only with pools: " + lv.fullName()
                    + " is no pool.");
        }
        if (resizer.isPresent()) {
            PvRange.checkWithin(pvs);
            ResizeRequest request = new ResizeRequest(target, metadataSize == null ? null : metadataSize.sectors(),
                    metadataSize != null && metadataSize.sign() == '+',
                    pvs.stream().map(p -> new PvExtents(p.pv(), p.start(), p.count())).toList());
            lv.vg().apply(ed -> {
                resizer.get().extend(lv, request, new PluginEditor(engine, ed,
                        engine.segmentTypes().byName(last.type().name()), allocator, LvStamp.now(), policy, messages));
                if (lv.extentCount() < request.extents()) {
                    throw PluginCall.failure(last.type(), "resizer.extend", lv.fullName(), new IllegalStateException(
                            "left the LV at " + lv.extentCount() + " extents, below " + request.extents()));
                }
                ed.raiseSeqno();
            });
            return messages; // the type names what it resized, as LVM2 names a pool's sub-LVs
        }
        if (last.areaCount() == 0) {
            return extendWithoutAreas(lv, last, old, target, messages);
        }
        if (!last.type().has(SegmentCapability.AREAS_STRIPED)) {
            throw new LvstackException("Unable to extend LV " + lv.fullName() + " of segment type "
                    + last.type().name() + ": only linear and striped LVs are extended here");
        }
        int stripes = last.areaCount();
        if (stripes > 1) {
            messages.add("  Using stripesize of last segment " + DisplaySize.of(
                    last.handler().stripeSize(last)));
        }
        if ((target - old) % stripes != 0) {
            long rounded = target + stripes - (target - old) % stripes;
            messages.add("  Rounding size (" + target + " extents) up to stripe boundary size for segment ("
                    + rounded + " extents).");
            target = rounded;
        }
        long add = target - old;
        PvRange.checkWithin(pvs);
        AllocPolicy effective = policy != AllocPolicy.INHERIT ? policy
                : lv.properties().allocationPolicy() != null
                        && !lv.properties().allocationPolicy().equals("inherit")
                                ? AllocPolicy.of(lv.properties().allocationPolicy())
                                : LvCreate.effective(vg, AllocPolicy.INHERIT);
        Allocation allocation = allocator.allocate(vg, new AllocationRequest(stripes, add / stripes, 0, effective,
                pvs, lv, lv.name()));
        SegmentType type = last.type();
        vg.apply(ed -> {
            Segments.append(ed, lv, type, last.fields(), allocation);
            ed.raiseSeqno();
        });
        messages.add(changed(lv, old, target, extentSize));
        messages.add("  Logical volume " + lv.fullName() + " successfully resized.");
        return messages;
    }

    /**
     * An LV whose last segment maps no areas (a virtual segment: {@code error}, {@code zero}, a
     * thin LV): the segment grows in place, with nothing to allocate, as LVM2's
     * {@code lv_add_virtual_segment} grows a last segment of the same type.
     */
    private List<String> extendWithoutAreas(LogicalVolume lv, Segment last, long old, long target,
            List<String> messages) {
        lv.vg().apply(ed -> {
            ed.resizeSegment(last, last.len() + target - old);
            ed.raiseSeqno();
        });
        messages.add(changed(lv, old, target, lv.vg().properties().extentSize()));
        messages.add("  Logical volume " + lv.fullName() + " successfully resized.");
        return messages;
    }

    /**
     * The new size in extents, as both directions of LVM2's {@code lvresize} check it: the sign of
     * the other direction is refused, a signed size counts from the LV's size, and the result
     * must move the right way.
     */
    private static long newSize(LogicalVolume lv, LvSize size, boolean extend, List<String> messages) {
        if (size.sign() == (extend ? '-' : '+')) {
            throw new LvstackException(extend ? "Negative argument not permitted - use lvreduce"
                    : "Positive sign not permitted - use lvextend");
        }
        long old = lv.extentCount();
        VolumeGroup vg = lv.vg();
        long asked = size.inVg(vg, List.of())
                .toResizeExtents(vg.properties().extentSize(), messages);
        long target = size.sign() == '+' ? old + asked : size.sign() == '-' ? old - asked : asked;
        if (extend ? target < old : target > old) {
            throw new LvstackException("New size given (" + target + " extents) not " + (extend ? "larger" : "less")
                    + " than existing size (" + old + " extents)");
        }
        if (target == old) {
            throw new LvstackException("New size (" + target + " extents) matches existing size (" + old
                    + " extents).");
        }
        return target;
    }

    /** {@code lvreduce -L|-l [-]SIZE VG/LV}. */
    public List<String> reduce(VolumeGroup vg, String lvName, LvSize size) {
        return reduce(vg, lvName, size, new ArrayList<>());
    }

    /** As {@link #reduce(VolumeGroup, String, LvSize)}, adding messages to {@code messages} as they arise. */
    public List<String> reduce(VolumeGroup vg, String lvName, LvSize size, List<String> messages) {
        LogicalVolume lv = resizable(vg, lvName);
        long extentSize = vg.properties().extentSize();
        long old = lv.extentCount();
        long target = newSize(lv, size, false, messages);
        if (target <= 0) {
            throw new LvstackException("Size reduction would leave logical volume " + lv.fullName()
                    + " with no extents; use lvremove.");
        }
        for (Segment s : lv.segments()) {
            boolean plain = s.type().has(SegmentCapability.AREAS_STRIPED) && s.type().has(SegmentCapability.CAN_SPLIT);
            if (!plain && !layered(s)) {
                throw new LvstackException("Unable to reduce LV " + lv.fullName() + " of segment type "
                        + s.type().name() + ": only linear and striped LVs and LVs over sub-LVs are reduced here");
            }
        }
        // A cut inside a striped segment keeps whole stripes: LVM2 rounds the new size up.
        Segment cut = lv.segmentAt(target);
        long boundary = cut == null || cut.areaLen() == 0 ? 1 : Math.max(1, cut.len() / cut.areaLen());
        if (cut != null && cut.le() < target && boundary > 1 && (target - cut.le()) % boundary != 0) {
            long rounded = target + boundary - (target - cut.le()) % boundary;
            messages.add("  Rounding size (" + target + " extents) up to stripe boundary size for segment ("
                    + rounded + " extents).");
            target = rounded;
            if (target == old) {
                // LVM2 words the two checks apart: a layered LV's (raid) is its size check, with a period
                throw new LvstackException("New size (" + target + " extents) matches existing size (" + old
                        + " extents)" + (cut.type().has(SegmentCapability.CAN_SPLIT) ? "" : "."));
            }
        }
        long keep = target;
        vg.apply(ed -> {
            cut(ed, lv, keep);
            ed.raiseSeqno();
        });
        messages.add(changed(lv, old, target, extentSize));
        messages.add("  Logical volume " + lv.fullName() + " successfully resized.");
        return messages;
    }

    /**
     * Whether {@code s} maps whole sub-LVs from their start (raid images, mirror legs, an
     * integrity origin): LVM2's {@code _lv_reduce} then shortens the segment and each sub-LV.
     */
    private static boolean layered(Segment s) {
        if (s.areaCount() == 0) {
            return false;
        }
        for (int i = 0; i < s.areaCount(); i++) {
            if (!(s.areaOrNull(i) instanceof Area.OnLv on) || on.le() + s.areaLen() != on.lv().extentCount()) {
                return false;
            }
        }
        return true;
    }

    /**
     * LVM2's {@code _lv_reduce} from the end: segments past {@code keep} go, the one it falls in is
     * split, or, when it cannot be split and maps sub-LVs, shortened with the fields its type keeps
     * for the first part; each sub-LV whose tail is no longer mapped is cut the same way.
     */
    private static void cut(StackEditor ed, LogicalVolume lv, long keep) {
        for (int i = lv.segments().size() - 1; i >= 0; i--) {
            Segment s = lv.segments().get(i);
            if (s.le() >= keep) {
                List<Area.OnLv> subs = layered(s) ? subLvs(s) : List.of();
                ed.removeSegment(s);
                for (Area.OnLv sub : subs) {
                    cut(ed, (LogicalVolume) sub.lv(), sub.le());
                }
            } else if (s.le() + s.len() > keep) {
                if (s.type().has(SegmentCapability.CAN_SPLIT)) {
                    ed.removeSegment(ed.splitSegment(s, keep - s.le()));
                } else {
                    long len = keep - s.le();
                    List<Area.OnLv> subs = subLvs(s);
                    io.lvstack.api.model.TypeFields kept = s.handler().splitFields(s, len).get(0);
                    if (!kept.equals(s.fields())) {
                        ed.replaceFields(s, kept);
                    }
                    ed.resizeSegment(s, len);
                    for (Area.OnLv sub : subs) {
                        cut(ed, (LogicalVolume) sub.lv(), sub.le() + s.areaLen());
                    }
                }
            }
        }
    }

    private static List<Area.OnLv> subLvs(Segment s) {
        List<Area.OnLv> out = new ArrayList<>();
        for (int i = 0; i < s.areaCount(); i++) {
            if (s.areaOrNull(i) instanceof Area.OnLv on) {
                out.add(on);
            }
        }
        return out;
    }

    /** Hidden LVs (images, logs, LVs under other LVs) are resized only through their user, as in LVM2. */
    private static LogicalVolume resizable(VolumeGroup vg, String lvName) {
        LogicalVolume lv = vg.lv(lvName);
        if (lv == null) {
            // lvresize words it differently from the other LV commands.
            throw new LvstackException("Logical volume " + lvName + " not found in volume group " + vg.name() + ".");
        }
        // a component LVM2 shows (a COW store) is resized as LVM2 resizes it: it is the snapshot's face
        if (!lv.has(io.lvstack.api.model.LvStatus.VISIBLE) && !lv.has(io.lvstack.api.model.LvMark.SHOWN)) {
            throw new LvstackException("Can't resize internal logical volume " + lv.fullName() + ".");
        }
        WriteGuard.check(lv, "resize");
        return lv;
    }

    private static String changed(LogicalVolume lv, long old, long target, long extentSize) {
        return "  Size of logical volume " + lv.fullName() + " changed from " + DisplaySize.extents(old, extentSize)
                + " to " + DisplaySize.extents(target, extentSize) + ".";
    }
}
