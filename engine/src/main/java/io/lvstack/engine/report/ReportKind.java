package io.lvstack.engine.report;

import java.util.List;

/** The reports of {@code lvs}, {@code pvs} and {@code vgs}: object name, default columns and sort, as LVM2's. */
public enum ReportKind {
    LVS("lv", List.of("lv_name", "vg_name", "lv_attr", "lv_size", "pool_lv", "origin", "data_percent",
            "metadata_percent", "move_pv", "mirror_log", "copy_percent", "convert_lv"), List.of("vg_name", "lv_name")),
    PVS("pv", List.of("pv_name", "vg_name", "pv_fmt", "pv_attr", "pv_size", "pv_free"), List.of("pv_name")),
    /** {@code pvs --segments}: one row per PV segment, allocated or free. */
    PVSEGS("pvseg", List.of("pv_name", "vg_name", "pv_fmt", "pv_attr", "pv_size", "pv_free", "pvseg_start",
            "pvseg_size"), List.of("pv_name", "pvseg_start")),
    VGS("vg", List.of("vg_name", "pv_count", "lv_count", "snap_count", "vg_attr", "vg_size", "vg_free"),
            List.of("vg_name"));

    private final String object;
    private final List<String> defaultFields;
    private final List<String> defaultSort;

    ReportKind(String object, List<String> defaultFields, List<String> defaultSort) {
        this.object = object;
        this.defaultFields = defaultFields;
        this.defaultSort = defaultSort;
    }

    /** The JSON key of the rows ({@code "lv"}). */
    public String object() {
        return object;
    }

    public List<String> defaultFields() {
        return defaultFields;
    }

    public List<String> defaultSort() {
        return defaultSort;
    }
}
