package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.LvMark;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PoolMetadataSpare;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.Stack;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.api.SegmentType;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.engine.Engine;
import io.lvstack.engine.segtype.PluginCall;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import java.util.ArrayList;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code lvremove VG/LV}: removes the LV and the components only it uses (whatever its types mark
 * as components: a mirror's legs and log, a pool's data and metadata), as LVM2 removes a mirror
 * with its legs, and with the last pool the VG's pool-metadata spare; LVs under a striped segment are left, as LVM2 leaves them. Refused for a
 * component on its own, and while any segment uses the LV, naming the users.
 */
public final class LvRemove {
    private final Engine engine;
    private final LvStamp stamp;

    /** @param engine whose types' {@link LvRemover}s update what outlives a removed LV */
    public LvRemove(Engine engine, LvStamp stamp) {
        this.engine = engine;
        this.stamp = stamp;
    }

    /** Removes with {@code engine}'s types, stamping nothing new (a remover makes no LV). */
    public LvRemove(Engine engine) {
        this(engine, LvStamp.now());
    }

    public List<String> run(VolumeGroup vg, String lvName) {
        return run(vg, lvName, false);
    }

    /**
     * Removes {@code lvName} and returns LVM2's messages.
     *
     * @param withDependents {@code -y}: the LVs LVM2 removes first (a pool's thin LVs, an origin's
     *                       snapshots, as their types say) go too; without it they keep the LV
     */
    public List<String> run(VolumeGroup vg, String lvName, boolean withDependents) {
        return run(vg, lvName, withDependents, new ArrayList<>());
    }

    /** As {@link #run(VolumeGroup, String, boolean)}, adding LVM2's lines to {@code messages} as they arise. */
    public List<String> run(VolumeGroup vg, String lvName, boolean withDependents, List<String> messages) {
        LogicalVolume named = LvLookup.find(vg, lvName);
        vg.apply(ed -> {
            remove(ed, vg, named, withDependents, messages);
            ed.raiseSeqno();
        });
        return messages;
    }

    private void remove(StackEditor ed, VolumeGroup vg, LogicalVolume named, boolean withDependents,
            List<String> messages) {
        // a component LVM2 shows (a COW store) is the face of the LV using it: both go
        LogicalVolume lv = named.has(LvMark.SHOWN) && named.component() && Stack.onlyUserOrNull(named) != null
                ? Stack.onlyUserOrNull(named).lv() : named;
        for (LvMark mark : lv.marks()) {
            if (mark.component()) {
                throw new LvstackException("Can't remove logical volume " + lv.fullName() + " " + mark.usedAs() + ".");
            }
        }
        WriteGuard.check(lv, "remove");
        List<LogicalVolume> dependents = dependents(lv);
        if (!dependents.isEmpty() && !withDependents) {
            // LVM2 asks; without -y there is no one to answer, and no answer is no
            messages.add("Removing " + (isPool(lv) ? "pool " : "") + lv.fullName() + " will remove "
                    + dependents.size() + " dependent volume(s). Proceed? [y/n]: [n]");
            throw new LvstackException("Logical volume " + lv.fullName() + " not removed.");
        }
        for (LogicalVolume dependent : dependents) {
            if (vg.contains(dependent)) {
                remove(ed, vg, dependent, true, messages);
            }
        }
        // the types update what outlives the LV first: they may let go of references to it
        for (Segment seg : List.copyOf(lv.segments())) {
            Optional<LvRemover> remover = seg.handler().remover();
            if (remover.isPresent() && lv.segments().indexOf(seg) == firstOfType(lv, seg)) {
                remover.get().removing(lv, editor(ed, seg, messages));
            }
        }
        if (lv.userCount() > 0) {
            throw new LvstackException("Can't remove logical volume " + lv.fullName() + " used by "
                    + Stack.describeUsers(lv));
        }
        List<LogicalVolume> doomed = withSubLvs(lv);
        doomed.addAll(spareLeftWithoutPool(vg, doomed));
        for (LogicalVolume each : doomed) {
            ed.removeLv(each);
        }
        messages.add("  Logical volume \"" + named.name() + "\" successfully removed.");
    }

    /** What the types of the segments using {@code lv} remove before it, each once, in link order. */
    private static List<LogicalVolume> dependents(LogicalVolume lv) {
        Set<LogicalVolume> out = new LinkedHashSet<>();
        for (Segment user : List.copyOf(lv.users())) {
            Optional<LvRemover> remover = user.handler().remover();
            if (remover.isPresent()) {
                for (var d : remover.get().dependents(lv)) {
                    if (!(d instanceof LogicalVolume dependent) || !lv.vg().contains(dependent)) {
                        throw PluginCall.failure(user.type(), "remover.dependents", lv.fullName(),
                                new IllegalStateException("named " + d + ", which is no LV of " + lv.vg().name()));
                    }
                    out.add(dependent);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The editor a type's remover changes the VG through; what it says goes out with lvremove's own lines. */
    private PluginEditor editor(StackEditor ed, Segment seg, List<String> messages) {
        return new PluginEditor(engine, ed, registered(seg), new LvmAllocator(), stamp, AllocPolicy.INHERIT,
                messages);
    }

    /**
     * The VG's pool-metadata spare ({@code lvol0_pmspare}, known by its name as LVM2 knows it)
     * when the removal takes the last pool with it: LVM2 removes the spare then, and keeps it
     * while another pool remains. A pool is what a type declares with {@link SegmentCapability#POOL}.
     */
    private static List<LogicalVolume> spareLeftWithoutPool(VolumeGroup vg, List<LogicalVolume> doomed) {
        if (doomed.stream().noneMatch(LvRemove::isPool)) {
            return List.of();
        }
        Set<LogicalVolume> gone = new LinkedHashSet<>(doomed);
        List<LogicalVolume> spares = new ArrayList<>();
        for (LogicalVolume other : vg.lvs()) {
            if (gone.contains(other)) {
                continue;
            }
            if (isPool(other)) {
                return List.of();
            }
            if (PoolMetadataSpare.is(other) && other.userCount() == 0) {
                spares.add(other);
            }
        }
        return spares;
    }

    /** The index of the first segment of {@code seg}'s type in {@code lv}: each type is asked once. */
    private static int firstOfType(LogicalVolume lv, Segment seg) {
        for (int i = 0; i < lv.segments().size(); i++) {
            if (lv.segments().get(i).type() == seg.type()) {
                return i;
            }
        }
        return -1;
    }

    private SegmentType registered(Segment seg) {
        return engine.segmentTypes().byName(seg.type().name());
    }

    private static boolean isPool(LogicalVolume lv) {
        return Stack.owns(lv, SegmentCapability.POOL);
    }

    /** The LV first, then each sub-LV once none of its users remains. */
    private static List<LogicalVolume> withSubLvs(LogicalVolume top) {
        Set<LogicalVolume> out = new LinkedHashSet<>();
        List<LogicalVolume> todo = new ArrayList<>(List.of(top));
        while (!todo.isEmpty()) {
            LogicalVolume lv = todo.remove(0);
            if (!out.add(lv)) {
                continue;
            }
            for (Segment seg : lv.segments()) {
                for (var a : seg.areas()) {
                    if (a instanceof io.lvstack.api.model.Area.OnLv l && isComponent((LogicalVolume) l.lv())
                            && onlyUsedWithin((LogicalVolume) l.lv(), out)) {
                        todo.add((LogicalVolume) l.lv());
                    }
                }
                for (LogicalVolume ref : seg.references().values()) {
                    if (isComponent(ref) && onlyUsedWithin(ref, out)) {
                        todo.add(ref);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean isComponent(LogicalVolume lv) {
        return lv.component();
    }

    private static boolean onlyUsedWithin(LogicalVolume lv, Set<LogicalVolume> removed) {
        for (Segment user : lv.users()) {
            if (!removed.contains(user.lv())) {
                return false;
            }
        }
        return true;
    }
}
