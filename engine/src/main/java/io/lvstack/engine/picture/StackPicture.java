package io.lvstack.engine.picture;

import io.lvstack.api.model.Area;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.Stack;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.report.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a picture of a stack shows, independent of how it is drawn: one box per LV with a row per
 * segment, one box per PV with a row per PE range the drawn segments use, and the arrows from
 * segments down to what they map onto. Built once from a {@link VolumeGroup}; immutable after.
 *
 * <p>Order is the metadata's (LVs in list order, segments in LE order, PVs in VG order, arrows
 * segment by segment, area by area), so the same VG always gives the same picture.
 */
public record StackPicture(String vgName, List<LvBox> lvs, List<PvBox> pvs, List<Arrow> arrows) {

    public StackPicture {
        lvs = List.copyOf(lvs);
        pvs = List.copyOf(pvs);
        arrows = List.copyOf(arrows);
    }

    /** An LV: its node id, name, whether hidden (not VISIBLE), size as lvs prints it, its segments. */
    public record LvBox(String id, String name, boolean hidden, String size, List<SegmentRow> segments) {
        public LvBox {
            segments = List.copyOf(segments);
        }

        /** {@code [name]} for a hidden LV, as lvs -a shows it. */
        public String title() {
            return hidden ? "[" + name + "]" : name;
        }
    }

    /** One segment of an LV: its port in the LV's box, 1-based number, type as lvs names it, extents. */
    public record SegmentRow(String port, int number, String type, long le, long len) {
        /** {@code segment1 mirror LE 0-3}. */
        public String text() {
            return "segment" + number + " " + type + " LE " + range(le, len);
        }
    }

    /** A PV: node id, name ({@code pv0}), device hint, and the PE ranges the picture uses. */
    public record PvBox(String id, String name, String device, List<PeRow> ranges) {
        public PvBox {
            ranges = List.copyOf(ranges);
        }
    }

    /** PE range {@code [pe, pe + len)} of a PV, with its port. */
    public record PeRow(String port, long pe, long len) {
        public String text() {
            return "PE " + range(pe, len);
        }
    }

    /** What an arrow stands for: LV areas (an upward link), a PV area, or an LV held by a role. */
    public enum Kind {
        LV_AREAS, PV_AREA, ROLE
    }

    /**
     * An arrow from a segment's port to a box (its header port) or to a PV range's port.
     * {@code label} is what the arrow says: the LE ranges used with {@code ×N} when the segment
     * holds N &gt; 1 references to the LV, the role's name for a role, nothing for a PV area.
     */
    public record Arrow(Kind kind, String fromId, String fromPort, String toId, String toPort, String label) {
    }

    /** The port of an LV's or PV's header row, where arrows to the whole volume end. */
    public static final String HEADER_PORT = "h";

    /** The whole VG. */
    public static StackPicture of(VolumeGroup vg) {
        return build(vg, vg.lvs());
    }

    /** {@code top} and everything below it. */
    public static StackPicture of(VolumeGroup vg, LogicalVolume top) {
        Set<LogicalVolume> chosen = new HashSet<>(Stack.subLvs(top));
        chosen.add(top);
        List<LogicalVolume> inOrder = new ArrayList<>();
        for (LogicalVolume lv : vg.lvs()) {
            if (chosen.contains(lv)) {
                inOrder.add(lv);
            }
        }
        return build(vg, inOrder);
    }

    private static StackPicture build(VolumeGroup vg, List<LogicalVolume> lvs) {
        Units units = Units.human();
        long extentSize = vg.properties().extentSize();
        List<LvBox> boxes = new ArrayList<>(lvs.size());
        List<Arrow> arrows = new ArrayList<>();
        Map<PhysicalVolume, TreeMap<Long, Long>> used = new LinkedHashMap<>();
        Map<PhysicalVolume, String> pvNames = new HashMap<>();
        for (PhysicalVolume pv : vg.pvs()) {
            pvNames.put(pv, "pv" + pvNames.size());
        }
        for (LogicalVolume lv : lvs) {
            List<SegmentRow> rows = new ArrayList<>();
            for (Segment s : lv.segments()) {
                SegmentRow row = new SegmentRow("s" + s.number(), s.number(), typeName(s), s.le(), s.len());
                rows.add(row);
                addArrows(s, lvId(lv), row.port(), arrows, used, pvNames);
            }
            boxes.add(new LvBox(lvId(lv), lv.name(), !lv.visible(), units.format(lv.extentCount() * extentSize), rows));
        }
        List<PvBox> pvs = new ArrayList<>();
        for (PhysicalVolume pv : vg.pvs()) {
            TreeMap<Long, Long> ranges = used.get(pv);
            if (ranges == null) {
                continue;
            }
            List<PeRow> rows = new ArrayList<>(ranges.size());
            ranges.forEach((pe, len) -> rows.add(new PeRow(pePort(pe), pe, len)));
            pvs.add(new PvBox(pvId(pvNames.get(pv)), pvNames.get(pv), pv.device(), rows));
        }
        return new StackPicture(vg.name(), boxes, pvs, arrows);
    }

    /**
     * The arrows of one segment, in area order: one per PV area; one per LV it maps onto (all
     * its areas on that LV together, which is one upward link); then one per role.
     */
    private static void addArrows(Segment s, String from, String port, List<Arrow> arrows,
            Map<PhysicalVolume, TreeMap<Long, Long>> used, Map<PhysicalVolume, String> pvNames) {
        Map<LogicalVolume, List<String>> lvRanges = new LinkedHashMap<>();
        Map<LogicalVolume, Integer> lvArrowAt = new LinkedHashMap<>();
        for (Area a : s.areas()) {
            if (a instanceof Area.OnPv p) {
                PhysicalVolume pv = (PhysicalVolume) p.pv();
                used.computeIfAbsent(pv, k -> new TreeMap<>()).merge(p.pe(), s.areaLen(), Math::max);
                arrows.add(new Arrow(Kind.PV_AREA, from, port, pvId(pvNames.get(pv)), pePort(p.pe()), ""));
            } else if (a instanceof Area.OnLv l) {
                LogicalVolume lv = (LogicalVolume) l.lv();
                if (!lvArrowAt.containsKey(lv)) {
                    lvArrowAt.put(lv, arrows.size());
                    arrows.add(null); // its label is known once every area is seen
                }
                lvRanges.computeIfAbsent(lv, k -> new ArrayList<>()).add(range(l.le(), s.areaLen()));
            }
        }
        lvArrowAt.forEach((lv, at) -> arrows.set(at, new Arrow(Kind.LV_AREAS, from, port, lvId(lv), HEADER_PORT,
                "LE " + String.join(", ", lvRanges.get(lv)) + times(lv.userCount(s)))));
        for (Map.Entry<ReferenceRole, LogicalVolume> r : s.references().entrySet()) {
            LogicalVolume lv = r.getValue();
            String count = lvArrowAt.containsKey(lv) ? "" : times(lv.userCount(s));
            arrows.add(new Arrow(Kind.ROLE, from, port, lvId(lv), HEADER_PORT, r.getKey().name() + count));
        }
    }

    /** {@code " ×N"} for a link holding N &gt; 1 references, else nothing. */
    static String times(int count) {
        return count > 1 ? " \u00d7" + count : "";
    }

    /** The type as lvs shows it ({@code linear} for a one-stripe striped segment). */
    static String typeName(Segment s) {
        return s.handler().displayName(s);
    }

    static String range(long start, long len) {
        return start + "-" + (start + len - 1);
    }

    static String lvId(LogicalVolume lv) {
        return "lv:" + lv.name();
    }

    /** PVs are named as the metadata keys them, {@code pv0}, {@code pv1}, ..., by their place in the VG. */
    static String pvId(String pvName) {
        return "pv:" + pvName;
    }

    static String pePort(long pe) {
        return "pe" + pe;
    }
}
