package io.lvstack.api.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceLayoutTest {
    @Test
    void standardIsOneDeviceOfTheLvsSegments() {
        assertEquals(Optional.of(DeviceTable.segments()), DeviceLayout.standard().top());
        assertEquals(List.of(), DeviceLayout.standard().layers());
        assertTrue(DeviceLayout.none().isNone());
    }

    @Test
    void aLayeredLayoutFindsItsLayersByName() {
        DeviceLayout l = DeviceLayout.top(DeviceTable.line(49152, "snapshot-origin 253:1"))
                .withLayer("real", DeviceTable.segments());
        assertEquals(Optional.of(new DeviceLayout.Layer("real", DeviceTable.segments())), l.layer("real"));
        assertEquals(Optional.empty(), l.layer("cow"));
        assertEquals(l, DeviceLayout.top(DeviceTable.line(49152, "snapshot-origin 253:1"))
                .withLayer("real", DeviceTable.segments()));
    }

    @Test
    void whatCannotBeALayoutIsRefused() {
        DeviceLayout top = DeviceLayout.top(DeviceTable.line(8, "zero"));
        assertThrows(IllegalArgumentException.class, () -> top.withLayer("a", DeviceTable.segments()).withLayer("a",
                DeviceTable.line(8, "zero")));
        assertThrows(IllegalArgumentException.class, () -> DeviceLayout.standard().withLayer("real", DeviceTable.segments()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceLayout(Optional.empty(),
                List.of(new DeviceLayout.Layer("real", DeviceTable.segments()))));
        for (String bad : List.of("", "-real", "re al", "a/b")) {
            assertThrows(IllegalArgumentException.class, () -> new DeviceLayout.Layer(bad, DeviceTable.segments()), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> DeviceTable.lines(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceTable.Line(0, 0, "zero"));
        assertThrows(IllegalArgumentException.class, () -> new DeviceTable.Line(-1, 8, "zero"));
        assertThrows(IllegalArgumentException.class, () -> new DeviceTable.Line(0, 8, " "));
    }
}
