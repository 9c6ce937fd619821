package io.lvstack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SpiVersionTest {
    @Test
    void theConstantsMatchTheBuildsSpiVersion() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/build.properties")) {
            p.load(in);
        }
        // Plugin descriptors are filtered from the same POM property.
        assertEquals(SpiVersion.parse(p.getProperty("spi.version")), SpiVersion.CURRENT);
    }

    @Test
    void sameMajorAndNotNewerMinorLoads() {
        SpiVersion host = SpiVersion.of(1, 2);
        assertTrue(SpiVersion.of(1, 0).loadableBy(host));
        assertTrue(SpiVersion.of(1, 2).loadableBy(host));
        assertFalse(SpiVersion.of(1, 3).loadableBy(host));
        assertFalse(SpiVersion.of(2, 0).loadableBy(host));
        assertFalse(SpiVersion.of(0, 9).loadableBy(host));
    }

    @Test
    void parsesMajorDotMinorOnly() {
        assertEquals(SpiVersion.of(1, 10), SpiVersion.parse(" 1.10 "));
        LvstackException e = assertThrows(LvstackException.class, () -> SpiVersion.parse("1"));
        assertEquals("SPI version '1' is not of the form MAJOR.MINOR", e.getMessage());
        assertThrows(LvstackException.class, () -> SpiVersion.parse("1.x"));
    }
}
