package io.lvstack.engine.graph;

import io.lvstack.segtype.mirror.MirrorMarks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.segtype.mirror.MirrorSegmentType;
import io.lvstack.segtype.striped.StripedFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackEditorTest {
    private final StackFixture f = new StackFixture();

    @Test
    void pvAreaCarvesAPieceThatPointsBack() {
        LogicalVolume a = f.linear("a", 0, 10, 5);
        PvPiece piece = f.pv(0).extents().pieceAt(10);
        assertSame(a.segments().get(0), piece.segment());
        assertEquals(0, piece.area());
        assertEquals(5, piece.len());
        assertEquals(5, f.pv(0).extents().allocatedCount());
        assertEquals(995, f.pv(0).extents().freeCount());
        assertEquals(3, f.pv(0).extents().tiling().size());
        f.assertConsistent();
    }

    @Test
    void overlappingPvExtentsAreRefusedNamingTheOwnerAndNothingChanges() {
        f.linear("a", 0, 10, 5);
        LogicalVolume b = f.lv("b", true);
        String before = f.dump();
        GraphException e = assertThrows(GraphException.class, () -> f.appendLinear(b, 0, 12, 5));
        assertEquals("LV vg0/b segment 1 (LE 0-4) area 0: PV /dev/loop4 extents 12-14 are already used by "
                + "LV vg0/a segment 1 (LE 0-4) area 0", e.getMessage());
        assertEquals(before, f.dump());
    }

    @Test
    void extentsPastThePvEndAreRefused() {
        LogicalVolume b = f.lv("b", true);
        GraphException e = assertThrows(GraphException.class, () -> f.appendLinear(b, 1, 998, 5));
        assertEquals("LV vg0/b segment 1 (LE 0-4) area 0: extents 998-1002 lie outside PV /dev/loop5 (1000 extents)",
                e.getMessage());
        assertEquals(0, b.segments().size());
    }

    @Test
    void lvAreasLinkUpwardOncePerSegmentWithACount() {
        LogicalVolume lower = f.linear("lower", 0, 0, 20);
        LogicalVolume top = f.lv("top", true);
        Segment s = f.vg.change(ed -> {
            Segment seg = ed.addSegment(top, f.striped, new StripedFields(128), 0, 20, 2, List.of());
            ed.setLvArea(seg, 0, lower, 0);
            ed.setLvArea(seg, 1, lower, 10);
            return seg;
        });
        assertEquals(Map.of(s, 2), lower.userCounts());
        assertEquals(1, lower.userCount());
        assertEquals(2, lower.userCount(s));
        f.assertConsistent();

        f.vg.apply(ed -> ed.releaseArea(s, 1));
        assertEquals(Map.of(s, 1), lower.userCounts());
        f.vg.apply(ed -> ed.releaseArea(s, 0));
        assertEquals(Map.of(), lower.userCounts());
        assertTrue(s.area(0).isEmpty());
        f.assertLinksAgree();
    }

    @Test
    void settingAnAssignedAreaReleasesWhatItHeld() {
        LogicalVolume x = f.linear("x", 0, 0, 4);
        LogicalVolume y = f.linear("y", 1, 0, 4);
        LogicalVolume top = f.lv("top", true);
        Segment s = f.appendOnLv(top, x, 0, 4);
        f.vg.apply(ed -> ed.setLvArea(s, 0, y, 0));
        assertEquals(0, x.userCount());
        assertEquals(Map.of(s, 1), y.userCounts());
        f.vg.apply(ed -> ed.setPvArea(s, 0, f.pv(2), 7));
        assertEquals(0, y.userCount());
        assertEquals(new Area.OnPv(f.pv(2), 7), s.areaOrNull(0));
        f.assertConsistent();
    }

    @Test
    void movingAnAreaMovesItsLinkAndItsPiece() {
        LogicalVolume lower = f.linear("lower", 0, 0, 4);
        LogicalVolume a = f.lv("a", true);
        LogicalVolume b = f.lv("b", true);
        Segment from = f.appendOnLv(a, lower, 0, 4);
        Segment to = f.appendLinear(b, 1, 0, 4);
        f.vg.apply(ed -> ed.moveArea(to, 0, from, 0));
        assertEquals(Map.of(to, 1), lower.userCounts());
        assertNull(from.areaOrNull(0));
        assertEquals(0, f.pv(1).extents().allocatedCount());
        f.assertLinksAgree();

        Segment onPv = f.appendLinear(a, 2, 50, 4);
        Segment empty = f.vg.change(ed -> ed.addSegment(b, f.striped, new StripedFields(0), 4, 4, 1, List.of()));
        f.vg.apply(ed -> ed.moveArea(empty, 0, onPv, 0));
        PvPiece piece = f.pv(2).extents().pieceAt(50);
        assertSame(empty, piece.segment());
        assertNull(onPv.areaOrNull(0));
        f.assertLinksAgree();
    }

    @Test
    void mirrorHookMarksLegsAndLogAndOwner() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        LogicalVolume img0 = f.vg.lv("m_mimage_0");
        LogicalVolume log = f.vg.lv("m_mlog");
        assertTrue(img0.has(MirrorMarks.IMAGE));
        assertTrue(log.has(MirrorMarks.LOG));
        assertFalse(log.has(MirrorMarks.IMAGE));
        f.assertConsistent();

        Segment seg = m.segments().get(0);
        f.vg.apply(ed -> ed.detach(seg, MirrorSegmentType.LOG));
        assertFalse(log.has(MirrorMarks.LOG));
        assertEquals(0, log.userCount());
        f.vg.apply(ed -> ed.removeSegment(seg));
        assertFalse(img0.has(MirrorMarks.IMAGE));
        f.assertLinksAgree();
    }

    @Test
    void attachingARoleTheTypeDoesNotDeclareIsRefused() {
        LogicalVolume a = f.linear("a", 0, 0, 4);
        LogicalVolume b = f.linear("b", 1, 0, 1);
        GraphException e = assertThrows(GraphException.class,
                () -> f.vg.apply(ed -> ed.attach(a.segments().get(0), MirrorSegmentType.LOG, b)));
        assertEquals("segment type striped declares no reference role 'log'", e.getMessage());
    }

    @Test
    void splittingStripesSplitsPiecesAndRelinksLvAreas() {
        LogicalVolume lower = f.linear("lower", 0, 0, 10);
        LogicalVolume top = f.lv("top", true);
        Segment s = f.vg.change(ed -> {
            Segment seg = ed.addSegment(top, f.striped, new StripedFields(128), 0, 20, 2, List.of("t"));
            ed.setPvArea(seg, 0, f.pv(1), 100);
            ed.setLvArea(seg, 1, lower, 0);
            return seg;
        });
        Segment tail = f.vg.change(ed -> ed.splitSegment(s, 8));
        assertEquals(List.of(s, tail), top.segments());
        assertEquals(8, s.len());
        assertEquals(4, s.areaLen());
        assertEquals(8, tail.le());
        assertEquals(12, tail.len());
        assertEquals(6, tail.areaLen());
        assertEquals(List.of("t"), tail.tags());
        assertEquals(new Area.OnPv(f.pv(1), 104), tail.areaOrNull(0));
        assertEquals(new Area.OnLv(lower, 4), tail.areaOrNull(1));
        assertEquals(4, f.pv(1).extents().pieceAt(100).len());
        assertSame(tail, f.pv(1).extents().pieceAt(104).segment());
        assertEquals(Map.of(s, 1, tail, 1), lower.userCounts());
        f.assertConsistent();

        GraphException odd = assertThrows(GraphException.class, () -> f.vg.apply(ed -> ed.splitSegment(tail, 3)));
        assertEquals("cannot split LV vg0/top segment 2 (LE 8-19) at offset 3: not divisible by its 2 stripes",
                odd.getMessage());
    }

    @Test
    void mirrorSegmentsDoNotSplit() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        GraphException e = assertThrows(GraphException.class,
                () -> f.vg.apply(ed -> ed.splitSegment(m.segments().get(0), 5)));
        assertEquals("segment type mirror of LV vg0/m segment 1 (LE 0-9) cannot be split", e.getMessage());
    }

    @Test
    void adjacentLinearSegmentsMerge() {
        LogicalVolume a = f.linear("a", 0, 0, 4);
        Segment second = f.appendLinear(a, 0, 4, 6);
        Segment first = a.segments().get(0);
        f.vg.apply(ed -> ed.mergeSegments(first, second));
        assertEquals(List.of(first), a.segments());
        assertEquals(10, first.len());
        assertEquals(10, f.pv(0).extents().pieceAt(0).len());
        assertEquals(1, f.pv(0).extents().pieces().size());
        f.assertConsistent();

        Segment far = f.appendLinear(a, 0, 20, 2);
        GraphException e = assertThrows(GraphException.class, () -> f.vg.apply(ed -> ed.mergeSegments(first, far)));
        assertEquals("segment type striped cannot merge LV vg0/a segment 1 (LE 0-9) with LV vg0/a segment 2 (LE 10-11)",
                e.getMessage());
    }

    @Test
    void removingASegmentUnlinksAndClosesTheGap() {
        LogicalVolume lower = f.linear("lower", 0, 0, 10);
        LogicalVolume top = f.linear("top", 1, 0, 3);
        Segment mid = f.appendOnLv(top, lower, 0, 10);
        Segment last = f.appendLinear(top, 1, 3, 2);
        f.vg.apply(ed -> ed.removeSegment(mid));
        assertEquals(0, lower.userCount());
        assertEquals(3, last.le());
        assertEquals(5, top.extentCount());
        f.assertConsistent();
    }

    @Test
    void anLvInUseCannotBeRemoved() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        LogicalVolume img = f.vg.lv("m_mimage_1");
        GraphException e = assertThrows(GraphException.class, () -> f.vg.apply(ed -> ed.removeLv(img)));
        assertEquals("LV vg0/m_mimage_1 is in use by LV vg0/m segment 1 (LE 0-9) (1 reference)", e.getMessage());
        f.vg.apply(ed -> ed.removeLv(m));
        f.vg.apply(ed -> ed.removeLv(img));
        assertNull(f.vg.lv("m_mimage_1"));
        assertEquals(0, f.pv(1).extents().allocatedCount());
        // the mirror's other parts too: left alone they would be orphaned sub-LVs, which the checker refuses
        f.vg.apply(ed -> {
            ed.removeLv(f.vg.lv("m_mimage_0"));
            ed.removeLv(f.vg.lv("m_mlog"));
        });
        f.assertConsistent();
    }

    @Test
    void renameKeepsPositionAndLinks() {
        LogicalVolume lower = f.linear("lower", 0, 0, 10);
        LogicalVolume top = f.lv("top", true);
        Segment s = f.appendOnLv(top, lower, 0, 10);
        f.vg.apply(ed -> ed.renameLv(lower, "renamed"));
        assertSame(lower, f.vg.lv("renamed"));
        assertNull(f.vg.lv("lower"));
        assertEquals(List.of(lower, top), f.vg.lvs());
        assertEquals(Map.of(s, 1), lower.userCounts());
        GraphException e = assertThrows(GraphException.class, () -> f.vg.apply(ed -> ed.renameLv(top, "renamed")));
        assertEquals("Logical Volume \"renamed\" already exists in volume group \"vg0\"", e.getMessage());
    }

    @Test
    void anLvCannotUseItself() {
        LogicalVolume a = f.linear("a", 0, 0, 10);
        String before = f.dump();
        GraphException e = assertThrows(GraphException.class, () -> f.appendOnLv(a, a, 0, 2));
        assertEquals("refusing LV vg0/a segment 2 (LE 10-11) area 0 -> LV a: it would make a cycle a -> a",
                e.getMessage());
        assertEquals(before, f.dump());
    }

    @Test
    void cyclesThroughOtherLvsAreRefusedWithThePath() {
        LogicalVolume c = f.linear("c", 0, 0, 10);
        LogicalVolume b = f.lv("b", false);
        f.appendOnLv(b, c, 0, 10);
        LogicalVolume a = f.lv("a", true);
        f.appendOnLv(a, b, 0, 10);
        String before = f.dump();
        GraphException e = assertThrows(GraphException.class, () -> f.appendOnLv(c, a, 0, 10));
        assertEquals("refusing LV vg0/c segment 2 (LE 10-19) area 0 -> LV a: it would make a cycle c -> a -> b -> c",
                e.getMessage());
        assertEquals(before, f.dump());
    }

    @Test
    void cyclesThroughRolesAreRefused() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        LogicalVolume log = f.vg.lv("m_mlog");
        Segment logSeg = log.segments().get(0);
        LogicalVolume stray = f.lv("stray", true);
        Segment strayMirror = f.vg.change(ed -> ed.addSegment(stray, f.mirror, new io.lvstack.segtype.mirror.MirrorFields(
                512, null), 0, 1, 1, List.of()));
        f.vg.apply(ed -> ed.setLvArea(strayMirror, 0, m, 0));
        GraphException e = assertThrows(GraphException.class,
                () -> f.vg.apply(ed -> ed.attach(strayMirror, MirrorSegmentType.LOG, stray)));
        assertEquals("refusing LV vg0/stray segment 1 (LE 0-0) log -> LV stray: it would make a cycle stray -> stray",
                e.getMessage());
        assertTrue(logSeg.area(0).isPresent());
        f.assertLinksAgree();
    }

    @Test
    void onlyUserNeedsExactlyOneSegmentWithOneReference() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        LogicalVolume img = f.vg.lv("m_mimage_0");
        assertSame(m.segments().get(0), Stack.onlyUser(img));

        LogicalVolume unused = f.linear("unused", 2, 0, 2);
        GraphException none = assertThrows(GraphException.class, () -> Stack.onlyUser(unused));
        assertEquals("LV vg0/unused is expected to have only one segment using it, but it is used by no segment",
                none.getMessage());

        LogicalVolume lower = f.linear("lower", 2, 10, 10);
        LogicalVolume top = f.lv("top", true);
        f.vg.apply(ed -> {
            Segment s = ed.addSegment(top, f.striped, new StripedFields(128), 0, 10, 2, List.of());
            ed.setLvArea(s, 0, lower, 0);
            ed.setLvArea(s, 1, lower, 5);
        });
        GraphException twice = assertThrows(GraphException.class, () -> Stack.onlyUser(lower));
        assertEquals("LV vg0/lower is expected to have only one segment using it, but it is used by "
                + "LV vg0/top segment 1 (LE 0-9) (2 references)", twice.getMessage());

        LogicalVolume other = f.lv("other", true);
        f.appendOnLv(other, unused, 0, 2);
        f.appendOnLv(top, unused, 0, 2);
        GraphException two = assertThrows(GraphException.class, () -> Stack.onlyUser(unused));
        assertEquals("LV vg0/unused is expected to have only one segment using it, but it is used by "
                + "LV vg0/other segment 1 (LE 0-1) (1 reference), LV vg0/top segment 2 (LE 10-11) (1 reference)",
                two.getMessage());
    }

    @Test
    void walksGoDownToSubLvsAndUpToAncestors() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        LogicalVolume img1 = f.vg.lv("m_mimage_1");
        LogicalVolume top = f.lv("top", true);
        f.appendOnLv(top, m, 0, 10);
        assertEquals(List.of("m", "m_mimage_0", "m_mimage_1", "m_mlog"),
                Stack.subLvs(top).stream().map(LogicalVolume::name).toList());
        assertEquals(List.of("m", "top"), Stack.ancestors(img1).stream().map(LogicalVolume::name).toList());
        assertEquals(List.of(), Stack.ancestors(top));
    }

    @Test
    void nestedChangesRollBackOnlyWhatFailed() {
        LogicalVolume a = f.linear("a", 0, 0, 4);
        f.vg.apply(ed -> {
            ed.renameLv(a, "b");
            assertThrows(GraphException.class, () -> ed.createLv("b", "x", StackFixture.VISIBLE, List.of(),
                    LvProperties.NONE));
            ed.setStatus(a, LvStatus.LOCKED, true);
        });
        assertEquals("b", a.name());
        assertTrue(a.has(LvStatus.LOCKED));
    }

}
