package io.lvstack.engine.graph;

import io.lvstack.api.SegmentType;
import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.segtype.GuardedSegmentType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A volume group: its PVs, its LVs in LVM2's list order (insertion order, which export keeps),
 * and the link hooks of the engine that made it. All changes go through {@link #change} or
 * {@link #apply}, which hand out the {@link StackEditor} and make the whole change atomic.
 *
 * <p>A volume group is not thread-safe; see docs/ARCHITECTURE.md for the concurrency model.
 */
public final class VolumeGroup {
    private String name;
    private VgProperties properties;
    private final List<PhysicalVolume> pvs = new ArrayList<>();
    /**
     * LVs in list order. A removed LV stays as a tombstone (not {@code live}) until the change
     * commits, so undo puts it back in its place; removal is O(1), unlike an array list's.
     */
    private final java.util.LinkedHashSet<LogicalVolume> lvs = new java.util.LinkedHashSet<>();
    private final Map<String, LogicalVolume> lvsByName = new HashMap<>();
    private int liveLvs;
    private final List<LinkHook> hooks;
    /** The guard each segment calls its type through: the engine registry's. */
    private final Function<SegmentType, GuardedSegmentType> guards;
    private final Journal journal = new Journal();
    private final StackEditor editor;
    private int depth;
    /** Segments per unknown type name: while any exist, extents must not change hands. */
    private final Map<String, Integer> unknownSegments = new java.util.TreeMap<>();
    private boolean loading;

    /**
     * An empty VG.
     *
     * @param hooks link hooks called for every link change, after the segment type's own hook
     */
    public VolumeGroup(String name, VgProperties properties, List<LinkHook> hooks) {
        this(name, properties, hooks, new SegmentTypeRegistry(List.of())::guard);
    }

    /**
     * An empty VG whose segments call their types through {@code guards} (the engine's
     * {@link SegmentTypeRegistry#guard}, which wrapped each type once when registering it).
     */
    public VolumeGroup(String name, VgProperties properties, List<LinkHook> hooks,
            Function<SegmentType, GuardedSegmentType> guards) {
        this.name = Objects.requireNonNull(name, "name");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.hooks = List.copyOf(hooks);
        this.guards = Objects.requireNonNull(guards, "guards");
        this.editor = new StackEditor(this, journal);
    }

    /** The guard of {@code type}, for a new segment of it. */
    GuardedSegmentType guard(SegmentType type) {
        return guards.apply(type);
    }

    public String name() {
        return name;
    }

    void name(String n) {
        this.name = n;
    }

    public VgProperties properties() {
        return properties;
    }

    void properties(VgProperties p) {
        this.properties = p;
    }

    /** PVs in VG order (the order export numbers them {@code pv0, pv1, ...}). */
    public List<PhysicalVolume> pvs() {
        return Collections.unmodifiableList(pvs);
    }

    List<PhysicalVolume> pvsInternal() {
        return pvs;
    }

    /** The live LVs in list order: a snapshot, O(LVs) per call. */
    public List<LogicalVolume> lvs() {
        List<LogicalVolume> out = new ArrayList<>(liveLvs);
        for (LogicalVolume lv : lvs) {
            if (lv.live()) {
                out.add(lv);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of live LVs. */
    public int lvCount() {
        return liveLvs;
    }

    /** Appends a new LV to the list (for {@link StackEditor}). */
    void addLv(LogicalVolume lv) {
        lvs.add(lv);
        lvsByName.put(lv.name(), lv);
        lv.live(true);
        liveLvs++;
    }

    /** Undoes {@link #addLv}. */
    void dropLv(LogicalVolume lv) {
        lvs.remove(lv);
        lvsByName.remove(lv.name());
        lv.live(false);
        liveLvs--;
    }

    /** Makes a live LV a tombstone; it leaves the list when {@code purge} runs at commit. */
    void killLv(LogicalVolume lv) {
        lvsByName.remove(lv.name());
        lv.live(false);
        liveLvs--;
    }

    void reviveLv(LogicalVolume lv) {
        lvsByName.put(lv.name(), lv);
        lv.live(true);
        liveLvs++;
    }

    void purgeLv(LogicalVolume lv) {
        if (!lv.live()) {
            lvs.remove(lv);
        }
    }

    Map<String, LogicalVolume> lvsByNameInternal() {
        return lvsByName;
    }

    public LogicalVolume lv(String lvName) {
        return lvsByName.get(lvName);
    }

    public PhysicalVolume pvById(String id) {
        for (PhysicalVolume pv : pvs) {
            if (pv.id().equals(id)) {
                return pv;
            }
        }
        return null;
    }

    List<LinkHook> hooks() {
        return hooks;
    }

    /** Whether {@code lv} is a live LV of this VG: O(1), no lookup. */
    public boolean contains(LogicalVolume lv) {
        return lv != null && lv.vg() == this && lv.live();
    }

    public boolean contains(PhysicalVolume pv) {
        return pv != null && pv.vg() == this && pvs.contains(pv);
    }

    /** Extents of all PVs. */
    public long extentCount() {
        long n = 0;
        for (PhysicalVolume pv : pvs) {
            n += pv.peCount();
        }
        return n;
    }

    public long freeCount() {
        long n = 0;
        for (PhysicalVolume pv : pvs) {
            n += pv.extents().freeCount();
        }
        return n;
    }

    /**
     * Runs {@code change} as one atomic change: if it throws, every mutation it made, including
     * those of hooks, is undone before the exception propagates. Changes may nest; the outermost
     * one decides.
     */
    public <T> T change(Function<StackEditor, T> change) {
        int mark = journal.mark();
        depth++;
        try {
            T result = change.apply(editor);
            return result;
        } catch (Throwable e) {
            // Every throwable, a checked one a hook or plugin threw sneakily included, undoes the change.
            journal.rollbackTo(mark);
            throw e;
        } finally {
            if (--depth == 0) {
                journal.commit();
            }
        }
    }

    /**
     * Builds a new VG from stored metadata: like {@link #apply}, but segments of types no
     * plugin knows may coexist with extent changes, since the text says where everything is,
     * and nothing is recorded for undo. So a failed load leaves the VG half-built: a loader
     * must discard the VG when this throws (the importer does), which is what makes loading
     * a large VG cheap.
     */
    public void load(Consumer<StackEditor> change) {
        if (loading || depth > 0) {
            throw new IllegalStateException("load must be the outermost change of a fresh VG");
        }
        loading = true;
        journal.suspend(true);
        try {
            apply(change);
        } finally {
            journal.suspend(false);
            loading = false;
        }
    }

    boolean loading() {
        return loading;
    }

    /** Names of the segment types no loaded plugin knows that segments of this VG use. */
    public java.util.Set<String> unknownSegmentTypes() {
        return java.util.Collections.unmodifiableSet(unknownSegments.keySet());
    }

    void countUnknown(String type, int delta) {
        unknownSegments.merge(type, delta, Integer::sum);
        if (unknownSegments.get(type) == 0) {
            unknownSegments.remove(type);
        }
    }

    /** {@link #change} without a result. */
    public void apply(Consumer<StackEditor> change) {
        change(ed -> {
            change.accept(ed);
            return null;
        });
    }

    @Override
    public String toString() {
        return "VG " + name;
    }
}
