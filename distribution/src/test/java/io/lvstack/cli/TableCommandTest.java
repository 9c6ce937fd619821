package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lvstack table}: what it prints, its options, and its refusals. */
class TableCommandTest {
    private static final Path CORPUS = FmtCommandTest.CORPUS;

    @TempDir
    Path dir;

    private static String corpus(String name) {
        return CORPUS.resolve(name + ".vg").toString();
    }

    @Test
    void printsEveryLvsTableInLoadOrder() {
        CliRun r = CliRun.of("table", corpus("mirror_disklog"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                vgm1-m_mlog: 0 8192 linear /dev/loop6 2048
                vgm1-m_mimage_0: 0 49152 linear /dev/loop4 2048
                vgm1-m_mimage_1: 0 49152 linear /dev/loop5 2048
                vgm1-m: 0 49152 mirror disk 2 /dev/mapper/vgm1-m_mlog 128 2 /dev/mapper/vgm1-m_mimage_0 0 \
                /dev/mapper/vgm1-m_mimage_1 0 1 handle_errors
                vgm1-other: 0 32768 linear /dev/loop4 51200
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void oneLvWithDevicesNumbersAndSwitches() throws Exception {
        Path devs = dir.resolve("devs");
        Files.writeString(devs, "/dev/loop4 7:4\n/dev/loop5 7:5\n");
        CliRun r = CliRun.of("table", corpus("mirror_corelog"), "vgm2/m", "--devices", devs.toString(), "--dm-major", "253",
                "--monitor", "n", "--nosync");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                vgm2-m_mimage_0: 0 40960 linear 7:4 2048
                vgm2-m_mimage_1: 0 40960 linear 7:5 2048
                vgm2-m: 0 40960 mirror core 2 256 nosync 2 253:0 0 253:1 0
                """, r.out());
        CliRun dev = CliRun.of("table", corpus("mirror_corelog"), "vgm2/m_mimage_1", "--device", "pv1=8:16",
                "--devices", devs.toString());
        assertEquals("vgm2-m_mimage_1: 0 40960 linear 8:16 2048\n", dev.out(), "--device wins over the file: " + dev.err());
        assertEquals("vgm2-m_mimage_1: 0 40960 linear /dev/loop5 2048\n",
                CliRun.of("table", corpus("mirror_corelog"), "m_mimage_1").out(), "an LV by its name alone");
    }

    @Test
    void lvsWithoutTablePrintTheRestAndExitOne() {
        // without the cache plugin, the cache pool is of a type no loaded plugin provides
        CliRun r = CliRun.of("table", corpus("cachepool"), "-D", "lvstack.segtypes.exclude=cache-pool,cache,writecache");
        assertEquals(5, r.exitCode());
        // plain, cpool_cmeta and cpool_cdata: not the pool-metadata spare, which LVM2 never activates
        assertEquals(3, r.outLines().size(), r.out());
        assertEquals("lvstack: vg7/cpool: segment 1 is of type cache-pool, which no loaded plugin provides",
                r.errLines().get(r.errLines().size() - 1));
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertEquals("lvstack: Failed to find logical volume \"vgm2/nope\"\n",
                CliRun.of("table", corpus("mirror_corelog"), "vgm2/nope").err());
        assertEquals("lvstack: Volume group \"other\" not found\n",
                CliRun.of("table", corpus("mirror_corelog"), "other/m").err());
        assertEquals("lvstack: Invalid argument for --monitor: maybe (y or n)\n",
                CliRun.of("table", corpus("mirror_corelog"), "--monitor", "maybe").err());
        assertEquals("lvstack: --dm-first-minor needs --dm-major\n",
                CliRun.of("table", corpus("mirror_corelog"), "--dm-first-minor", "3").err());
        CliRun r = CliRun.of("table", corpus("mirror_corelog"), "--device", "pv7=8:0");
        assertEquals(5, r.exitCode());
        assertEquals("lvstack: --device pv7=8:0: VG vgm2 has no PV pv7 (PVs are named pv0..pv3 as in the metadata, "
                + "by UUID or by device path)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void invalidMetadataIsRefusedAsLvm2RefusesToActivateIt() {
        Path bad = CORPUS.resolve("bad/imagesize.vg");
        CliRun r = CliRun.of("table", bad.toString());
        assertEquals(5, r.exitCode());
        assertEquals("", r.out());
        assertEquals("lvstack: " + bad + ": refusing to build device-mapper tables for metadata with 2 errors (lvstack "
                + "check " + bad + " lists them); the first: vgx/m segment 1: LV m: mirrored LV segment 0 has wrong size 4 "
                + "(should be 2).\n", r.err());
        // A cyclic stack is refused as it is read, before any table (LVM2 accepts it, and crashes later).
        Path cycle = CORPUS.resolve("bad/cycle.vg");
        CliRun c = CliRun.of("table", cycle.toString());
        assertEquals(5, c.exitCode());
        assertEquals("", c.out());
        assertEquals(true, c.err().contains("it would make a cycle good2 -> good -> good2"), c.err());
    }
}
