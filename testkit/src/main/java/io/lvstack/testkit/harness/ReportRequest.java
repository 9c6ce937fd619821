package io.lvstack.testkit.harness;

import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import java.util.List;

/**
 * One report as {@code lvs}, {@code pvs}, {@code pvs --segments} or {@code vgs} would print it,
 * set up with the options of those commands; LVM2's defaults until set: the kind's default fields
 * and sort, no hidden LVs, human units with suffix, every LV or PV. Made by
 * {@link PluginHarness#report}; not thread-safe.
 */
public final class ReportRequest {
    private final VolumeGroup vg;
    private final ReportKind kind;
    private String fields;
    private String sort;
    private boolean all;
    private String units = "h";
    private boolean nosuffix;
    private List<String> names = List.of();

    ReportRequest(VolumeGroup vg, ReportKind kind) {
        this.vg = vg;
        this.kind = kind;
    }

    /** {@code -o FIELDS}, a leading {@code +} adding to the defaults. */
    public ReportRequest fields(String list) {
        fields = list;
        return this;
    }

    /** {@code -O KEYS}, a leading {@code -} for descending. */
    public ReportRequest sort(String keys) {
        sort = keys;
        return this;
    }

    /** {@code -a}: hidden LVs too. */
    public ReportRequest all() {
        all = true;
        return this;
    }

    /** {@code --units U} ({@code h H s S b B k K m M g G t T p P e E}). */
    public ReportRequest units(String unit) {
        units = unit;
        return this;
    }

    /** {@code --nosuffix}. */
    public ReportRequest nosuffix() {
        nosuffix = true;
        return this;
    }

    /** Only these LVs ({@code lv} or {@code vg/lv}) or PVs (device names). */
    public ReportRequest names(String... lvsOrPvs) {
        names = List.of(lvsOrPvs);
        return this;
    }

    /** The report itself, for assertions on values. */
    public Report report() {
        return ReportBuilder.build(vg, kind, fields, sort, all, names);
    }

    /** LVM2's plain form: headings and columns, as {@code lvs} prints by default. */
    public String plain() {
        return ReportFormat.basic(report(), Units.parse(units, nosuffix), ReportFormat.Basic.DEFAULT);
    }

    /** LVM2's JSON form ({@code --reportformat json}). */
    public String json() {
        return ReportFormat.json(report(), Units.parse(units, nosuffix));
    }
}
