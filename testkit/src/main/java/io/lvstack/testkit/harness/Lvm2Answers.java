package io.lvstack.testkit.harness;

import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.report.ReportKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The reports LVM2 printed for a metadata file {@code NAME.vg}, kept next to it as lvstack's
 * LVM2 corpus keeps them ({@code engine/src/test/resources/corpus/README.md}) and
 * {@code tools/lvm2-oracle} writes them, and the same reports from the engine:
 * <ul>
 * <li>{@code NAME.lvs.json}, {@code NAME.lvs.txt}: {@code lvs -a --units s --nosuffix -o}
 *     {@value #LVS_FIELDS}, in JSON and plain form;</li>
 * <li>{@code NAME.lvs.default.txt}: {@code lvs -a};</li>
 * <li>{@code NAME.pvs.default.txt}: {@code pvs} of the VG's PVs;</li>
 * <li>{@code NAME.pvsegs.json}, {@code NAME.pvsegs.txt}: {@code pvs --segments --units s --nosuffix -o}
 *     {@value #PVSEGS_FIELDS}, of the VG's PVs.</li>
 * </ul>
 */
public final class Lvm2Answers {
    /** The fields of {@code NAME.lvs.json} and {@code NAME.lvs.txt}. */
    public static final String LVS_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,"
            + "stripes,stripe_size,region_size,mirror_log,lv_attr";
    /** The fields of {@code NAME.pvsegs.json} and {@code NAME.pvsegs.txt}. */
    public static final String PVSEGS_FIELDS = "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges";

    private record Answer(String suffix, Function<ReportRequest, String> report, ReportKind kind) {
    }

    private static final List<Answer> ANSWERS = List.of(
            new Answer(".lvs.json", r -> r.all().units("s").nosuffix().fields(LVS_FIELDS).json(), ReportKind.LVS),
            new Answer(".lvs.txt", r -> r.all().units("s").nosuffix().fields(LVS_FIELDS).plain(), ReportKind.LVS),
            new Answer(".lvs.default.txt", r -> r.all().plain(), ReportKind.LVS),
            new Answer(".pvs.default.txt", ReportRequest::plain, ReportKind.PVS),
            new Answer(".pvsegs.json", r -> r.units("s").nosuffix().fields(PVSEGS_FIELDS).json(), ReportKind.PVSEGS),
            new Answer(".pvsegs.txt", r -> r.units("s").nosuffix().fields(PVSEGS_FIELDS).plain(), ReportKind.PVSEGS));

    private Lvm2Answers() {
    }

    static List<String> assertMatch(PluginHarness harness, Path vgFile) {
        String file = vgFile.getFileName().toString();
        if (!file.endsWith(".vg")) {
            throw new IllegalArgumentException(vgFile + " is not named NAME.vg");
        }
        String name = file.substring(0, file.length() - 3);
        VolumeGroup vg = null;
        List<String> compared = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (Answer a : ANSWERS) {
            Path answer = vgFile.resolveSibling(name + a.suffix());
            if (!Files.isRegularFile(answer)) {
                continue;
            }
            if (vg == null) {
                vg = harness.read(vgFile).vg();
            }
            compared.add(answer.getFileName().toString());
            String difference = Texts.firstDifference(Texts.read(answer), a.report().apply(harness.report(vg, a.kind())));
            if (difference != null) {
                differences.add(answer.getFileName() + ": " + difference);
            }
        }
        if (compared.isEmpty()) {
            throw new AssertionError("no LVM2 answer (" + name + ".lvs.json, ...) next to " + vgFile);
        }
        if (!differences.isEmpty()) {
            throw new AssertionError("lvstack's reports of " + vgFile + " differ from LVM2's:\n  - "
                    + String.join("\n  - ", differences));
        }
        return compared;
    }
}
