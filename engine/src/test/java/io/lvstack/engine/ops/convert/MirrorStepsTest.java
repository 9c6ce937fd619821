package io.lvstack.engine.ops.convert;

import io.lvstack.segtype.mirror.MirrorLog;
import io.lvstack.segtype.mirror.MirrorMarks;
import io.lvstack.engine.ops.LvStamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.ops.FirstFreeAllocator;
import io.lvstack.engine.ops.OpsFixture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mirror plugin's operations, step by step, on corpus mirrors: LVM2's shapes (LVM2-checked files). */
class MirrorStepsTest {

    @Test
    void mirrorToLinearKeepsThePrimaryLeg() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        f.converter.toLinear(f.vg, "m");
        f.expect("disklog_to_linear");
        assertEquals(List.of("m", "other"), f.vg.lvs().stream().map(LogicalVolume::name).toList());
    }

    @Test
    void linearToDiskLogMirror() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        f.converter.toLinear(f.vg, "m");
        f.converter.convertToMirror(f.vg, "m", 2, MirrorLog.DISK, MirrorFixture.REGION, List.of());
        f.expect("linear_to_disklog");
        assertEquals(List.of("m", "other", "m_mlog", "m_mimage_0", "m_mimage_1"),
                f.vg.lvs().stream().map(LogicalVolume::name).toList());
        assertEquals(Set.of(LvStatus.READ, LvStatus.WRITE), f.vg.lv("m_mimage_1").status());
        assertEquals(Set.of(MirrorMarks.IMAGE), f.vg.lv("m_mimage_1").marks());
        assertEquals(Set.of(LvStatus.READ, LvStatus.WRITE), f.vg.lv("m_mlog").status());
        assertEquals(Set.of(MirrorMarks.LOG), f.vg.lv("m_mlog").marks());
    }

    /** The disk-log corpus mirror taken back to linear, then converted (region sizes in sectors). */
    @ParameterizedTest(name = "{3}")
    @CsvSource({
            // 64 MiB regions on a 24 MiB LV: 16 MiB, the largest power of two not above 24 MiB
            "2, DISK, 131072, linear_to_disklog_region_reduced",
            "3, CORE, 1024, linear_to_corelog_3legs",
            "2, MIRRORED, 1024, linear_to_mirroredlog"})
    void linearToMirror(int legs, MirrorLog log, long regionSize, String expected) {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        f.converter.toLinear(f.vg, "m");
        f.converter.convertToMirror(f.vg, "m", legs, log, regionSize, List.of());
        f.expect(expected);
    }

    @Test
    void createMirrorGivesLvcreatesShape() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        String before = f.text();
        f.removeLvs("m", "m_mimage_0", "m_mimage_1", "m_mlog");
        List<String> ids = List.of("W00000-0000-0000-0000-0000-0000-000001", "bnfhCt-rKCl-lZev-j37q-lPD8-KiAH-oBxhQN",
                "dEc5O7-hImE-FNM0-dMe1-PgDF-6Zha-vaoExf", "yqIgOr-3ql6-3YF2-Zlln-A0rK-w2S8-ApW2vo");
        java.util.Iterator<String> it = ids.iterator();
        MirrorSteps c = new MirrorSteps(f.engine, new FirstFreeAllocator(),
                new LvStamp(it::next, 1795573878L, "vm"));
        LogicalVolume m = c.createMirror(f.vg, "m", 6, 2, MirrorLog.DISK, 128, List.of());
        // the corpus file's top LV was written without creation time and host
        f.vg.apply(ed -> ed.setLvProperties(m, io.lvstack.engine.graph.LvProperties.NONE));
        // the corpus lists the top LV first; ours is appended after "other", which only moves it among
        // the visible LVs; compare with "other" moved behind it
        assertEquals(List.of("other", "m", "m_mimage_0", "m_mimage_1", "m_mlog"),
                f.vg.lvs().stream().map(LogicalVolume::name).toList());
        assertEquals(swapVisible(before), f.text());
    }

    /** The corpus text with the visible LVs "m" and "other" in the other order. */
    private static String swapVisible(String text) {
        int m = text.indexOf("\t\tm {");
        int other = text.indexOf("\t\tother {");
        int hidden = text.indexOf("\t\tm_mimage_0 {");
        return text.substring(0, m) + text.substring(other, hidden) + text.substring(m, other)
                + text.substring(hidden);
    }

    @Test
    void addLegToDiskLogMirrorGoesThroughTheTemporaryLayer() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        f.converter.addLegs(f.vg, "m", 1, List.of());
        f.expect("disklog_add_leg_converting");
        assertEquals(true, f.vg.lv("m").has(MirrorMarks.CONVERTING));
        f.converter.collapse(f.vg, "m");
        f.expect("disklog_add_leg_collapsed");
        assertEquals(false, f.vg.lv("m").has(MirrorMarks.CONVERTING));
    }

    @Test
    void addLegToCoreLogMirrorDirectly() {
        MirrorFixture f = new MirrorFixture("mirror_corelog");
        f.converter.addLegs(f.vg, "m", 1, List.of());
        f.expect("corelog_add_leg");
    }

    /** Legs on the given PV go first; the balance is taken from the end of the others. */
    @ParameterizedTest(name = "{2}")
    @CsvSource({
            "1, true, 3way_remove_leg_on_pv0",
            "1, false, 3way_remove_leg",
            // only db_mimage_0 is on pv0: it goes, and the balance is db_mimage_2, the last of the others
            "2, true, 3way_remove_2_legs_pv0"})
    void removeLegs(int count, boolean onPv0, String expected) {
        MirrorFixture f = new MirrorFixture("mirror_3way");
        f.converter.removeLegs(f.vg, "db", count, onPv0 ? List.of(f.pv(0)) : List.of());
        f.expect(expected);
    }

    @Test
    void splitLegBecomesVisibleLv() {
        MirrorFixture f = new MirrorFixture("mirror_3way");
        LogicalVolume x = f.converter.splitLegs(f.vg, "db", 1, "x", List.of());
        assertEquals("x", x.name());
        f.expect("3way_split_x");
    }

    @Test
    void splitTwoLegsBecomeACoreLogMirror() {
        MirrorFixture f = new MirrorFixture("mirror_3way");
        LogicalVolume x = f.converter.splitLegs(f.vg, "db", 2, "x", List.of());
        assertEquals("x", x.name());
        f.expect("3way_split2_x");
        assertEquals(List.of("db", "x_mimage_1", "x", "x_mimage_0"),
                f.vg.lvs().stream().map(LogicalVolume::name).toList());
    }

    @Test
    void stripedLvToMirrorGetsStripedImages() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        f.removeLvs("m", "m_mimage_0", "m_mimage_1", "m_mlog");
        OpsFixture.addTwoStripeLv(f.engine, f.vg, "s", "STRIPE-0000-0000-0000-0000-0000-000000", 4, 0);
        f.converter.convertToMirror(f.vg, "s", 2, MirrorLog.CORE, MirrorFixture.REGION, List.of());
        f.expect("striped_to_corelog");
    }

    @Test
    void createThreeWayMirrorGivesTheCorpusShape() {
        MirrorFixture f = new MirrorFixture("mirror_3way");
        String before = f.text();
        List<String> ids = new java.util.ArrayList<>();
        for (String n : List.of("db", "db_mimage_0", "db_mimage_1", "db_mimage_2", "db_mlog")) {
            ids.add(f.vg.lv(n).id());
        }
        f.removeLvs("db", "db_mimage_0", "db_mimage_1", "db_mimage_2", "db_mlog");
        java.util.Iterator<String> it = ids.iterator();
        MirrorSteps c = new MirrorSteps(f.engine, new FirstFreeAllocator(),
                new LvStamp(it::next, 1795573880L, "vm"));
        LogicalVolume db = c.createMirror(f.vg, "db", 4, 3, MirrorLog.DISK, 512, List.of());
        f.vg.apply(ed -> ed.setLvProperties(db, io.lvstack.engine.graph.LvProperties.NONE));
        assertEquals(before, f.text());
    }

    /**
     * LVM2 2.03 makes no mirrored log for a new mirror nor for a mirror's log, as LVM2 with
     * device-mapper showed (a linear LV converted to a mirror still gets one); nothing changes.
     */
    @Test
    void aMirroredLogIsRefusedForANewMirrorAndForAMirrorsLog() {
        MirrorFixture created = new MirrorFixture("mirror_disklog");
        String before = created.text();
        LvstackException e = assertThrows(LvstackException.class, () -> created.converter.createMirror(created.vg,
                "n", 8, 2, MirrorLog.MIRRORED, 1024, List.of()));
        assertEquals("Log type \"mirrored\" is DEPRECATED. Use RAID1 LV or disk log instead.", e.getMessage());
        assertEquals(before, created.text());
        MirrorFixture disk = new MirrorFixture("mirror_disklog");
        e = assertThrows(LvstackException.class, () -> disk.converter.changeLog(disk.vg, "m", MirrorLog.MIRRORED,
                List.of()));
        assertEquals("Log type \"mirrored\" is DEPRECATED. Use RAID1 LV or disk log instead.", e.getMessage());
        assertEquals(before, disk.text());
    }

    @Test
    void splitTwoLegMirrorLeavesLinear() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        f.converter.splitLegs(f.vg, "m", 1, "x", List.of(f.pv(0)));
        f.expect("disklog_split_x_on_pv0");
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"mirror_disklog, CORE, disklog_to_core", "mirror_corelog, DISK, corelog_to_disk",
            "mirror_mirroredlog, DISK, mirroredlog_to_disk",
            "mirror_mirroredlog, CORE, mirroredlog_to_core"})
    void logTypeChanges(String corpus, MirrorLog log, String expected) {
        MirrorFixture f = new MirrorFixture(corpus);
        f.converter.changeLog(f.vg, "m", log, List.of());
        f.expect(expected);
    }

    @Test
    void mirroredLogMirrorToLinear() {
        MirrorFixture f = new MirrorFixture("mirror_mirroredlog");
        f.converter.toLinear(f.vg, "m");
        f.expect("mirroredlog_to_linear");
    }

    @Test
    void sameLogTypeChangesNothing() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        String before = f.text();
        f.converter.changeLog(f.vg, "m", MirrorLog.DISK, List.of());
        assertEquals(before, f.text());
    }

    @Test
    void refusals() {
        MirrorFixture f = new MirrorFixture("mirror_3way");
        String before = f.text();
        assertEquals("Failed to find logical volume \"" + f.vg.name() + "/nope\"",
                assertThrows(LvstackException.class, () -> f.converter.toLinear(f.vg, "nope")).getMessage());
        assertEquals("Removing more than existing: 3 <= 3", assertThrows(LvstackException.class,
                () -> f.converter.removeLegs(f.vg, "db", 3, List.of())).getMessage());
        assertEquals("Logical Volume \"db_mlog\" already exists in volume group \"" + f.vg.name() + "\"",
                assertThrows(LvstackException.class,
                        () -> f.converter.splitLegs(f.vg, "db", 1, "db_mlog", List.of())).getMessage());
        assertEquals("Logical volume db is already a mirror.", assertThrows(LvstackException.class,
                () -> f.converter.convertToMirror(f.vg, "db", 2, MirrorLog.CORE, 1024, List.of())).getMessage());
        assertEquals("Logical volume " + f.vg.name() + "/db_mimage_0 is not a single-segment mirror.",
                assertThrows(LvstackException.class, () -> f.converter.addLegs(f.vg, "db_mimage_0", 1, List.of()))
                        .getMessage());
        assertEquals("Unable to split non-mirrored LV " + f.vg.name() + "/db_mimage_0.",
                assertThrows(LvstackException.class,
                        () -> f.converter.splitLegs(f.vg, "db_mimage_0", 1, "x", List.of())).getMessage());
        assertEquals("Insufficient removable PVs given to satisfy request.", assertThrows(LvstackException.class,
                () -> f.converter.splitLegs(f.vg, "db", 2, "x", List.of(f.pv(0)))).getMessage());
        assertEquals(before, f.text());
    }

    @Test
    void legsFromAnAllocatorThatIgnoresThePvRuleAreRefused() {
        MirrorFixture f = new MirrorFixture("mirror_corelog");
        String before = f.text();
        io.lvstack.engine.ops.alloc.ExtentAllocator onPv0 = (vg, request) -> new io.lvstack.engine.ops.alloc.Allocation(
                List.of(new io.lvstack.engine.ops.alloc.Allocation.Chunk(request.extentsPerArea(),
                        List.of(new io.lvstack.engine.ops.alloc.PvRange(f.pv(0), 20, request.extentsPerArea())))),
                List.of());
        MirrorSteps c = new MirrorSteps(f.engine, onPv0, MirrorFixture.stamp());
        assertEquals("Allocator placed a new mirror leg on /dev/loop4, which already holds part of the mirror.",
                assertThrows(LvstackException.class, () -> c.addLegs(f.vg, "m", 1, List.of())).getMessage());
        assertEquals(before, f.text());
    }

    @Test
    void requestsCarryTheLvsPolicyOrTheVgs() {
        MirrorFixture f = new MirrorFixture("mirror_corelog");
        List<io.lvstack.engine.ops.alloc.AllocationRequest> seen = new java.util.ArrayList<>();
        FirstFreeAllocator firstFit = new FirstFreeAllocator();
        MirrorSteps c = new MirrorSteps(f.engine, (vg, request) -> {
            seen.add(request);
            return firstFit.allocate(vg, request);
        }, MirrorFixture.stamp());
        LogicalVolume m = f.vg.lv("m");
        f.vg.apply(ed -> ed.setLvProperties(m, new io.lvstack.engine.graph.LvProperties(null, null, null, "cling",
                null, null, null, null)));
        c.changeLog(f.vg, "m", MirrorLog.DISK, List.of());
        f.vg.apply(ed -> {
            ed.setLvProperties(m, new io.lvstack.engine.graph.LvProperties(null, null, null, "inherit", null, null,
                    null, null));
            ed.setVgProperties(new io.lvstack.engine.graph.VgProperties(f.vg.properties().id(), 1, "lvm2",
                    f.vg.properties().status(), List.of(), List.of(), null, null, null,
                    f.vg.properties().extentSize(), 0, 0, "anywhere", null, 0L));
        });
        c.addLegs(f.vg, "m", 1, List.of());
        assertEquals(List.of(io.lvstack.engine.ops.alloc.AllocPolicy.CLING,
                io.lvstack.engine.ops.alloc.AllocPolicy.ANYWHERE), seen.stream().map(r -> r.policy()).toList());
        // the log avoided the legs' PVs; the new leg avoided the legs and the log
        assertEquals(List.of("/dev/loop6", "/dev/loop7"),
                seen.stream().map(r -> r.candidates().get(0).pv().device()).toList());
    }

    @Test
    void converterRefusesConvertingMirrorUntilCollapsed() {
        MirrorFixture f = new MirrorFixture("mirror_disklog");
        f.converter.addLegs(f.vg, "m", 1, List.of());
        String before = f.text();
        assertEquals("Logical volume vgm1/m is converting; collapse it first.", assertThrows(
                LvstackException.class, () -> f.converter.removeLegs(f.vg, "m", 1, List.of())).getMessage());
        assertEquals(before, f.text());
    }
}
