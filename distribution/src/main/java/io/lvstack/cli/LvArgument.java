package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;

/** An LV named on the command line of a read-only command: {@code LV}, {@code VG/LV} or {@code /dev/VG/LV}. */
final class LvArgument {
    private LvArgument() {
    }

    /** The LV, or LVM2's message: the VG named is not the file's, or it has no such LV. */
    static LogicalVolume find(VolumeGroup vg, String arg) {
        String a = arg.startsWith("/dev/") ? arg.substring(5) : arg;
        int slash = a.indexOf('/');
        String lvName = a;
        if (slash >= 0) {
            MutationRun.checkVg(vg, a.substring(0, slash));
            lvName = a.substring(slash + 1);
        }
        LogicalVolume lv = vg.lv(lvName);
        if (lv == null) {
            throw new LvstackException("Failed to find logical volume \"" + vg.name() + "/" + lvName + "\"");
        }
        return lv;
    }
}
