package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.model.VgView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.PoolMetadataSpare;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvNames;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.engine.ops.layer.Layers;
import io.lvstack.engine.ops.layer.LvSegments;
import io.lvstack.engine.segtype.NewSegments;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link VgEditor} a segment type's operation works through: each call is one step on the
 * engine's open {@link StackEditor}, so links, marks and rollback are the engine's. Views the
 * plugin passes back are checked to be this VG's own objects.
 */
public final class PluginEditor implements VgEditor {
    private final StackEditor ed;
    private final VolumeGroup vg;
    private final SegmentTypeRegistry types;
    private final SegmentType type;
    private final ExtentAllocator allocator;
    private final LvStamp stamp;
    private final AllocPolicy commandPolicy;
    private final List<String> messages;
    private final Layers layers;
    private final VgView view;
    /** The LVs made or renamed here, whose names {@link #requireNamesFit} checks. */
    private final Set<LogicalVolume> named = new HashSet<>();

    /**
     * @param type          the registered type whose creator or converter runs ({@link #type()})
     * @param commandPolicy the command's {@code --alloc} for new LVs; {@link AllocPolicy#INHERIT} follows the VG
     * @param messages      where LVM2's lines go, in order
     */
    public PluginEditor(Engine engine, StackEditor ed, SegmentType type, ExtentAllocator allocator, LvStamp stamp,
            AllocPolicy commandPolicy, List<String> messages) {
        this.ed = ed;
        this.vg = ed.vg();
        this.types = engine.segmentTypes();
        this.type = registered(type);
        this.allocator = allocator;
        this.stamp = stamp;
        this.commandPolicy = commandPolicy;
        this.messages = messages;
        this.layers = new Layers(engine);
        this.view = new GraphVgView(vg);
    }

    @Override
    public VgView vg() {
        return view;
    }

    @Override
    public SegmentType plainType() {
        return types.plain();
    }

    @Override
    public SegmentType type() {
        return type;
    }

    @Override
    public NewSegment newSegment(SegmentType type, int areaCount, SegmentOptions options) {
        return NewSegments.of(types.guard(registered(type)), areaCount, options);
    }

    @Override
    public long regionSize(SegmentView segment) {
        Segment s = seg(segment);
        return s.handler().regionSize(s);
    }

    @Override
    public LvView createLv(String name, boolean visible) {
        requireName(name);
        if (vg.lv(name) != null) {
            throw new LvstackException("Logical Volume \"" + name + "\" already exists in volume group \""
                    + vg.name() + "\"");
        }
        EnumSet<LvStatus> status = EnumSet.of(LvStatus.READ, LvStatus.WRITE);
        if (visible) {
            status.add(LvStatus.VISIBLE);
        }
        LogicalVolume made = ed.createLv(name, stamp.newId(), status, List.of(), stamp.properties());
        named.add(made);
        return made;
    }

    @Override
    public void removeLv(LvView lv) {
        ed.removeLv(lv(lv));
    }

    @Override
    public void renameLv(LvView lv, String name) {
        requireName(name);
        LogicalVolume renamed = lv(lv);
        ed.renameLv(renamed, name);
        named.add(renamed);
    }

    @Override
    public void setReadAhead(LvView lv, long sectors) {
        LogicalVolume l = lv(lv);
        LvProperties p = l.properties();
        ed.setLvProperties(l, new LvProperties(p.creationTime(), p.creationHost(), p.lockArgs(), p.allocationPolicy(),
                p.profile(), sectors, p.major(), p.minor()));
    }

    @Override
    public void setAllocationPolicy(LvView lv, String policy) {
        io.lvstack.engine.ops.alloc.AllocPolicy.of(policy);
        LogicalVolume l = lv(lv);
        LvProperties p = l.properties();
        ed.setLvProperties(l, new LvProperties(p.creationTime(), p.creationHost(), p.lockArgs(), policy, p.profile(),
                p.readAhead(), p.major(), p.minor()));
    }

    @Override
    public void setReshapeLen(SegmentView segment, long extents) {
        if (extents < 0) {
            throw new IllegalArgumentException("reshape_len " + extents + " < 0");
        }
        ed.setReshapeLen(seg(segment), extents);
    }

    @Override
    public void setStatus(LvView lv, LvStatus bit, boolean on) {
        ed.setStatus(lv(lv), bit, on);
    }

    @Override
    public SegmentView addSegment(LvView lv, SegmentType type, TypeFields fields, long le, long len, int areaCount) {
        return ed.addSegment(lv(lv), registered(type), fields, le, len, areaCount, List.of());
    }

    @Override
    public void removeSegment(SegmentView segment) {
        ed.removeSegment(seg(segment));
    }

    @Override
    public void setPvArea(SegmentView segment, int index, PvView pv, long pe) {
        ed.setPvArea(seg(segment), index, pv(pv), pe);
    }

    @Override
    public void setLvArea(SegmentView segment, int index, LvView lv, long le) {
        ed.setLvArea(seg(segment), index, lv(lv), le);
    }

    @Override
    public void attach(SegmentView segment, ReferenceRole role, LvView lv) {
        ed.attach(seg(segment), role, lv(lv));
    }

    @Override
    public Optional<LvView> detach(SegmentView segment, ReferenceRole role) {
        return ed.detach(seg(segment), role).map(l -> l);
    }

    @Override
    public Allocated allocate(AreaRequest request) {
        List<PvRange> candidates = new ArrayList<>();
        List<PvRange> asked = request.candidates().isEmpty()
                ? vg.pvs().stream().map(PvRange::whole).toList()
                : request.candidates().stream().map(this::range).toList();
        for (PvRange r : asked) {
            if (!request.avoid().contains(r.pv())) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            throw new LvstackException("Insufficient suitable allocatable extents for logical volume "
                    + request.lvName() + ": every candidate PV is excluded.");
        }
        LogicalVolume owner = request.owner() == null ? null : lv(request.owner());
        LogicalVolume continuing = owner != null && owner.name().equals(request.lvName()) ? owner : null;
        Allocation a = allocator.allocate(vg, new AllocationRequest(request.parallel(), request.extentsPerArea(),
                request.logExtents(), policy(owner), candidates, continuing, request.lvName(), request.logCount()));
        List<Allocated.Chunk> chunks = new ArrayList<>();
        for (Allocation.Chunk c : a.chunks()) {
            chunks.add(new Allocated.Chunk(c.length(), c.areas().stream().map(PluginEditor::extents).toList()));
        }
        return new Allocated(chunks, a.log().stream().map(PluginEditor::extents).toList());
    }

    @Override
    public SegmentView appendOnPvs(LvView lv, SegmentType type, TypeFields fields, long length,
            List<PvExtents> pieces) {
        return LvSegments.appendOnPvs(ed, lv(lv), registered(type), fields, length,
                pieces.stream().map(this::range).toList());
    }

    @Override
    public void mergeSegments(LvView lv) {
        LvSegments.mergeAll(ed, lv(lv));
    }

    @Override
    public void moveSegments(LvView to, LvView from) {
        LvSegments.moveAll(ed, lv(to), lv(from));
    }

    @Override
    public LvView insertLayer(LvView lv, String suffix) {
        LogicalVolume layer = layers.insertLayerForLv(ed, lv(lv), suffix, stamp.newId(), stamp.properties());
        named.add(layer);
        return layer;
    }

    @Override
    public void removeLayer(LvView lv, LvView layer) {
        layers.removeLayerFromLv(ed, lv(lv), lv(layer));
    }

    @Override
    public String nextName(String prefix) {
        return LvNames.next(vg, prefix);
    }

    @Override
    public int nextIndex(String prefix) {
        return LvNames.nextIndex(vg, prefix);
    }

    @Override
    public void commitStep() {
        ed.raiseSeqno();
    }

    @Override
    public void message(String line) {
        messages.add(line);
    }

    @Override
    public void setFields(SegmentView segment, TypeFields fields) {
        ed.replaceFields(seg(segment), fields);
    }

    @Override
    public void resizeSegment(SegmentView segment, long len) {
        ed.resizeSegment(seg(segment), len);
    }

    @Override
    public boolean poolMetadataSpare(long extents, List<PvExtents> candidates) {
        LogicalVolume spare = PoolMetadataSpare.of(vg).orElse(null);
        boolean made = spare == null;
        long missing = made ? extents : extents - spare.extentCount();
        if (missing <= 0) {
            return false;
        }
        if (made) {
            // LVM2 makes lvolN, then names it lvolN_pmspare
            spare = lv(createLv(nextName("lvol") + PoolMetadataSpare.SUFFIX, false));
        }
        Allocated a = allocate(made ? new AreaRequest(1, missing, 0, candidates, Set.of(), null, spare.name())
                : AreaRequest.extending(spare, 1, missing, candidates));
        List<PvExtents> pieces = new ArrayList<>();
        a.chunks().forEach(c -> pieces.addAll(c.areas()));
        appendPlain(spare, pieces);
        return made;
    }

    @Override
    public void appendAllocated(LvView lv, SegmentType type, SegmentOptions options, Allocated allocated) {
        for (Allocated.Chunk c : allocated.chunks()) {
            appendOnPvs(lv, type, newSegment(type, c.areas().size(), options).fields(), c.length(), c.areas());
        }
        mergeSegments(lv);
    }

    @Override
    public void appendPlain(LvView lv, List<PvExtents> pieces) {
        appendAllocated(lv, types.plain(), SegmentOptions.DEFAULTS, new Allocated(
                pieces.stream().map(p -> new Allocated.Chunk(p.count(), List.of(p))).toList(), List.of()));
    }

    /**
     * LVM2's {@code vg_validate} at the write, run by the operation once the type's code has
     * returned: each LV the type made or renamed, in the VG's list order, has a {@code VG-LV} name
     * short enough for LVM2 to map.
     */
    public void requireNamesFit() {
        for (LogicalVolume lv : vg.lvs()) {
            if (named.contains(lv)) {
                LvmNameRules.requireFits(vg.name(), lv.name());
            }
        }
    }

    /**
     * A name LVM2 could read back: valid but for its length, which {@link #requireNamesFit} checks
     * (a name too long to be valid is too long for {@code VG-LV} too). The names LVM2 keeps for
     * itself ({@code _cmeta}, {@code _mimage_0}) are what types make here.
     */
    private void requireName(String name) {
        LvmNameRules.NameError error = name == null ? null : LvmNameRules.validate(name);
        if (name == null || error != null && error != LvmNameRules.NameError.LENGTH) {
            throw new LvstackException("Logical volume name \"" + name + "\" is invalid.");
        }
    }

    /** The LV's own policy, then the VG's, for an existing LV; the command's, then the VG's, for a new one. */
    private AllocPolicy policy(LogicalVolume owner) {
        String first = owner == null
                ? (commandPolicy == AllocPolicy.INHERIT ? null : commandPolicy.word())
                : owner.properties().allocationPolicy();
        for (String word : new String[] {first, vg.properties().allocationPolicy()}) {
            if (word != null && AllocPolicy.of(word) != AllocPolicy.INHERIT) {
                return AllocPolicy.of(word);
            }
        }
        return AllocPolicy.NORMAL;
    }

    private SegmentType registered(SegmentType type) {
        if (type == null || types.byName(type.name()) != type) {
            throw new IllegalArgumentException("segment type " + (type == null ? null : type.name())
                    + " is not the registered type of that name");
        }
        return type;
    }

    private LogicalVolume lv(LvView view) {
        if (view instanceof LogicalVolume l && vg.contains(l)) {
            return l;
        }
        throw new IllegalArgumentException("LV " + (view == null ? null : view.name()) + " is not of VG " + vg.name());
    }

    private PhysicalVolume pv(PvView view) {
        if (view instanceof PhysicalVolume p && vg.contains(p)) {
            return p;
        }
        throw new IllegalArgumentException("PV " + (view == null ? null : view.id()) + " is not of VG " + vg.name());
    }

    private Segment seg(SegmentView view) {
        if (view instanceof Segment s && vg.contains(s.lv()) && s.lv().segments().contains(s)) {
            return s;
        }
        throw new IllegalArgumentException("segment " + view + " is not a segment of VG " + vg.name());
    }

    private PvRange range(PvExtents e) {
        return new PvRange(pv(e.pv()), e.start(), e.count());
    }

    private static PvExtents extents(PvRange r) {
        return new PvExtents(r.pv(), r.start(), r.count());
    }

}
