package io.lvstack.engine.graph;

import io.lvstack.segtype.mirror.MirrorMarks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvStatus;
import io.lvstack.segtype.mirror.MirrorSegmentType;
import io.lvstack.segtype.striped.StripedFields;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.InOrder;

class LinkHookTest {
    private final LinkHook hook = mock(LinkHook.class);
    private final StackFixture f = new StackFixture(hook);

    private static LinkEvent event(LogicalVolume used, Segment user, Via via) {
        return new LinkEvent(used, user, via);
    }

    @Test
    void firesOncePerLinkAndUnlinkInOrder() {
        LogicalVolume x = f.linear("x", 0, 0, 4);
        LogicalVolume y = f.linear("y", 1, 0, 4);
        LogicalVolume top = f.lv("top", true);
        Segment s = f.vg.change(ed -> ed.addSegment(top, f.striped, new StripedFields(128), 0, 8, 2, List.of()));
        f.vg.apply(ed -> {
            ed.setLvArea(s, 0, x, 0);
            ed.setLvArea(s, 1, y, 0);
            ed.releaseArea(s, 0);
        });
        InOrder order = inOrder(hook);
        order.verify(hook).linked(eq(event(x, s, Via.area(0))), any(MarkEditor.class));
        order.verify(hook).linked(eq(event(y, s, Via.area(1))), any(MarkEditor.class));
        order.verify(hook).unlinked(eq(event(x, s, Via.area(0))), any(MarkEditor.class));
        verifyNoMoreInteractions(hook);
    }

    @Test
    void pvAreasFireNothing() {
        f.linear("a", 0, 0, 4);
        verifyNoMoreInteractions(hook);
    }

    @Test
    void roleLinksFireWithTheirRole() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        Segment s = m.segments().get(0);
        LogicalVolume log = f.vg.lv("m_mlog");
        verify(hook).linked(eq(event(log, s, Via.role(MirrorSegmentType.LOG))), any(MarkEditor.class));
        f.vg.apply(ed -> ed.detach(s, MirrorSegmentType.LOG));
        verify(hook).unlinked(eq(event(log, s, Via.role(MirrorSegmentType.LOG))), any(MarkEditor.class));
    }

    @Test
    void moveFiresUnlinkOfTheSourceThenLinkOfTheTarget() {
        LogicalVolume lower = f.linear("lower", 0, 0, 4);
        LogicalVolume a = f.lv("a", true);
        LogicalVolume b = f.lv("b", true);
        Segment from = f.appendOnLv(a, lower, 0, 4);
        Segment to = f.vg.change(ed -> ed.addSegment(b, f.striped, new StripedFields(0), 0, 4, 1, List.of()));
        f.vg.apply(ed -> ed.moveArea(to, 0, from, 0));
        InOrder order = inOrder(hook);
        order.verify(hook).linked(eq(event(lower, from, Via.area(0))), any(MarkEditor.class));
        order.verify(hook).unlinked(eq(event(lower, from, Via.area(0))), any(MarkEditor.class));
        order.verify(hook).linked(eq(event(lower, to, Via.area(0))), any(MarkEditor.class));
        verifyNoMoreInteractions(hook);
    }

    @Test
    void splitFiresOneLinkPerReferenceOfTheTail() {
        LogicalVolume lower = f.linear("lower", 0, 0, 10);
        LogicalVolume top = f.lv("top", true);
        Segment s = f.appendOnLv(top, lower, 0, 10);
        Segment tail = f.vg.change(ed -> ed.splitSegment(s, 4));
        verify(hook).linked(eq(event(lower, s, Via.area(0))), any(MarkEditor.class));
        verify(hook).linked(eq(event(lower, tail, Via.area(0))), any(MarkEditor.class));
        verifyNoMoreInteractions(hook);
    }

    @Test
    void removingASegmentFiresOneUnlinkPerReference() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        Segment s = m.segments().get(0);
        f.vg.apply(ed -> ed.removeSegment(s));
        verify(hook, times(3)).linked(any(LinkEvent.class), any(MarkEditor.class));
        verify(hook, times(3)).unlinked(any(LinkEvent.class), any(MarkEditor.class));
    }

    @Test
    void aHookThatThrowsOnLinkLeavesTheGraphAsItWas() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        LogicalVolume spare = f.linear("spare", 2, 100, 10);
        String before = f.dump();
        doThrow(new IllegalStateException("boom")).when(hook)
                .linked(ArgumentMatchers.argThat(e -> e != null && e.used() == spare), any(MarkEditor.class));
        Segment s = m.segments().get(0);
        GraphException e = assertThrows(GraphException.class, () -> f.vg.apply(ed -> ed.setLvArea(s, 1, spare, 0)));
        assertEquals("link hook of " + hook.getClass().getName() + " failed while linking LV vg0/m segment 1 (LE 0-9) "
                + "area 1 to LV spare: boom", e.getMessage());
        assertEquals(before, f.dump());
        // The mirror type's own hook ran first and marked the spare; that was undone too.
        assertFalse(spare.has(MirrorMarks.IMAGE));
        f.assertConsistent();
    }

    @Test
    void aHookThatThrowsHalfWayThroughAnOperationUndoesAllOfIt() {
        LogicalVolume m = f.mirror("m", 2, 10, 0);
        String before = f.dump();
        // removeLv of m unlinks three LVs; fail on the last one.
        doThrow(new IllegalStateException("no")).when(hook).unlinked(
                ArgumentMatchers.argThat(e -> e != null && e.used().name().equals("m_mlog")), any(MarkEditor.class));
        assertThrows(GraphException.class, () -> f.vg.apply(ed -> ed.removeLv(m)));
        assertEquals(before, f.dump());
        f.assertConsistent();
    }
}
