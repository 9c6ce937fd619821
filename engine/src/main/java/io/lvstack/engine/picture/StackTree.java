package io.lvstack.engine.picture;

import io.lvstack.api.model.Area;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.report.Units;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack as an indented text tree, as {@code lsblk} draws block devices: each top LV (one no
 * segment uses) a root, what it maps onto below it, PV ranges as leaves. An LV several segments
 * use appears under each. A multi-segment LV shows its segments as lines of their own; a
 * one-segment LV's areas hang directly under it. Columns: NAME (the tree), TYPE (segment types,
 * {@code pv} for a PV range), SIZE (right-aligned, in the given units), RANGE (the LEs of an LV
 * its user maps, a segment's own LEs, a PV's PEs).
 */
public final class StackTree {
    private static final List<String> HEADINGS = List.of("NAME", "TYPE", "SIZE", "RANGE");

    private StackTree() {
    }

    /** One printed line, before alignment. */
    record Line(String name, String type, String size, String range) {
        String cell(int column) {
            return switch (column) {
                case 0 -> name;
                case 1 -> type;
                case 2 -> size;
                default -> range;
            };
        }
    }

    /** Something still to print: an LV (reached how), a segment line, or a PV range. */
    private record Item(Object what, String suffix, String range, String indent, boolean last, boolean root) {
    }

    /** The whole VG: every LV that no segment uses is a root, in metadata order. */
    public static String write(VolumeGroup vg, Units units, boolean headings) {
        List<LogicalVolume> roots = new ArrayList<>();
        for (LogicalVolume lv : vg.lvs()) {
            if (lv.userCount() == 0) {
                roots.add(lv);
            }
        }
        return write(vg, roots, units, headings);
    }

    /** The trees of {@code roots}, in the order given. */
    public static String write(VolumeGroup vg, List<LogicalVolume> roots, Units units, boolean headings) {
        Map<PhysicalVolume, String> pvNames = new HashMap<>();
        for (PhysicalVolume pv : vg.pvs()) {
            pvNames.put(pv, "pv" + pvNames.size());
        }
        long extentSize = vg.properties().extentSize();
        List<Line> lines = new ArrayList<>();
        if (headings) {
            lines.add(new Line(HEADINGS.get(0), HEADINGS.get(1), HEADINGS.get(2), HEADINGS.get(3)));
        }
        // An explicit stack: a deep stack of layers must not overflow the Java one.
        Deque<Item> todo = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            todo.push(new Item(roots.get(i), "", "", "", false, true));
        }
        while (!todo.isEmpty()) {
            Item item = todo.pop();
            String branch = item.root() ? "" : item.indent() + (item.last() ? "\u2514\u2500" : "\u251c\u2500");
            String below = item.root() ? "" : item.indent() + (item.last() ? "  " : "\u2502 ");
            List<Item> children = new ArrayList<>();
            if (item.what() instanceof LogicalVolume lv) {
                lines.add(new Line(branch + (lv.visible() ? lv.name() : "[" + lv.name() + "]") + item.suffix(),
                        types(lv), units.format(lv.extentCount() * extentSize), item.range()));
                if (lv.segments().size() == 1) {
                    addChildren(lv.segments().get(0), pvNames, units, extentSize, children);
                } else {
                    for (Segment s : lv.segments()) {
                        children.add(new Item(s, "", "", "", false, false));
                    }
                }
            } else if (item.what() instanceof Segment s) {
                lines.add(new Line(branch + "segment" + s.number(), StackPicture.typeName(s),
                        units.format(s.len() * extentSize), "LE " + StackPicture.range(s.le(), s.len())));
                addChildren(s, pvNames, units, extentSize, children);
            } else {
                PvRange r = (PvRange) item.what();
                lines.add(new Line(branch + r.name(), "pv", units.format(r.len() * extentSize),
                        "PE " + StackPicture.range(r.pe(), r.len())));
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                Item c = children.get(i);
                todo.push(new Item(c.what(), c.suffix(), c.range(), below, i == children.size() - 1, false));
            }
        }
        return align(lines);
    }

    /** A PV range a segment maps onto: {@code pv0 /dev/loop4}, its PEs. */
    private record PvRange(String name, long pe, long len) {
    }

    /** A segment's areas in order, then the LVs its roles hold, marked with the role. */
    private static void addChildren(Segment s, Map<PhysicalVolume, String> pvNames, Units units, long extentSize,
            List<Item> children) {
        for (Area a : s.areas()) {
            if (a instanceof Area.OnPv p) {
                PhysicalVolume pv = (PhysicalVolume) p.pv();
                String name = pvNames.get(pv) + (pv.device().isEmpty() ? "" : " " + pv.device());
                children.add(new Item(new PvRange(name, p.pe(), s.areaLen()), "", "", "", false, false));
            } else if (a instanceof Area.OnLv l) {
                children.add(new Item(l.lv(), "", "LE " + StackPicture.range(l.le(), s.areaLen()), "", false, false));
            }
        }
        for (Map.Entry<ReferenceRole, LogicalVolume> r : s.references().entrySet()) {
            children.add(new Item(r.getValue(), " (" + r.getKey().name() + ")", "", "", false, false));
        }
    }

    /** The distinct types of an LV's segments, in segment order: {@code linear}, {@code striped,linear}. */
    private static String types(LogicalVolume lv) {
        Set<String> types = new LinkedHashSet<>();
        for (Segment s : lv.segments()) {
            types.add(StackPicture.typeName(s));
        }
        return String.join(",", types);
    }

    /** Columns two spaces apart, SIZE right-aligned, no trailing blanks. */
    private static String align(List<Line> lines) {
        int[] width = new int[HEADINGS.size()];
        for (Line l : lines) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], l.cell(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (Line l : lines) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                String cell = l.cell(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 2 ? pad + cell : cell + pad).append(c < width.length - 1 ? "  " : "");
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            out.append(line, 0, end).append('\n');
        }
        return out.toString();
    }
}
