package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lvrename VG/OLD NEW}: sub-LVs named after their parent ({@code OLD_mimage_0},
 * {@code OLD_mlog}, ...) are renamed with it, as LVM2's {@code lv_rename_update} does.
 */
public final class LvRename {

    public List<String> run(VolumeGroup vg, String oldName, String newName) {
        LogicalVolume lv = vg.lv(oldName);
        if (lv == null) {
            throw new LvstackException("Existing logical volume \"" + oldName + "\" not found in volume group \""
                    + vg.name() + "\"");
        }
        if (oldName.equals(newName)) {
            throw new LvstackException("Old and new logical volume names must differ");
        }
        if (vg.lv(newName) != null) {
            throw new LvstackException("Logical Volume \"" + newName + "\" already exists in volume group \""
                    + vg.name() + "\"");
        }
        WriteGuard.check(lv, "rename");
        List<LogicalVolume> subs = new ArrayList<>();
        for (LogicalVolume other : vg.lvs()) {
            if (other != lv && other.name().startsWith(oldName + "_") && io.lvstack.engine.graph.Stack
                    .ancestors(other).contains(lv)) {
                subs.add(other);
            }
        }
        vg.apply(ed -> {
            ed.renameLv(lv, newName);
            for (LogicalVolume sub : subs) {
                ed.renameLv(sub, newName + sub.name().substring(oldName.length()));
            }
            ed.raiseSeqno();
        });
        return List.of("  Renamed \"" + oldName + "\" to \"" + newName + "\" in volume group \"" + vg.name() + "\"");
    }
}
