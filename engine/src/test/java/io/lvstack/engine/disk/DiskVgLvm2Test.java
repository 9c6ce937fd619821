package io.lvstack.engine.disk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import io.lvstack.engine.text.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of PV images real LVM2 wrote, read by lvstack from the images alone, against what
 * LVM2 itself said about the same devices: its {@code vgcfgbackup} and its reports. LVM2 named
 * the devices {@code /dev/loopN}; lvstack names them by the image paths it was given, so the
 * comparison first puts LVM2's names in.
 */
class DiskVgLvm2Test {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine()).withZone(ZoneOffset.UTC);
    private static final DiskVgReader READER = new DiskVgReader(FORMAT, ParseOptions.fileForm());
    static final String LVS_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,stripes,"
            + "stripe_size,region_size,mirror_log,lv_attr";

    @TempDir
    Path dir;

    static List<String> cases() {
        return DiskCases.names();
    }

    /** Reads the case and renames its devices to LVM2's names. */
    private DiskVg read(String name) throws Exception {
        List<Path> images = DiskCases.unpack(name, dir);
        List<byte[]> before = new ArrayList<>();
        for (Path p : images) {
            before.add(Files.readAllBytes(p));
        }
        DiskVg disk = READER.read(images, List.of(), null);
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(before.get(i), Files.readAllBytes(images.get(i)), "nothing is written to " + images.get(i));
        }
        Map<String, String> loops = DiskCases.loopNames(name);
        VolumeGroup vg = disk.vg().vg();
        vg.load(ed -> {
            for (PhysicalVolume pv : vg.pvs()) {
                Path found = disk.devices().get(pv.id());
                if (found != null) {
                    ed.setPvProperties(pv, pv.properties().withDevice(loops.get(found.getFileName().toString())));
                }
            }
        });
        return disk;
    }

    /** From the VG's section on: the header lines name the command that wrote each text. */
    private static String body(String text, String vgName) {
        return text.substring(text.indexOf("\n" + vgName + " {\n") + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theMetadataIsWhatVgcfgbackupWrote(String name) throws Exception {
        DiskVg disk = read(name);
        VolumeGroup vg = disk.vg().vg();
        String ours = FORMAT.write(vg, disk.vg().header(), MetadataFormat.Form.FILE);
        assertEquals(body(DiskCases.read(name, "vgcfgbackup.vg"), vg.name()), body(ours, vg.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReportsAreLvm2s(String name) throws Exception {
        VolumeGroup vg = read(name).vg().vg();
        Units sectors = Units.parse("s", true);
        Report lvs = ReportBuilder.build(vg, ReportKind.LVS, LVS_FIELDS, null, true);
        assertEquals(DiskCases.read(name, "lvs.json"), ReportFormat.json(lvs, sectors), "lvs.json");
        Report pvsegs = ReportBuilder.build(vg, ReportKind.PVSEGS, "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges",
                null, false);
        assertEquals(DiskCases.read(name, "pvsegs.json"), ReportFormat.json(pvsegs, sectors), "pvsegs.json");
        assertEquals(DiskCases.read(name, "lvs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg, ReportKind.LVS,
                null, null, true), Units.human(), ReportFormat.Basic.DEFAULT), "lvs -a");
        assertEquals(DiskCases.read(name, "pvs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg, ReportKind.PVS,
                null, null, false), Units.human(), ReportFormat.Basic.DEFAULT), "pvs");
        assertEquals(DiskCases.read(name, "vgs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg, ReportKind.VGS,
                null, null, false), Units.human(), ReportFormat.Basic.DEFAULT), "vgs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCopyUsedIsTheOneTheIndependentReaderFound(String name) throws Exception {
        DiskVg disk = read(name);
        String raw = DiskCases.read(name, "raw.txt");
        assertTrue(raw.contains("seqno " + disk.copy().seqno() + ","), "seqno " + disk.copy().seqno() + " in raw.txt");
        assertEquals(raw.contains(" WRAPS: "), disk.copy().wrapped(), raw);
    }
}
