package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.ReferenceRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeSegmentTest {
    private final ToyType toy = new ToyType();
    private final FakeLv top = FakeLv.named("top");
    private final FakeLv leg = FakeLv.named("leg");
    private final FakeSegment seg = top.addSegment(toy, new ToyFields(64), 8, 2);

    @Test
    void aNewSegmentHoldsWhatItWasMadeWithAndNothingElse() {
        assertSame(top, seg.lv());
        assertSame(toy, seg.type());
        assertEquals(new ToyFields(64), seg.fields());
        assertEquals(2, seg.areaCount());
        assertEquals(Optional.empty(), seg.area(0));
        assertEquals(Optional.empty(), seg.reference(ToyType.LOG));
        assertEquals(List.of(), seg.tags());
        assertEquals("LV top segment at LE 0", seg.toString());
    }

    @Test
    void anLvAreaLinksAndReleasingItUnlinks() {
        seg.setLvArea(0, leg, 3);
        assertEquals(Optional.of(new Area.OnLv(leg, 3)), seg.area(0));
        assertEquals(List.of(seg), leg.users());
        assertEquals(1, leg.userCount(seg));
        seg.setLvArea(1, leg, 11);
        assertEquals(List.of(seg), leg.users());
        assertEquals(1, leg.userCount());
        assertEquals(2, leg.userCount(seg));
        seg.releaseArea(0);
        assertEquals(Optional.empty(), seg.area(0));
        assertEquals(1, leg.userCount(seg));
        seg.releaseArea(1).releaseArea(1);
        assertEquals(List.of(), leg.users());
        assertEquals(0, leg.userCount(seg));
    }

    @Test
    void settingAnAssignedAreaReleasesWhatItHeld() {
        FakeLv other = FakeLv.named("other");
        seg.setLvArea(0, leg, 0).setLvArea(0, other, 0);
        assertEquals(List.of(), leg.users());
        assertEquals(List.of(seg), other.users());
        FakePv pv = FakePv.named("pv0");
        seg.setPvArea(0, pv, 7);
        assertEquals(Optional.of(new Area.OnPv(pv, 7)), seg.area(0));
        assertEquals(List.of(), other.users());
    }

    @Test
    void usersAreDistinctSegmentsInTheOrderTheyFirstLinked() {
        FakeSegment second = FakeLv.named("b").addSegment(toy, new ToyFields(64), 8, 1);
        seg.setLvArea(0, leg, 0);
        second.setLvArea(0, leg, 0);
        seg.setLvArea(1, leg, 0);
        assertEquals(List.of(seg, second), leg.users());
        assertEquals(2, leg.userCount());
    }

    @Test
    void aBadAreaChangesNothing() {
        seg.setLvArea(0, leg, 0);
        assertThrows(IllegalArgumentException.class, () -> seg.setPvArea(0, FakePv.named("pv0"), -1));
        assertThrows(IllegalArgumentException.class, () -> seg.setLvArea(0, FakeLv.named("x"), -1));
        assertEquals(Optional.of(new Area.OnLv(leg, 0)), seg.area(0));
        assertEquals("LV top segment at LE 0 has no area 2 (it has 2)",
                assertThrows(IndexOutOfBoundsException.class, () -> seg.area(2)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> seg.setLvArea(-1, leg, 0));
    }

    @Test
    void rolesAreAttachedAndDetachedWithTheirLinks() {
        FakeLv log = FakeLv.named("log");
        seg.attach(ToyType.LOG, log);
        assertEquals(Optional.of(log), seg.reference(ToyType.LOG));
        assertEquals(List.of(seg), log.users());
        FakeLv log2 = FakeLv.named("log2");
        seg.attach(ToyType.LOG, log2);
        assertEquals(List.of(), log.users());
        seg.detach(ToyType.LOG).detach(ToyType.LOG);
        assertEquals(Optional.empty(), seg.reference(ToyType.LOG));
        assertEquals(List.of(), log2.users());
    }

    @Test
    void anUndeclaredRoleIsRefusedAsTheEngineRefusesIt() {
        assertEquals("segment type toy declares no reference role 'pool'", assertThrows(IllegalArgumentException.class,
                () -> seg.attach(ReferenceRole.of("pool"), leg)).getMessage());
        assertEquals(List.of(), leg.users());
    }

    @Test
    void areaLengthFollowsTheCapabilities() {
        assertEquals(8, seg.areaLen());
        SegmentType striped = new ToyType() {
            @Override
            public Set<SegmentCapability> capabilities() {
                return EnumSet.of(SegmentCapability.AREAS_STRIPED);
            }
        };
        assertEquals(4, top.addSegment(striped, new ToyFields(0), 8, 2).areaLen());
        assertEquals(8, top.addSegment(striped, new ToyFields(0), 8, 0).areaLen());
    }

    @Test
    void fieldsAndTagsAreReplaced() {
        seg.setFields(new ToyFields(128)).setTags("a", "b");
        assertEquals(new ToyFields(128), seg.fields());
        assertEquals(List.of("a", "b"), seg.tags());
    }

    @Test
    void linkEventsNameTheLvInTheSlot() {
        FakeLv log = FakeLv.named("log");
        seg.setLvArea(1, leg, 0).attach(ToyType.LOG, log);
        assertEquals(new LinkEvent(leg, seg, Via.area(1)), seg.linkEvent(Via.area(1)));
        assertEquals(new LinkEvent(log, seg, Via.role(ToyType.LOG)), seg.linkEvent(Via.role(ToyType.LOG)));
        seg.setPvArea(0, FakePv.named("pv0"), 0);
        assertEquals("LV top segment at LE 0 holds no LV in area 0", assertThrows(IllegalStateException.class,
                () -> seg.linkEvent(Via.area(0))).getMessage());
        seg.detach(ToyType.LOG);
        assertThrows(IllegalStateException.class, () -> seg.linkEvent(Via.role(ToyType.LOG)));
    }
}
