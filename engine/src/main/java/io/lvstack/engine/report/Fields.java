package io.lvstack.engine.report;

import io.lvstack.api.model.Area;
import io.lvstack.api.report.FieldValue;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields lvstack reports, with LVM2's names, headings and minimum widths
 * ({@code lib/report/columns.h}) and LVM2's way of computing each ({@code report.c}, {@code lv.c}),
 * quirks included: see docs/reports-tables-pictures.md, "Report quirks matched".
 */
final class Fields {
    /** Every field by name, in LVM2's help order. */
    static final Map<String, Field> ALL = build();

    private Fields() {
    }

    private static void add(Map<String, Field> m, String name, String heading, int width, Field.Level level,
            Function<ReportRow, Value> f) {
        m.put(name, new Field(name, heading, width, level, f));
    }

    private static Value text(String s) {
        return Value.Text.of(s);
    }

    private static Map<String, Field> build() {
        Map<String, Field> m = new LinkedHashMap<>();
        Field.Level lvl = Field.Level.LV;
        Field.Level seg = Field.Level.SEGMENT;
        Field.Level pv = Field.Level.PV;
        Field.Level vg = Field.Level.VG;
        add(m, "lv_uuid", "LV UUID", 38, lvl, r -> text(r.lv().id()));
        add(m, "lv_name", "LV", 4, lvl, r -> lvName(r.lv()));
        add(m, "lv_full_name", "LV", 4, lvl, r -> text(r.lv().fullName()));
        add(m, "lv_parent", "Parent", 0, lvl, r -> parent(r.lv()));
        add(m, "lv_layout", "Layout", 10, lvl, r -> text(r.description().layout()));
        add(m, "lv_role", "Role", 10, lvl, r -> text(r.description().role()));
        add(m, "lv_attr", "Attr", 0, lvl, r -> text(LvAttr.of(r.lv(), r.description())));
        add(m, "lv_size", "LSize", 0, lvl, r -> new Value.Size(r.lv().extentCount() * r.vg().properties().extentSize()));
        add(m, "seg_count", "#Seg", 0, lvl, r -> new Value.Number(r.lv().segments().size()));
        contributed(m, "origin", "Origin", 0);
        contributed(m, "pool_lv", "Pool", 0);
        contributed(m, "data_lv", "Data", 0);
        contributed(m, "metadata_lv", "Meta", 0);
        contributed(m, "data_percent", "Data%", 6);
        contributed(m, "metadata_percent", "Meta%", 6);
        contributed(m, "copy_percent", "Cpy%Sync", 0);
        contributed(m, "move_pv", "Move", 0);
        contributed(m, "convert_lv", "Convert", 0);
        contributed(m, "mirror_log", "Log", 0);
        // LVM2's lvseg_chunksize: a type's chunk (pools, snapshots), 0 for every other LV.
        add(m, "chunk_size", "Chunk", 0, lvl, r -> r.description().field("chunk_size") == null ? new Value.Size(0)
                : value(r.description().field("chunk_size")));
        add(m, "lv_tags", "LV Tags", 0, lvl, r -> text(String.join(",", r.lv().tags())));
        add(m, "segtype", "Type", 0, seg, r -> text(r.seg().handler().displayName(r.seg())));
        add(m, "seg_start", "Start", 0, seg, r -> new Value.Size(r.seg().le() * r.vg().properties().extentSize()));
        add(m, "seg_start_pe", "Start", 0, seg, r -> new Value.Number(r.seg().le()));
        add(m, "seg_size", "SSize", 0, seg, r -> new Value.Size(r.seg().len() * r.vg().properties().extentSize()));
        add(m, "seg_size_pe", "SSize", 0, seg, r -> new Value.Number(r.seg().len()));
        add(m, "stripes", "#Str", 0, seg, r -> new Value.Number(r.seg().areaCount()));
        add(m, "stripe_size", "Stripe", 0, seg, r -> new Value.Size(r.seg().handler().stripeSize(r.seg())));
        add(m, "region_size", "Region", 0, seg, r -> new Value.Size(r.seg().handler().regionSize(r.seg())));
        add(m, "devices", "Devices", 0, seg, r -> text(devices(r.seg())));
        add(m, "seg_pe_ranges", "PE Ranges", 0, seg, r -> text(ranges(r.seg(), false, " ")));
        add(m, "seg_le_ranges", "LE Ranges", 0, seg, r -> text(ranges(r.seg(), true, ",")));
        add(m, "vg_name", "VG", 0, vg, r -> text(r.vg().name()));
        add(m, "vg_size", "VSize", 0, vg, r -> new Value.Size(r.vg().extentCount() * r.vg().properties().extentSize()));
        add(m, "vg_free", "VFree", 0, vg, r -> new Value.Size(r.vg().freeCount() * r.vg().properties().extentSize()));
        add(m, "vg_extent_size", "Ext", 0, vg, r -> new Value.Size(r.vg().properties().extentSize()));
        add(m, "vg_extent_count", "#Ext", 0, vg, r -> new Value.Number(r.vg().extentCount()));
        add(m, "vg_free_count", "Free", 0, vg, r -> new Value.Number(r.vg().freeCount()));
        add(m, "lv_count", "#LV", 0, vg, r -> new Value.Number(r.vg().lvs().stream().filter(LogicalVolume::visible).count()));
        add(m, "pv_count", "#PV", 0, vg, r -> new Value.Number(r.vg().pvs().size()));
        add(m, "snap_count", "#SN", 0, vg, r -> new Value.Number(countIn(r.vg(), "snap_count")));
        add(m, "vg_attr", "Attr", 5, vg, r -> text(vgAttr(r.vg())));
        add(m, "pv_name", "PV", 10, pv, r -> text(r.pv().name()));
        add(m, "pv_uuid", "PV UUID", 38, pv, r -> text(r.pv().id()));
        add(m, "pv_fmt", "Fmt", 0, pv, r -> text("lvm2"));
        add(m, "pv_attr", "Attr", 0, pv, r -> text(pvAttr(r.pv())));
        add(m, "pv_size", "PSize", 0, pv, r -> new Value.Size(r.pv().peCount() * r.vg().properties().extentSize()));
        add(m, "pv_free", "PFree", 0, pv, r -> new Value.Size(r.pv().extents().freeCount()
                * r.vg().properties().extentSize()));
        add(m, "pv_used", "Used", 0, pv, r -> new Value.Size(r.pv().extents().allocatedCount()
                * r.vg().properties().extentSize()));
        add(m, "pv_pe_count", "PE", 3, pv, r -> new Value.Number(r.pv().peCount()));
        add(m, "pv_pe_alloc_count", "Alloc", 0, pv, r -> new Value.Number(r.pv().extents().allocatedCount()));
        add(m, "pvseg_start", "Start", 0, Field.Level.PVSEG, r -> new Value.Number(r.piece().pe()));
        add(m, "pvseg_size", "SSize", 0, Field.Level.PVSEG, r -> new Value.Number(r.piece().len()));
        add(m, "pv_tags", "PV Tags", 0, pv, r -> text(String.join(",", r.pv().properties().tags())));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code [name]} for hidden LVs (report/mark_hidden_devices), sorted by the bare name. */
    static Value lvName(LogicalVolume lv) {
        return new Value.Text(lv.visible() ? lv.name() : "[" + lv.name() + "]", lv.name());
    }

    /** Components (as their types mark them) show the LV of the one segment using them. */
    private static Value parent(LogicalVolume lv) {
        if (lv.visible() || !lv.component()) {
            return Value.EMPTY;
        }
        Segment user = Stack.onlyUserOrNull(lv);
        return user == null ? Value.EMPTY : lvName(user.lv());
    }

    /** An LV field whose value only segment types know; empty when none gives one, as in LVM2. */
    private static void contributed(Map<String, Field> m, String name, String heading, int width) {
        add(m, name, heading, width, Field.Level.LV, r -> value(r.description().field(name)));
    }

    private static Value value(FieldValue v) {
        if (v == null) {
            return Value.EMPTY;
        }
        if (v instanceof FieldValue.Lv l) {
            return lvName((LogicalVolume) l.lv());
        }
        if (v instanceof FieldValue.Pv p) {
            return text(((PhysicalVolume) p.pv()).name());
        }
        if (v instanceof FieldValue.Text t) {
            return text(t.text());
        }
        if (v instanceof FieldValue.Size s) {
            return new Value.Size(s.sectors());
        }
        return new Value.Number(((FieldValue.Number) v).value());
    }

    /** How many of the VG's LVs a type counts towards {@code vgField} ({@code snap_count}). */
    private static long countIn(io.lvstack.engine.graph.VolumeGroup vg, String vgField) {
        long n = 0;
        for (LogicalVolume lv : vg.lvs()) {
            if (LvDescription.of(lv).countsIn(vgField)) {
                n++;
            }
        }
        return n;
    }

    /** LVM2 prints {@code (0)} for every LV area, whatever its LE (since commit fb957ef32). */
    private static String devices(Segment seg) {
        List<String> parts = new ArrayList<>();
        for (Area a : seg.areas()) {
            if (a instanceof Area.OnPv p) {
                parts.add(((PhysicalVolume) p.pv()).name() + "(" + p.pe() + ")");
            } else if (a instanceof Area.OnLv l) {
                parts.add(l.lv().name() + "(0)");
            } else {
                parts.add("unassigned(0)");
            }
        }
        return String.join(",", parts);
    }

    /** PV ranges, and for LV areas the sub-LV's whole range, not the area's slice (LVM2's quirk). */
    private static String ranges(Segment seg, boolean bracketHidden, String separator) {
        List<String> parts = new ArrayList<>();
        for (Area a : seg.areas()) {
            if (a instanceof Area.OnPv p) {
                parts.add(((PhysicalVolume) p.pv()).name() + ":" + p.pe() + "-" + (p.pe() + seg.areaLen() - 1));
            } else if (a instanceof Area.OnLv l) {
                LogicalVolume sub = (LogicalVolume) l.lv();
                String name = bracketHidden ? ((Value.Text) lvName(sub)).text() : sub.name();
                parts.add(name + ":0-" + (sub.extentCount() - 1));
            }
        }
        return String.join(separator, parts);
    }

    /** {@code wz--n-}: permissions, resizeable, exported, partial, allocation policy, clustered or shared. */
    private static String vgAttr(io.lvstack.engine.graph.VolumeGroup vg) {
        io.lvstack.engine.graph.VgProperties p = vg.properties();
        List<String> s = p.status();
        String policy = p.allocationPolicy() == null ? "normal" : p.allocationPolicy();
        char alloc = switch (policy) {
            case "contiguous" -> 'c';
            case "cling" -> 'l';
            case "anywhere" -> 'a';
            default -> 'n';
        };
        return (s.contains("WRITE") ? "w" : "r") + (s.contains("RESIZEABLE") ? "z" : "-")
                + (s.contains("EXPORTED") ? "x" : "-") + (Partial.anyPvMissing(vg) ? "p" : "-") + alloc
                + (s.contains("CLUSTERED") ? "c" : s.contains("SHARED") ? "s" : "-");
    }

    /** {@code a--}: allocatable (or {@code u}sed in a VG but not allocatable), exported, missing. */
    private static String pvAttr(PhysicalVolume pv) {
        List<String> s = pv.properties().status();
        return (s.contains("ALLOCATABLE") ? "a" : "u") + (s.contains("EXPORTED") ? "x" : "-")
                + (Partial.missing(pv) ? "m" : "-");
    }
}
