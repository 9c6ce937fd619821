package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakePluginSettingsTest {
    @Test
    void holdsTheMapSortedAndReadOnly() {
        FakePluginSettings s = FakePluginSettings.of(Map.of("region_size", "1024", "a", "x"));
        assertEquals(Optional.of("1024"), s.get("region_size"));
        assertEquals(Optional.empty(), s.get("nope"));
        assertEquals(List.of("a", "region_size"), List.copyOf(s.keys()));
        assertThrows(UnsupportedOperationException.class, () -> s.keys().clear());
        assertEquals("{a=x, region_size=1024}", s.toString());
    }

    @Test
    void numbersAreReadAsTheApiReadsThem() {
        assertEquals(1024, FakePluginSettings.of("region_size", " 1024 ").getLong("region_size", 7));
        assertEquals(7, FakePluginSettings.of(Map.of()).getLong("region_size", 7));
        assertEquals("setting 'region_size' = 'lots' is not a whole number", assertThrows(LvstackException.class,
                () -> FakePluginSettings.of("region_size", "lots").getLong("region_size", 7)).getMessage());
    }
}
