package io.lvstack.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.SegmentType;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.segtype.mirror.MirrorFields;
import io.lvstack.segtype.mirror.MirrorSegmentType;
import io.lvstack.segtype.striped.StripedFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** A VG of four 1000-extent PVs on an engine with the real plugins, and builders for stacks. */
final class StackFixture {
    static final EnumSet<LvStatus> VISIBLE = EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE);
    static final EnumSet<LvStatus> HIDDEN = EnumSet.of(LvStatus.READ, LvStatus.WRITE);

    final Engine engine;
    final VolumeGroup vg;
    final List<PhysicalVolume> pvs = new ArrayList<>();
    final SegmentType striped;
    final SegmentType mirror;
    private int ids;

    StackFixture(LinkHook... hooks) {
        Lvstack b = Lvstack.builder();
        for (LinkHook h : hooks) {
            b.linkHook(h);
        }
        engine = b.build();
        striped = engine.segmentTypes().byName("striped");
        mirror = engine.segmentTypes().byName("mirror");
        vg = engine.newVolumeGroup("vg0", VgProperties.simple("VGID00-0000-0000-0000-0000-0000-000000", 8192));
        vg.apply(ed -> {
            for (int i = 0; i < 4; i++) {
                pvs.add(ed.addPv(PvProperties.simple("PVID0" + i + "-0000-0000-0000-0000-0000-000000", "/dev/loop" + (4 + i),
                        2048, 1000, 1000 * 8192 + 2048)));
            }
        });
    }

    PhysicalVolume pv(int i) {
        return pvs.get(i);
    }

    LogicalVolume lv(String name, boolean visible) {
        return vg.change(ed -> ed.createLv(name, String.format("LVID%02d-0000-0000-0000-0000-0000-000000", ids++),
                visible ? VISIBLE : HIDDEN, List.of(), LvProperties.NONE));
    }

    /** A visible linear LV of {@code len} extents at {@code pe} of PV {@code pv}. */
    LogicalVolume linear(String name, int pv, long pe, long len) {
        LogicalVolume lv = lv(name, true);
        appendLinear(lv, pv, pe, len);
        return lv;
    }

    Segment appendLinear(LogicalVolume lv, int pv, long pe, long len) {
        return vg.change(ed -> {
            Segment s = ed.addSegment(lv, striped, new StripedFields(0), lv.extentCount(), len, 1, List.of());
            ed.setPvArea(s, 0, pv(pv), pe);
            return s;
        });
    }

    /** A one-area striped segment of {@code lv} mapped onto {@code target} at {@code le}. */
    Segment appendOnLv(LogicalVolume lv, LogicalVolume target, long le, long len) {
        return vg.change(ed -> {
            Segment s = ed.addSegment(lv, striped, new StripedFields(0), lv.extentCount(), len, 1, List.of());
            ed.setLvArea(s, 0, target, le);
            return s;
        });
    }

    /** A disk-log mirror {@code name} with {@code legs} linear legs (leg i on PV i) and a log on PV 3. */
    LogicalVolume mirror(String name, int legs, long len, long pe) {
        LogicalVolume top = lv(name, true);
        List<LogicalVolume> images = new ArrayList<>();
        for (int i = 0; i < legs; i++) {
            LogicalVolume img = lv(name + "_mimage_" + i, false);
            appendLinear(img, i, pe, len);
            images.add(img);
        }
        LogicalVolume log = lv(name + "_mlog", false);
        appendLinear(log, 3, pe, 1);
        vg.apply(ed -> {
            Segment s = ed.addSegment(top, mirror, new MirrorFields(512, null), 0, len, legs, List.of());
            for (int i = 0; i < legs; i++) {
                ed.setLvArea(s, i, images.get(i), 0);
            }
            ed.attach(s, MirrorSegmentType.LOG, log);
        });
        return top;
    }

    /** For primitives that leave a deliberately incomplete stack (released areas, empty LVs). */
    void assertLinksAgree() {
        assertEquals(List.of(), LinkConsistency.problems(vg));
    }

    /** The links agree both ways, and the whole checker finds nothing wrong. */
    void assertConsistent() {
        assertEquals(List.of(), LinkConsistency.problems(vg));
        assertEquals(List.of(), io.lvstack.engine.check.Checker.check(vg).problems());
    }

    String dump() {
        return GraphDump.of(vg);
    }
}
