package io.lvstack.engine.ops.convert;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.engine.ops.PluginEditor;
import io.lvstack.engine.ops.WriteGuard;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.segtype.mirror.MirrorLog;
import io.lvstack.segtype.mirror.MirrorOps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Each step of the mirror plugin's operations ({@link MirrorOps}) as one atomic change of a VG,
 * through the engine's {@link PluginEditor} as {@code lvcreate} and {@code lvconvert} run them:
 * the plugin's conversions one at a time, with the defensive refusals the command line never
 * reaches. The LV is found (and guarded) as {@code lvconvert} finds it.
 */
final class MirrorSteps {
    private final Engine engine;
    private final ExtentAllocator allocator;
    private final LvStamp stamp;

    MirrorSteps(Engine engine, ExtentAllocator allocator, LvStamp stamp) {
        this.engine = engine;
        this.allocator = allocator;
        this.stamp = stamp;
    }

    void convertToMirror(VolumeGroup vg, String lv, int legs, MirrorLog log, long regionSize, List<PvRange> pvs) {
        on(vg, lv, (ops, l) -> {
            ops.convertToMirror(l, legs, log, regionSize, extents(pvs));
            return null;
        });
    }

    LogicalVolume createMirror(VolumeGroup vg, String name, long extents, int legs, MirrorLog log, long regionSize,
            List<PvRange> pvs) {
        return (LogicalVolume) on(vg, null, (ops, l) -> ops.createMirror(name, extents, legs, log, regionSize,
                extents(pvs)));
    }

    void addLegs(VolumeGroup vg, String lv, int count, List<PvRange> pvs) {
        on(vg, lv, (ops, l) -> {
            ops.addLegs(l, count, extents(pvs));
            return null;
        });
    }

    void collapse(VolumeGroup vg, String lv) {
        on(vg, lv, (ops, l) -> {
            ops.collapse(l);
            return null;
        });
    }

    void removeLegs(VolumeGroup vg, String lv, int count, List<PhysicalVolume> removable) {
        on(vg, lv, (ops, l) -> {
            ops.removeLegs(l, count, List.<PvView>copyOf(removable));
            return null;
        });
    }

    void toLinear(VolumeGroup vg, String lv) {
        on(vg, lv, (ops, l) -> {
            ops.toLinear(l);
            return null;
        });
    }

    LogicalVolume splitLegs(VolumeGroup vg, String lv, int count, String newName, List<PhysicalVolume> removable) {
        return (LogicalVolume) on(vg, lv, (ops, l) -> ops.splitLegs(l, count, newName, List.<PvView>copyOf(removable)));
    }

    void changeLog(VolumeGroup vg, String lv, MirrorLog log, List<PvRange> pvs) {
        on(vg, lv, (ops, l) -> {
            ops.changeLog(l, log, extents(pvs));
            return null;
        });
    }

    /** {@code step} on the LV {@code name} (none when null), in one change of {@code vg}. */
    private LvView on(VolumeGroup vg, String name, BiFunction<MirrorOps, LvView, LvView> step) {
        return vg.change(ed -> {
            LogicalVolume lv = name == null ? null : find(vg, name);
            PluginEditor editor = new PluginEditor(engine, ed, engine.segmentTypes().byName("mirror"), allocator,
                    stamp, AllocPolicy.INHERIT, new ArrayList<>());
            return step.apply(new MirrorOps(editor), lv);
        });
    }

    private static LogicalVolume find(VolumeGroup vg, String name) {
        LogicalVolume lv = vg.lv(name);
        if (lv == null) {
            throw new LvstackException("Failed to find logical volume \"" + vg.name() + "/" + name + "\"");
        }
        WriteGuard.check(lv, "convert");
        return lv;
    }

    private static List<PvExtents> extents(List<PvRange> pvs) {
        return pvs.stream().map(r -> new PvExtents(r.pv(), r.start(), r.count())).toList();
    }
}
