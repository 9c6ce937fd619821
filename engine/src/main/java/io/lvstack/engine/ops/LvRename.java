package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Stack;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.engine.names.NameRefusal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code lvrename VG/OLD NEW} as LVM2's {@code lv_rename_update}: the sub-LVs below the LV
 * ({@code OLD_mimage_0}, {@code OLD_mlog}, ...) take the new name with their suffix, in
 * {@code for_each_sub_lv}'s order, and a sub-LV not named after the LV stops the rename.
 */
public final class LvRename {

    public List<String> run(VolumeGroup vg, String oldName, String newName) {
        LvmNameRules.requireRenameParams(vg.name(), oldName, newName);
        LogicalVolume lv = vg.lv(oldName);
        if (lv == null) {
            throw new LvstackException("Existing logical volume \"" + oldName + "\" not found in volume group \""
                    + vg.name() + "\"");
        }
        // LVM2 renames no sub-LV on its own, pools aside
        if (!lv.visible() && !isPool(lv)) {
            throw new LvstackException("Cannot rename internal LV \"" + oldName + "\".");
        }
        if (vg.lv(newName) != null) {
            throw new LvstackException("Logical Volume \"" + newName + "\" already exists in volume group \""
                    + vg.name() + "\"");
        }
        WriteGuard.check(lv, "rename");
        if (lv.has(LvStatus.LOCKED)) {
            throw new LvstackException("Cannot rename locked LV " + oldName);
        }
        vg.apply(ed -> {
            Set<LogicalVolume> renamed = Collections.newSetFromMap(new IdentityHashMap<>());
            renameSubLvs(ed, lv, oldName, newName, renamed);
            ed.renameLv(lv, newName);
            renamed.add(lv);
            // vg_validate at the write, over the VG's LVs in order: each name with its VG must fit
            for (LogicalVolume each : vg.lvs()) {
                if (renamed.contains(each)) {
                    LvmNameRules.requireFits(vg.name(), each.name());
                }
            }
            ed.raiseSeqno();
        });
        return List.of("  Renamed \"" + oldName + "\" to \"" + newName + "\" in volume group \"" + vg.name() + "\"");
    }

    /**
     * {@code _for_each_sub_lv} with {@code _rename_skip_pools_externals_cb}: per segment the LVs in
     * roles (a log, metadata, a pool) before the LVs in areas, each renamed before its own sub-LVs;
     * a pool or cache volume keeps its name and those of the LVs below it.
     */
    private static void renameSubLvs(StackEditor ed, LogicalVolume lv, String oldName, String newName,
            Set<LogicalVolume> renamed) {
        for (Segment seg : lv.segments()) {
            List<LogicalVolume> below = new ArrayList<>(seg.references().values());
            for (Area a : seg.areas()) {
                if (a instanceof Area.OnLv on) {
                    below.add((LogicalVolume) on.lv());
                }
            }
            for (LogicalVolume sub : below) {
                // an LV two segments use is renamed once
                if (renamed.contains(sub) || isPool(sub) || sub.has(LvStatus.CACHE_VOL)) {
                    continue;
                }
                ed.renameLv(sub, subName(sub, oldName, newName));
                renamed.add(sub);
                renameSubLvs(ed, sub, oldName, newName, renamed);
            }
        }
    }

    private static boolean isPool(LogicalVolume lv) {
        return Stack.owns(lv, SegmentCapability.POOL);
    }

    /** {@code _rename_sub_lv}: the new name of {@code sub}, refused as LVM2 refuses it. */
    private static String subName(LogicalVolume sub, String oldName, String newName) {
        String name = sub.name();
        if (!name.startsWith(oldName) || name.length() == oldName.length() || name.charAt(oldName.length()) != '_') {
            throw NameRefusal.failed("Cannot rename \"" + oldName + "\": name format not recognized for internal LV \""
                    + name + "\"");
        }
        String renamed = newName + name.substring(oldName.length());
        if (!LvmNameRules.isValid(renamed)) {
            throw NameRefusal.failed("Cannot rename \"" + name + "\". New logical volume name \"" + renamed
                    + "\" is invalid.");
        }
        if (sub.has(LvStatus.LOCKED)) {
            throw new LvstackException("Cannot rename locked LV " + name);
        }
        return renamed;
    }
}
