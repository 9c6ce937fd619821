package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordingMarkEditorTest {
    private final RecordingMarkEditor marks = new RecordingMarkEditor();

    @Test
    void changesAreKeptInOrderAndAppliedToFakes() {
        FakeLv lv = FakeLv.named("leg");
        marks.set(lv, ToyType.LEG);
        marks.set(lv, LvMark.of("other"));
        assertEquals(Set.of(ToyType.LEG, LvMark.of("other")), lv.marks());
        marks.clear(lv, ToyType.LEG);
        assertEquals(Set.of(LvMark.of("other")), lv.marks());
        assertEquals(List.of("set leg toy_leg", "set leg other", "clear leg toy_leg"), marks.changes());
    }

    @Test
    void otherViewsAreOnlyRecorded() {
        LvView foreign = new LvView() {
            @Override
            public String name() {
                return "foreign";
            }

            @Override
            public Set<LvStatus> status() {
                return Set.of();
            }

            @Override
            public Set<LvMark> marks() {
                return Set.of();
            }

            @Override
            public List<? extends SegmentView> segments() {
                return List.of();
            }

            @Override
            public long extentCount() {
                return 0;
            }

            @Override
            public long extentSize() {
                return 8192;
            }

            @Override
            public int userCount() {
                return 0;
            }

            @Override
            public List<? extends SegmentView> users() {
                return List.of();
            }

            @Override
            public int userCount(SegmentView segment) {
                return 0;
            }
        };
        marks.set(foreign, ToyType.LEG);
        assertEquals(List.of("set foreign toy_leg"), marks.changes());
    }

    @Test
    void aHookSeesItsOwnChanges() {
        ToyType toy = new ToyType();
        FakeLv leg = FakeLv.named("leg");
        FakeSegment a = FakeLv.named("a").addSegment(toy, new ToyFields(64), 8, 1).setLvArea(0, leg, 0);
        FakeSegment b = FakeLv.named("b").addSegment(toy, new ToyFields(64), 8, 1).setLvArea(0, leg, 0);
        var hook = toy.linkHook().orElseThrow();
        hook.linked(a.linkEvent(Via.area(0)), marks);
        hook.linked(b.linkEvent(Via.area(0)), marks);
        var event = a.linkEvent(Via.area(0));
        a.releaseArea(0);
        hook.unlinked(event, marks);
        assertTrue(leg.has(ToyType.LEG), "b still uses it");
        event = b.linkEvent(Via.area(0));
        b.releaseArea(0);
        hook.unlinked(event, marks);
        assertEquals(Set.of(), leg.marks());
        assertEquals(List.of("set leg toy_leg", "set leg toy_leg", "clear leg toy_leg"), marks.changes());
    }
}
