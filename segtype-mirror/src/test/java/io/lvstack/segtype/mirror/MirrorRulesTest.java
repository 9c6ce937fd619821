package io.lvstack.segtype.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LVM2's rules of mirror operations that need no VG: log words, region and log sizes. The
 * operations themselves run on the engine and are tested there ({@code engine/src/test/.../ops/convert}):
 * the engine's tests use this plugin, so its own tests cannot use the engine.
 */
class MirrorRulesTest {

    @Test
    void logTypesByLvm2Word() {
        assertEquals(List.of(MirrorLog.CORE, MirrorLog.DISK, MirrorLog.MIRRORED),
                List.of(MirrorLog.of("core"), MirrorLog.of("disk"), MirrorLog.of("mirrored")));
        assertEquals(2, MirrorLog.MIRRORED.count());
        assertEquals("mirrored", MirrorLog.MIRRORED.word());
        assertEquals("Unknown mirrorlog type: redundant",
                assertThrows(LvstackException.class, () -> MirrorLog.of("redundant")).getMessage());
    }

    @Test
    void regionSizeIsAdjustedToTheLv() {
        assertEquals(1024, MirrorRegion.adjust(8192, 6, 1024));
        // larger than the LV (3 x 8192 sectors): the largest power of two below the LV's size
        assertEquals(16384, MirrorRegion.adjust(8192, 3, 65536));
        assertEquals(32768, MirrorRegion.adjust(8192, 4, 65536));
        assertEquals(16, MirrorRegion.adjust(8, 3, 32));
        assertEquals(32, MirrorRegion.adjust(8, 4, 32));
        assertEquals("Region size (1000) must be a power of 2",
                assertThrows(LvstackException.class, () -> MirrorRegion.adjust(8192, 4, 1000)).getMessage());
        assertEquals(1, MirrorRegion.logExtents(1024, 8192, 6));
        // 100000 regions: a 12500-byte bitmap after the 1024-byte header is 27 sectors, 4 extents of 8
        assertEquals(4, MirrorRegion.logExtents(8, 8, 100000));
        assertEquals(1, MirrorRegion.logExtents(8, 8, 4096));
    }

    @Test
    void theTypeCreatesAndConvertsItsLvs() {
        MirrorSegmentType type = new MirrorSegmentType(4096);
        assertEquals(true, type.creator().isPresent());
        assertEquals(true, type.converter().isPresent());
        assertEquals(MirrorMarks.CONVERTING, io.lvstack.api.model.LvMark.CONVERTING);
    }
}
