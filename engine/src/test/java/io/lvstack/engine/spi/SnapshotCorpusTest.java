package io.lvstack.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.dm.TableBuilder;
import io.lvstack.engine.dm.DmTables;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvRemove;
import io.lvstack.engine.ops.LvRename;
import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snapshot plugin (on the class path) against what real LVM2 with device-mapper wrote and
 * reported for old-style COW snapshots ({@code lvm2-vm/snap*}): every file round trips byte for
 * byte and checks clean, the reports, tables and verdicts are LVM2's.
 */
class SnapshotCorpusTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine()).withZone(ZoneOffset.UTC);
    private static final Checker CHECKER = new Checker(new MetadataFormat(Lvstack.engine()));
    private static final Path VM = LayeredTablesTest.VM;
    /** The fields of {@code lvm2-vm/NAME.lvs.json} and {@code NAME.lvs.txt} (README). */
    static final String VM_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,stripes,"
            + "stripe_size,region_size,chunk_size,mirror_log,pool_lv,origin,data_lv,metadata_lv,lv_layout,lv_role,lv_attr";

    /** Every lvm2-vm file with a snapshot segment, and every step of the snap case. */
    static Stream<Path> snapshotFiles() {
        return Corpus.vgFiles(VM).stream().filter(p -> Corpus.readString(p).contains("type = \"snapshot\"")
                || p.getFileName().toString().startsWith("snap."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshotFiles")
    void readThenWriteGivesLvm2sBytes(Path file) {
        String original = Corpus.readString(file);
        ImportedVg vg = FORMAT.read(file);
        assertEquals(List.of(), LinkConsistency.problems(vg.vg()));
        assertEquals(original, FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshotFiles")
    void lvm2sFilesCheckClean(Path file) {
        CheckReport r = CHECKER.check(file);
        assertEquals(List.of(), r.problems());
    }

    @Test
    void theFilesAreThere() {
        assertEquals(9, snapshotFiles().count());
    }

    private static VolumeGroup snap() {
        return FORMAT.read(VM.resolve("snap.vg")).vg();
    }

    private static String lvm2(String suffix) {
        return Corpus.readString(VM.resolve("snap" + suffix));
    }

    @Test
    void lvsInTheCorpusFieldsIsLvm2s() {
        Report r = ReportBuilder.build(snap(), ReportKind.LVS, VM_FIELDS, null, true);
        assertEquals(lvm2(".lvs.json"), ReportFormat.json(r, Units.parse("s", true)));
        assertEquals(lvm2(".lvs.txt"), ReportFormat.basic(r, Units.parse("s", true), ReportFormat.Basic.DEFAULT));
    }

    @Test
    void defaultReportsAreLvm2s() {
        VolumeGroup vg = snap();
        assertEquals(lvm2(".lvs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg, ReportKind.LVS, null, null, true),
                Units.human(), ReportFormat.Basic.DEFAULT));
        assertEquals(lvm2(".pvs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg, ReportKind.PVS, null, null, false),
                Units.human(), ReportFormat.Basic.DEFAULT));
        assertEquals(lvm2(".vgs.default.txt"), ReportFormat.basic(ReportBuilder.build(vg, ReportKind.VGS, null, null, false),
                Units.human(), ReportFormat.Basic.DEFAULT));
        assertEquals(lvm2(".pvsegs.json"), ReportFormat.json(ReportBuilder.build(vg, ReportKind.PVSEGS,
                "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges", null, false), Units.parse("s", true)));
    }

    /** The tables the kernel had: origin on -real, each COW LV on -cow, no snapshotN. */
    @Test
    void tablesAreLvm2s() {
        DmTables t = TableBuilder.build(snap(), LayeredTablesTest.options("snap", Map.of("vgs-origin", "253:0")));
        assertEquals(List.of(), t.problems());
        assertEquals(LayeredTablesTest.corpusTable("snap"), LayeredTablesTest.dmsetup(t));
        assertEquals(LayeredTablesTest.dminfo("snap"), LayeredTablesTest.numbers(t));
    }

    private static List<String> verdict(String kind) {
        return CHECKER.check(VM.resolve("bad/" + kind + ".vg")).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void brokenSnapshotsGetLvm2sVerdict() {
        assertEquals(List.of("error: vgs/snapshot0 segment 1 cow_store: Unknown logical volume nosuchlv specified for "
                + "snapshot cow store in segment segment1 of logical volume snapshot0."), verdict("snap_cow_missing"));
        assertEquals(List.of("error: vgs/snapshot0 segment 1: LV snapshot0: segment 1 has same LV origin for both origin "
                + "and snapshot."), verdict("snap_self"));
        // LVM2 restores it (exit 0); the kernel's snapshot target refuses such a chunk
        assertTrue(Corpus.readString(VM.resolve("bad/snap_chunk_size.verdict")).startsWith("exit=0"));
        assertEquals(List.of("error: vgs/snapshot0 segment 1: LV vgs/snapshot0, segment 1 invalid: chunk size 3 is not a "
                + "power of 2 from 8 to 1024 sectors (4 KiB to 512 KiB), so the kernel's snapshot target refuses it for "
                + "snapshot segment."), verdict("snap_chunk_size"));
    }

    /** lvremove of the user's snapshot (the COW LV) removes snapshotN with it, as LVM2's step 7. */
    @Test
    void removingTheSnapshotRemovesSnapshotN() {
        ImportedVg vg = FORMAT.read(VM.resolve("snap.step6.vg"));
        assertEquals(List.of("  Logical volume \"osnap\" successfully removed."), new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg.vg(), "osnap"));
        String ours = FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
        String lvm2 = Corpus.readString(VM.resolve("snap.step7.vg"));
        assertEquals(lvs(lvm2), lvs(ours));
    }

    /** The part from logical_volumes on, which ids and times of this command do not touch. */
    private static String lvs(String text) {
        return text.substring(text.indexOf("\tlogical_volumes {"));
    }

    /** lvrename of a snapshot renames the COW LV and the name snapshotN's segment writes. */
    @Test
    void renamingASnapshotRenamesTheCowStore() {
        VolumeGroup vg = snap();
        new LvRename().run(vg, "snap1", "first");
        String ours = FORMAT.write(vg, FORMAT.read(VM.resolve("snap.vg")).header(), MetadataFormat.Form.FILE);
        assertTrue(ours.contains("\t\tfirst {\n"), ours);
        assertTrue(ours.contains("cow_store = \"first\""), ours);
        assertEquals(List.of(), CHECKER.check(vg).problems());
    }
}
