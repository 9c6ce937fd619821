package io.lvstack.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvRemove;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import io.lvstack.engine.segtype.Origin;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import io.lvstack.segtype.striped.StripedFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine applies what a type declares, knowing nothing of the type: marks drive privacy,
 * {@code lv_parent}, the single-user rule and {@code lvremove}; report traits drive {@code lv_attr},
 * {@code lv_layout}, {@code lv_role} and fields. The type is {@link TestPoolType}, which exists only here.
 */
class MarksAndTraitsTest {
    private static final String FIELDS = "lv_name,lv_parent,lv_attr,lv_layout,lv_role,data_lv,data_percent";
    private VolumeGroup vg;
    private PhysicalVolume pv;
    private SegmentType striped;

    private static Engine engine() {
        Engine base = Lvstack.engine();
        List<RegisteredType> types = new ArrayList<>(base.segmentTypes().active());
        types.add(new RegisteredType(new TestPoolType(),
                new Origin("testpool", "1", SpiVersion.CURRENT, "the test class path", false)));
        return new Engine(new SegmentTypeRegistry(types), List.of(),
                new io.lvstack.engine.assembly.Settings(base.configLayers(), base.settings()), List.of());
    }

    @BeforeEach
    void pool() {
        Engine engine = engine();
        striped = engine.segmentTypes().byName("striped");
        SegmentType testpool = engine.segmentTypes().byName("testpool");
        vg = engine.newVolumeGroup("vg", VgProperties.simple("vgid00-0000-0000-0000-0000-0000-000000", 8192));
        EnumSet<LvStatus> visible = EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE);
        EnumSet<LvStatus> hidden = EnumSet.of(LvStatus.READ, LvStatus.WRITE);
        vg.apply(ed -> {
            pv = ed.addPv(PvProperties.simple("pvid00-0000-0000-0000-0000-0000-000000", "/dev/sdb", 2048, 100, 8194048));
            LogicalVolume pool = ed.createLv("pool", "lvid00-0000-0000-0000-0000-0000-000000", visible, List.of(),
                    LvProperties.NONE);
            LogicalVolume data = ed.createLv("pool_data", "lvid01-0000-0000-0000-0000-0000-000000", hidden, List.of(),
                    LvProperties.NONE);
            LogicalVolume meta = ed.createLv("pool_meta", "lvid02-0000-0000-0000-0000-0000-000000", hidden, List.of(),
                    LvProperties.NONE);
            ed.setPvArea(ed.addSegment(data, striped, new StripedFields(0), 0, 8, 1, List.of()), 0, pv, 0);
            ed.setPvArea(ed.addSegment(meta, striped, new StripedFields(0), 0, 1, 1, List.of()), 0, pv, 8);
            Segment s = ed.addSegment(pool, testpool, io.lvstack.api.model.TypeFields.NONE, 0, 8, 1, List.of());
            ed.setLvArea(s, 0, data, 0);
            ed.attach(s, TestPoolType.META_ROLE, meta);
        });
    }

    private List<String> lvs() {
        return ReportFormat.basic(ReportBuilder.build(vg, ReportKind.LVS, FIELDS, null, true), Units.parse("s", true),
                ReportFormat.Basic.DEFAULT).lines().map(String::stripTrailing).toList();
    }

    @Test
    void reportsShowWhatTheTypeDeclares() {
        assertEquals(List.of(
                "  LV          Parent Attr       Layout     Role              Data        Data%",
                "  pool               twi-XXtz-- test,pool  public            [pool_data] 0.00",
                "  [pool_data] pool   Twi-XX---- linear     private,test,data",
                "  [pool_meta] pool   ewi-XX---- linear     private,test,meta"), lvs());
    }

    @Test
    void aVgFieldCountsWhatTheTypeCounts() {
        String vgs = ReportFormat.basic(ReportBuilder.build(vg, ReportKind.VGS, "vg_name,snap_count", null, false),
                Units.parse("s", true), ReportFormat.Basic.DEFAULT);
        assertEquals(List.of("  VG #SN", "  vg   1"), vgs.lines().map(String::stripTrailing).toList());
    }

    @Test
    void aComponentCannotBeRemovedOnItsOwnAndGoesWithItsUser() {
        LvstackException e = assertThrows(LvstackException.class, () -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "pool_data"));
        assertEquals("Can't remove logical volume vg/pool_data used by a test pool.", e.getMessage());
        e = assertThrows(LvstackException.class, () -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "pool_meta"));
        assertEquals("Can't remove logical volume vg/pool_meta used as test metadata.", e.getMessage());
        new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "pool");
        assertEquals(List.of(), vg.lvs());
        assertEquals(0, pv.extents().allocatedCount());
    }

    /** LVM2 2.03.16 (lvcreate --type cache-pool twice, then lvremove) removes the spare with the last pool only. */
    @Test
    void theLastPoolTakesTheSpareWithIt() {
        vg.apply(ed -> {
            LogicalVolume spare = ed.createLv("lvol0_pmspare", "lvid04-0000-0000-0000-0000-0000-000000",
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE), List.of(), LvProperties.NONE);
            ed.setPvArea(ed.addSegment(spare, striped, new StripedFields(0), 0, 1, 1, List.of()), 0, pv, 9);
            LogicalVolume second = ed.createLv("second", "lvid05-0000-0000-0000-0000-0000-000000",
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE), List.of(), LvProperties.NONE);
            LogicalVolume data = ed.createLv("second_data", "lvid06-0000-0000-0000-0000-0000-000000",
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE), List.of(), LvProperties.NONE);
            LogicalVolume meta = ed.createLv("second_meta", "lvid07-0000-0000-0000-0000-0000-000000",
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE), List.of(), LvProperties.NONE);
            ed.setPvArea(ed.addSegment(data, striped, new StripedFields(0), 0, 4, 1, List.of()), 0, pv, 10);
            ed.setPvArea(ed.addSegment(meta, striped, new StripedFields(0), 0, 1, 1, List.of()), 0, pv, 14);
            Segment s = ed.addSegment(second, vg.lv("pool").segments().get(0).type(),
                    io.lvstack.api.model.TypeFields.NONE, 0, 4, 1, List.of());
            ed.setLvArea(s, 0, data, 0);
            ed.attach(s, TestPoolType.META_ROLE, meta);
        });
        new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "pool");
        assertEquals(List.of("lvol0_pmspare", "second", "second_data", "second_meta"),
                vg.lvs().stream().map(LogicalVolume::name).toList());
        new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "second");
        assertEquals(List.of(), vg.lvs());
        assertEquals(0, pv.extents().allocatedCount());
    }

    @Test
    void aComponentWithTwoUsersIsReported() {
        vg.apply(ed -> {
            LogicalVolume other = ed.createLv("other", "lvid03-0000-0000-0000-0000-0000-000000",
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE), List.of(), LvProperties.NONE);
            Segment s = ed.addSegment(other, striped, new StripedFields(0), 0, 8, 1,
                    List.of());
            ed.setLvArea(s, 0, vg.lv("pool_data"), 0);
        });
        assertEquals(List.of("error: vg/pool_data: LV vg/pool_data is expected to have only one segment using it, but it is "
                + "used by LV vg/pool segment 1 (LE 0-7) (1 reference), LV vg/other segment 1 (LE 0-7) (1 reference)"),
                Checker.check(vg).problems().stream().map(Object::toString).toList());
    }
}
