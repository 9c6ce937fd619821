package io.lvstack.segtype.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LVM2's interim levels, as the lab case {@code raidtakeover} saw LVM2 choose them. */
class RaidInterimTest {
    @ParameterizedTest
    @CsvSource({
        // from, images, asked, chosen, images a reshape leaves (0: none), replaced
        "raid0, 2, raid4, raid4, 0, false",
        "raid0_meta, 3, raid6, raid6_n_6, 0, true",
        "raid0_meta, 2, raid6, raid5_n, 0, true",
        "raid4, 3, raid5, raid5_n, 0, true",
        "raid5_n, 3, raid4, raid4, 0, false",
        "raid4, 3, raid0, raid0, 0, false",
        "raid5_n, 4, raid6, raid6_n_6, 0, true",
        "raid6_n_6, 5, raid5, raid5_n, 0, true",
        "raid5_n, 4, striped, striped, 0, false",
        "raid5, 4, raid6, raid6_ls_6, 0, true",
        "raid6_ls_6, 5, raid5, raid5_ls, 0, true",
        "raid10, 4, raid0, raid0, 0, false",
        "raid1, 2, raid5, raid5, 0, false",
        "raid5, 2, raid1, raid1, 0, false",
        "raid5, 3, raid6, raid5, 4, false",
        "raid5, 3, raid5_rs, raid5_rs, 0, false",
        "raid6, 5, raid0, raid6_n_6, 0, true",
        "raid5_ls, 3, striped, raid5_n, 0, true",
    })
    void choosesAsLvm2(String from, int images, String asked, String chosen, int reshapeTo, boolean replaced) {
        RaidInterim.Choice c = RaidInterim.choose(RaidLevel.named(from).orElseThrow(), images, asked, "vg/lv");
        assertEquals(chosen, c.type());
        assertEquals(reshapeTo == 0 ? null : reshapeTo, c.images());
        assertEquals(replaced, c.replaced());
    }

    @ParameterizedTest
    @CsvSource({"raid5, 3, 'Converting raid5 LV vg/lv to 4 stripes first.'",
        "raid5_n, 3, 'Converting raid5_n LV vg/lv to 4 stripes first.'"})
    void saysWhenItReshapesFirst(String from, int images, String line) {
        assertEquals(line, RaidInterim.choose(RaidLevel.named(from).orElseThrow(), images, "raid6", "vg/lv").first());
    }

    @org.junit.jupiter.api.Test
    void raid1OfThreeImagesIsRefusedInLvm2sWords() {
        LvstackException e = assertThrows(LvstackException.class,
                () -> RaidInterim.choose(RaidLevel.RAID1, 3, "raid5", "vg/lv"));
        assertEquals("Convert raid1 LV vg/lv to 2 images first.", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void raid4AndRaid5NAreOneLevel() {
        assertTrue(RaidInterim.sameLevel(RaidLevel.RAID4, RaidLevel.RAID5_N));
        assertFalse(RaidInterim.sameLevel(RaidLevel.RAID4, RaidLevel.RAID5_LS));
        assertTrue(RaidInterim.sameLevel(RaidLevel.RAID0, RaidLevel.RAID0_META));
        assertFalse(RaidInterim.sameLevel(RaidLevel.RAID1, RaidLevel.RAID10));
    }
}
