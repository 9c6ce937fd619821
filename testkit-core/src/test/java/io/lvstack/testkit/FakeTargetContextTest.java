package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import org.junit.jupiter.api.Test;

class FakeTargetContextTest {
    private final FakeTargetContext context = new FakeTargetContext();

    @Test
    void aPvAreaIsItsDeviceAndSectorAfterPeStart() {
        FakePv pv = FakePv.named("pv0").setDevice("/dev/sdb").setPeStart(2048);
        assertEquals("/dev/sdb 2048", context.device(new Area.OnPv(pv, 0), 0));
        assertEquals("/dev/sdb " + (2048 + 5 * 8192), context.device(new Area.OnPv(pv, 3), 2));
        assertEquals("/dev/sdb " + (2048 + 3 * 64), context.setExtentSize(64).device(new Area.OnPv(pv, 3), 0));
    }

    @Test
    void anLvAreaIsItsMappedDeviceAndSector() {
        FakeLv lv = FakeLv.named("lower");
        context.mapLv(lv, "253:4");
        assertEquals("253:4", context.lvDevice(lv));
        assertEquals("253:4 " + 6 * 8192, context.device(new Area.OnLv(lv, 4), 2));
    }

    @Test
    void whatHasNoDeviceIsTheEnginesError() {
        assertEquals("names lower, which is not loaded with it", assertThrows(LvstackException.class,
                () -> context.lvDevice(FakeLv.named("lower"))).getMessage());
        assertEquals("uses PV pv0, which has no device hint", assertThrows(LvstackException.class,
                () -> context.device(new Area.OnPv(FakePv.named("pv0"), 0), 0)).getMessage());
    }

    @Test
    void switchesAndTheCounterAreTheTests() {
        assertEquals(8192, context.extentSize());
        assertTrue(context.monitoring());
        assertFalse(context.nosync());
        context.setMonitoring(false).setNosync(true);
        assertFalse(context.monitoring());
        assertTrue(context.nosync());
        assertEquals(0, context.countInLv("a"));
        assertEquals(1, context.countInLv("a"));
        assertEquals(0, context.countInLv("b"));
        assertThrows(IllegalArgumentException.class, () -> context.setExtentSize(0));
    }
}
