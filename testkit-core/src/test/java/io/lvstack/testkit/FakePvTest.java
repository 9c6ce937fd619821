package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FakePvTest {
    @Test
    void defaultsAreLvm2sWithTheNameAsId() {
        FakePv pv = FakePv.named("pv0");
        assertEquals("pv0", pv.name());
        assertEquals("pv0", pv.id());
        assertEquals("", pv.device());
        assertEquals(2048, pv.peStart());
        assertEquals(0, pv.peCount());
        assertEquals("PV pv0", pv.toString());
    }

    @Test
    void everyFieldIsSet() {
        FakePv pv = FakePv.named("pv1").setId("abc-def").setDevice("/dev/sdb").setPeStart(384).setPeCount(100);
        assertEquals("abc-def", pv.id());
        assertEquals("/dev/sdb", pv.device());
        assertEquals(384, pv.peStart());
        assertEquals(100, pv.peCount());
        assertThrows(IllegalArgumentException.class, () -> pv.setPeStart(-1));
        assertThrows(IllegalArgumentException.class, () -> pv.setPeCount(-1));
        assertThrows(NullPointerException.class, () -> pv.setDevice(null));
    }
}
