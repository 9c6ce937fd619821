package io.lvstack.engine.graph;

import io.lvstack.api.model.Area;
import java.util.Map;

/**
 * A complete, deterministic text rendering of a VG's graph: properties, status bits (derived
 * ones included), segments, areas, roles, upward links with counts and PV pieces. Two graphs are
 * equal in every observable respect exactly when their dumps are equal, which is what atomicity
 * tests compare.
 */
public final class GraphDump {
    private GraphDump() {
    }

    public static String of(VolumeGroup vg) {
        StringBuilder b = new StringBuilder();
        b.append("vg ").append(vg.name()).append(' ').append(vg.properties()).append('\n');
        for (PhysicalVolume pv : vg.pvs()) {
            b.append("pv ").append(pv.properties()).append('\n');
            for (PvPiece p : pv.extents().pieces()) {
                b.append("  piece ").append(p.pe()).append('+').append(p.len()).append(" -> ").append(p.segment())
                        .append(" area ").append(p.area()).append('\n');
            }
            b.append("  allocated ").append(pv.extents().allocatedCount()).append('\n');
        }
        for (LogicalVolume lv : vg.lvs()) {
            b.append("lv ").append(lv.name()).append(" id=").append(lv.id()).append(' ').append(lv.status())
                    .append(" tags=").append(lv.tags()).append(' ').append(lv.properties()).append(" extents=")
                    .append(lv.extentCount()).append('\n');
            for (Segment s : lv.segments()) {
                b.append("  seg ").append(s.le()).append('+').append(s.len()).append(" areaLen=").append(s.areaLen())
                        .append(' ').append(s.type().name()).append(' ').append(s.fields()).append(" tags=")
                        .append(s.tags()).append('\n');
                for (int i = 0; i < s.areaCount(); i++) {
                    b.append("    area ").append(i).append(' ').append(area(s.areaOrNull(i))).append('\n');
                }
                s.references().forEach((role, target) -> b.append("    ").append(role).append(' ')
                        .append(target.name()).append('\n'));
            }
            for (Map.Entry<Segment, Integer> u : lv.userCounts().entrySet()) {
                b.append("  used by ").append(u.getKey()).append(" x").append(u.getValue()).append('\n');
            }
        }
        return b.toString();
    }

    private static String area(Area a) {
        if (a instanceof Area.OnPv p) {
            return "pv " + p.pv().id() + ":" + p.pe();
        }
        if (a instanceof Area.OnLv l) {
            return "lv " + l.lv().name() + ":" + l.le();
        }
        return "unassigned";
    }
}
