package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeLvTest {
    private final ToyType toy = new ToyType();

    @Test
    void aNewLvIsEmptyHiddenAndOfLvm2sExtentSize() {
        FakeLv lv = FakeLv.named("lvol0");
        assertEquals("lvol0", lv.name());
        assertEquals(Set.of(), lv.status());
        assertEquals(Set.of(), lv.marks());
        assertEquals(List.of(), lv.segments());
        assertEquals(0, lv.extentCount());
        assertEquals(8192, lv.extentSize());
        assertEquals(0, lv.userCount());
        assertEquals(List.of(), lv.users());
        assertFalse(lv.visible());
        assertFalse(lv.component());
        assertEquals("LV lvol0", lv.toString());
    }

    @Test
    void statusAndMarksAreAddedAndRemoved() {
        FakeLv lv = FakeLv.named("m").addStatus(LvStatus.READ, LvStatus.VISIBLE).addMarks(ToyType.LEG, LvMark.of("x"));
        assertEquals(Set.of(LvStatus.READ, LvStatus.VISIBLE), lv.status());
        assertTrue(lv.visible());
        assertTrue(lv.has(ToyType.LEG));
        assertTrue(lv.component());
        lv.removeStatus(LvStatus.VISIBLE).removeMarks(ToyType.LEG);
        assertEquals(Set.of(LvStatus.READ), lv.status());
        assertEquals(Set.of(LvMark.of("x")), lv.marks());
        assertFalse(lv.component());
    }

    @Test
    void theViewsCannotBeChangedThroughTheSpi() {
        FakeLv lv = FakeLv.named("m");
        lv.addSegment(toy, new ToyFields(0), 4, 0);
        assertThrows(UnsupportedOperationException.class, () -> lv.status().add(LvStatus.READ));
        assertThrows(UnsupportedOperationException.class, () -> lv.marks().add(ToyType.LEG));
        assertThrows(UnsupportedOperationException.class, () -> lv.segments().clear());
        assertThrows(UnsupportedOperationException.class, () -> lv.users().clear());
    }

    @Test
    void segmentsFollowEachOtherAndMakeTheSize() {
        FakeLv lv = FakeLv.named("m");
        FakeSegment a = lv.addSegment(toy, new ToyFields(0), 4, 1);
        FakeSegment b = lv.addSegment(toy, new ToyFields(0), 6, 2);
        assertEquals(List.of(a, b), lv.segments());
        assertEquals(0, a.le());
        assertEquals(4, b.le());
        assertEquals(6, b.len());
        assertEquals(10, lv.extentCount());
        assertEquals(lv, b.lv());
    }

    @Test
    void aSetSizeWinsOverTheSegments() {
        FakeLv lv = FakeLv.named("leg").setExtents(8).setExtentSize(128);
        assertEquals(8, lv.extentCount());
        lv.addSegment(toy, new ToyFields(0), 4, 0);
        assertEquals(8, lv.extentCount());
        assertEquals(128, lv.extentSize());
        assertEquals("negative extent count -1", assertThrows(IllegalArgumentException.class,
                () -> lv.setExtents(-1)).getMessage());
        assertEquals("extent size must be positive, not 0", assertThrows(IllegalArgumentException.class,
                () -> lv.setExtentSize(0)).getMessage());
    }
}
