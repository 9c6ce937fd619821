package io.lvstack.engine.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.TestVgs;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The activation switches, pvmove's states, device naming and what makes a table impossible. */
class TableBuilderTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());

    private static VolumeGroup corpus(String name) {
        return FORMAT.read(Corpus.DIR.resolve(name + ".vg")).vg();
    }

    private static VolumeGroup text(String metadata) {
        return FORMAT.read(metadata.getBytes(StandardCharsets.UTF_8), "test.vg").vg();
    }

    private static VolumeGroup corpusEdited(MetadataFormat format, String name, String from, String to) {
        String t = Corpus.readString(Corpus.DIR.resolve(name + ".vg"));
        String edited = t.replaceFirst(from, to);
        if (edited.equals(t)) {
            throw new AssertionError(from + " not in " + name);
        }
        return format.read(edited.getBytes(StandardCharsets.UTF_8), name + ".vg").vg();
    }

    private static String table(VolumeGroup vg, TableOptions options) {
        DmTables t = TableBuilder.build(vg, options);
        return t.render() + String.join("\n", t.problems());
    }

    private static TableOptions switches(boolean monitoring, boolean nosync) {
        return new TableOptions(DeviceMap.hints(), null, monitoring, nosync);
    }

    @Test
    void anUnmonitoredMirrorHasNoHandleErrorsFeature() {
        assertEquals("vgm1-m: 0 49152 mirror disk 2 /dev/mapper/vgm1-m_mlog 128 2 /dev/mapper/vgm1-m_mimage_0 0 "
                + "/dev/mapper/vgm1-m_mimage_1 0\n",
                TableBuilder.build(corpus("mirror_disklog").lv("m"), switches(false, false)).devices().get(3).render());
    }

    @Test
    void nosyncCountsAsALogArgument() {
        assertEquals("vgm2-m: 0 40960 mirror core 2 256 nosync 2 /dev/mapper/vgm2-m_mimage_0 0 "
                + "/dev/mapper/vgm2-m_mimage_1 0 1 handle_errors\n",
                TableBuilder.build(corpus("mirror_corelog").lv("m"), switches(true, true)).devices().get(2).render());
        assertEquals("vgm1-m: 0 49152 mirror disk 3 /dev/mapper/vgm1-m_mlog 128 nosync 2 /dev/mapper/vgm1-m_mimage_0 0 "
                + "/dev/mapper/vgm1-m_mimage_1 0\n",
                TableBuilder.build(corpus("mirror_disklog").lv("m"), switches(false, true)).devices().get(3).render());
    }

    @Test
    void pvmoveNeverGetsNosyncNorHandleErrors() {
        assertEquals("vgp1-pvmove0: 0 24576 mirror core 1 4096 2 /dev/loop4 2048 /dev/loop7 2048\n"
                + "vgp1-pvmove0: 24576 16384 linear /dev/loop4 26624\n",
                TableBuilder.build(corpus("pvmove").lv("pvmove0"), switches(true, true)).devices().get(0).render());
    }

    @Test
    void movedPvmoveSegmentsMapTheDestinationAndTheNextOneRuns() {
        VolumeGroup vg = corpusEdited(FORMAT, "pvmove", "extents_moved = 0", "extents_moved = 3");
        assertEquals("vgp1-pvmove0: 0 24576 linear /dev/loop7 2048\n"
                + "vgp1-pvmove0: 24576 16384 mirror core 1 4096 2 /dev/loop4 26624 /dev/loop7 26624\n",
                TableBuilder.build(vg.lv("pvmove0"), TableOptions.defaults()).devices().get(0).render());
    }

    @Test
    void aPartlyMovedSegmentStillRuns() {
        VolumeGroup vg = corpusEdited(FORMAT, "pvmove", "extents_moved = 0", "extents_moved = 2");
        assertEquals("vgp1-pvmove0: 0 24576 mirror core 1 4096 2 /dev/loop4 2048 /dev/loop7 2048\n"
                + "vgp1-pvmove0: 24576 16384 linear /dev/loop4 26624\n",
                TableBuilder.build(vg.lv("pvmove0"), TableOptions.defaults()).devices().get(0).render());
    }

    @Test
    void pvmoveRegionIsTheDefaultReducedToAPowerOfTwoThatFitsTheSegment() {
        MetadataFormat bigRegion = new MetadataFormat(Lvstack.builder().set("segtype.mirror.region_size", 65536).build());
        VolumeGroup vg = bigRegion.read(Corpus.DIR.resolve("pvmove.vg")).vg();
        // 3 extents of 8192 sectors: 24576, of which the largest power of two is 16384.
        assertEquals("vgp1-pvmove0: 0 24576 mirror core 1 16384 2 /dev/loop4 2048 /dev/loop7 2048\n"
                + "vgp1-pvmove0: 24576 16384 linear /dev/loop4 26624\n",
                TableBuilder.build(vg.lv("pvmove0"), TableOptions.defaults()).devices().get(0).render());
    }

    @Test
    void aPvmoveLvBringsTheLvsBeingMoved() {
        DmTables t = TableBuilder.build(corpus("pvmove").lv("pvmove0"), TableOptions.defaults());
        assertEquals(List.of("vgp1-pvmove0", "vgp1-a", "vgp1-b"), t.devices().stream().map(DmDevice::name).toList());
        DmTables a = TableBuilder.build(corpus("pvmove").lv("a"), TableOptions.defaults());
        assertEquals(List.of("vgp1-pvmove0", "vgp1-a", "vgp1-b"), a.devices().stream().map(DmDevice::name).toList());
    }

    @Test
    void oneLvBringsWhatItStacksOnLogFirst() {
        DmTables t = TableBuilder.build(corpus("mirror_mirroredlog").lv("m"), TableOptions.defaults());
        assertEquals(List.of("vgm4-m_mlog_mimage_0", "vgm4-m_mlog_mimage_1", "vgm4-m_mlog", "vgm4-m_mimage_0",
                "vgm4-m_mimage_1", "vgm4-m"), t.devices().stream().map(DmDevice::name).toList());
        DmTables leg = TableBuilder.build(corpus("mirror_mirroredlog").lv("m_mimage_1"), TableOptions.defaults());
        assertEquals("vgm4-m_mimage_1: 0 32768 linear /dev/loop5 2048\n", leg.render());
    }

    @Test
    void aMirrorWithOneAreaIsLinear() {
        VolumeGroup vg = text(TestVgs.oneLv("m", """
                id = "lvid"
                status = ["READ", "WRITE", "VISIBLE"]
                segment_count = 1
                segment1 {
                start_extent = 0
                extent_count = 4
                type = "mirror"
                mirror_count = 1
                region_size = 1024
                mirrors = ["pvA", 10]
                }
                """));
        assertEquals("vg-m: 0 32768 linear /dev/sdb 83968\n", table(vg, TableOptions.defaults()));
    }

    @Test
    void dashesInNamesAreDoubled() {
        assertEquals("vg--a-lv--1--b", DmName.of("vg-a", "lv-1-b"));
        assertEquals("vg-lv_mimage_0", DmName.of("vg", "lv_mimage_0"));
        VolumeGroup vg = text(TestVgs.oneLv("my-lv", TestVgs.linearLv(0)).replace("vg {", "my-vg {"));
        assertEquals("my--vg-my--lv: 0 32768 linear /dev/sdb 2048\n", table(vg, TableOptions.defaults()));
    }

    @Test
    void mappedPvsAreGivenByNumberAnyKeyWorks() {
        VolumeGroup vg = corpus("striped");
        for (String key : List.of("pv0", "/dev/loop4", vg.pvs().get(0).id())) {
            TableOptions o = new TableOptions(DeviceMap.ofArguments("--device", List.of(key + "=7:4", "pv1=007:5")), null,
                    true, false);
            assertEquals("vg3-s2: 0 131072 striped 2 128 7:4 2048 7:5 2048",
                    TableBuilder.build(vg, o).render().lines().findFirst().orElseThrow());
        }
    }

    @Test
    void lvDevicesAreNumberedInLoadOrderAroundFixedMinors() {
        VolumeGroup vg = corpusEdited(FORMAT, "stripe_on_lvs", "(\n\t\tua \\{\n[^\n]*\n\t\t\tstatus = \\[\"READ\", \"WRITE\")\\]",
                "$1, \"FIXED_MINOR\"]\n\t\t\tminor = 0");
        TableOptions o = new TableOptions(DeviceMap.hints(), new TableOptions.DmNumbers(254, 0), true, false);
        // ua keeps its minor 0 (and LVM2's major when metadata gives none); ub and st get the next free ones.
        assertEquals("vgs1-st: 0 65536 striped 2 128 254:0 0 254:1 0",
                table(vg, o).lines().filter(l -> l.startsWith("vgs1-st")).findFirst().orElseThrow());
        TableOptions from5 = new TableOptions(DeviceMap.hints(), new TableOptions.DmNumbers(253, 5), true, false);
        assertEquals("vgs1-st: 0 65536 striped 2 128 253:0 0 253:5 0",
                table(vg, from5).lines().filter(l -> l.startsWith("vgs1-st")).findFirst().orElseThrow());
    }

    @Test
    void anLvOnAMissingPvOrAPvWithoutDeviceHasNoTable() {
        VolumeGroup missing = text(TestVgs.oneLv("lv", TestVgs.linearLv(0)).replace("status = [\"ALLOCATABLE\"]",
                "status = [\"ALLOCATABLE\"]\nflags = [\"MISSING\"]"));
        assertEquals("vg/lv: uses pv0, which is MISSING; LVM2 refuses to activate a partial LV", table(missing,
                TableOptions.defaults()));
        VolumeGroup noHint = text(TestVgs.oneLv("lv", TestVgs.linearLv(0)).replace("device = \"/dev/sdb\"\n", ""));
        assertEquals("vg/lv: uses pv0 (pvid), which has no device hint and no device mapped",
                table(noHint, TableOptions.defaults()));
        TableOptions mapped = new TableOptions(DeviceMap.ofArguments("--device", List.of("pvid=8:16")), null, true, false);
        assertEquals("vg-lv: 0 32768 linear 8:16 2048\n", table(noHint, mapped));
        VolumeGroup spaced = text(TestVgs.oneLv("lv", TestVgs.linearLv(0)).replace("/dev/sdb", "/dev/my disk"));
        assertEquals("vg/lv: uses pv0, whose device hint holds a space or control character and cannot stand in a table; "
                + "map pv0 to its MAJOR:MINOR", table(spaced, TableOptions.defaults()));
        assertEquals("vg-lv: 0 32768 linear 8:16 2048\n", table(spaced, new TableOptions(
                DeviceMap.ofArguments("--device", List.of("pv0=8:16")), null, true, false)));
    }

    @Test
    void theUsersOfAnLvWithoutTableHaveNoneEither() {
        // without the cache plugin, the cachepool case holds a type no loaded plugin provides
        MetadataFormat noCache = new MetadataFormat(Lvstack.builder().set("lvstack.segtypes.exclude",
                "cache-pool,cache,writecache").build());
        DmTables t = TableBuilder.build(noCache.read(Corpus.DIR.resolve("cachepool.vg")).vg(), TableOptions.defaults());
        assertEquals(List.of("vg7/cpool: segment 1 is of type cache-pool, which no loaded plugin provides"), t.problems());
        VolumeGroup vg = corpusEdited(FORMAT, "stripe_on_lvs", "(pv0 \\{[^}]*?)flags = \\[\\]",
                "$1flags = [\"MISSING\"]");
        assertEquals("""
                vgs1-ub: 0 32768 linear /dev/loop5 2048
                vgs1/ua: uses pv0, which is MISSING; LVM2 refuses to activate a partial LV
                vgs1/st: needs vgs1/ua, whose table could not be built""", table(vg, TableOptions.defaults()));
    }
}
