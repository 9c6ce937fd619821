package io.lvstack.engine.report;

import io.lvstack.api.model.Area;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * LVM2's partial state ({@code vg_mark_partial_lvs}): a PV is missing when flagged MISSING (its
 * device was not found, or metadata says so); an LV is partial when an area lies on a missing PV
 * or on a partial LV, or its log (any role LV) is partial; a VG is partial when a PV is missing.
 */
final class Partial {
    private Partial() {
    }

    static boolean missing(PhysicalVolume pv) {
        return pv.properties().flags().contains("MISSING") || pv.properties().status().contains("MISSING");
    }

    static boolean anyPvMissing(VolumeGroup vg) {
        for (PhysicalVolume pv : vg.pvs()) {
            if (missing(pv)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code lv} is partial; walks what it stands on only in a VG with a missing PV. */
    static boolean lv(LogicalVolume lv) {
        if (!anyPvMissing(lv.vg())) {
            return false;
        }
        Set<LogicalVolume> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<LogicalVolume> todo = new ArrayDeque<>();
        todo.push(lv);
        seen.add(lv);
        while (!todo.isEmpty()) {
            for (Segment s : todo.pop().segments()) {
                for (int i = 0; i < s.areaCount(); i++) {
                    Area a = s.areaOrNull(i);
                    if (a instanceof Area.OnPv on && missing((PhysicalVolume) on.pv())) {
                        return true;
                    }
                    if (a instanceof Area.OnLv on && seen.add((LogicalVolume) on.lv())) {
                        todo.push((LogicalVolume) on.lv());
                    }
                }
                for (LogicalVolume role : s.references().values()) {
                    if (seen.add(role)) {
                        todo.push(role);
                    }
                }
            }
        }
        return false;
    }
}
