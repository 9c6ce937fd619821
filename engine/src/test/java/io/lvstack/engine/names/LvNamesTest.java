package io.lvstack.engine.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LvNamesTest {
    private static VolumeGroup vgWith(String... names) {
        VolumeGroup vg = Lvstack.engine().newVolumeGroup("vg", VgProperties.simple("id", 8192));
        vg.apply(ed -> {
            for (String n : names) {
                ed.createLv(n, "id-" + n, EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE), List.of(),
                        LvProperties.NONE);
            }
        });
        return vg;
    }

    @Test
    void highestIndexPlusOneNotTheLowestGap() {
        assertEquals("lvol0", LvNames.next(vgWith(), "lvol"));
        assertEquals("lvol6", LvNames.next(vgWith("lvol0", "lvol5", "lvol2"), "lvol"));
        assertEquals("pvmove1", LvNames.next(vgWith("pvmove0", "lvol9"), "pvmove"));
    }

    @Test
    void readsTheIndexAsSscanfDoes() {
        assertEquals(3L, LvNames.index("lvol3_mimage_0", "lvol"));
        assertEquals(7L, LvNames.index("lvol007", "lvol"));
        assertEquals(-1L, LvNames.index("lvol-1", "lvol"));
        assertEquals(2L, LvNames.index("lvol+2", "lvol"));
        assertNull(LvNames.index("lvolx", "lvol"));
        assertNull(LvNames.index("lvol", "lvol"));
        assertNull(LvNames.index("xlvol1", "lvol"));
        assertNull(LvNames.index("lvol99999999999", "lvol"));
        // lvol-1 does not lower the next index below 0
        assertEquals("lvol0", LvNames.next(vgWith("lvol-1"), "lvol"));
        assertEquals("a_mimage_4", LvNames.next(vgWith("a", "a_mimage_0", "a_mimage_3", "a_mlog"), "a_mimage_"));
    }
}
