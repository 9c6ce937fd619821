package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;

/** Finds the LV a command names, with LVM2's message when there is none. */
final class LvLookup {
    private LvLookup() {
    }

    static LogicalVolume find(VolumeGroup vg, String name) {
        LogicalVolume lv = vg.lv(name);
        if (lv == null) {
            throw new LvstackException("Failed to find logical volume \"" + vg.name() + "/" + name + "\"");
        }
        return lv;
    }
}
