package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.ops.LvCreate;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.testkit.harness.PluginHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code lvcreate --type cache-pool} through the SPI's creator, held to what LVM2 2.03.16 wrote
 * for the corpus step {@code cachepool#2} ({@code lvcreate -an --type cache-pool -L 32M -n cpool vg7}).
 */
class CachePoolCreatorTest {
    private final PluginHarness harness = PluginHarness.withProvider(new CachePoolProvider());

    private static LvCreate.Request cachePool(String name, String size, LvCreate.TypeOptions options) {
        return new LvCreate.Request(name, LvSize.ofSize(size), 1, null, AllocPolicy.INHERIT, List.of(), null,
                "cache-pool", options);
    }

    /**
     * The VG section without LV ids, creation times and hosts, as the corpus steps are compared,
     * and without the seqno and device hints, which a restore onto loop devices changes.
     */
    private static String comparable(String text) {
        StringBuilder b = new StringBuilder();
        boolean inVg = false;
        boolean inLvs = false;
        for (String l : text.split("\n", -1)) {
            inVg |= l.matches("^\\S+ \\{$");
            inLvs |= l.equals("\tlogical_volumes {");
            String t = l.trim();
            if (inVg && !t.startsWith("creation_time =") && !t.startsWith("creation_host =")
                    && !t.startsWith("seqno =") && !t.startsWith("device =") && !(inLvs && t.startsWith("id ="))) {
                b.append(l).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void aCachePoolIsMadeAsLvm2MakesIt() throws IOException {
        ImportedVg vg = harness.read(Corpus.file("cachepool.step1.vg"));
        List<String> messages = harness.lvcreate(vg.vg(), cachePool("cpool", "32M", null));
        assertEquals(List.of("  Logical volume \"cpool\" created."), messages);
        String written = harness.write(vg, MetadataFormat.Form.FILE);
        assertEquals(comparable(Files.readString(Corpus.file("cachepool.step2.vg"))), comparable(written));
        assertEquals(List.of(), harness.check(written, "cpool.vg").problems());
    }

    @Test
    void aSecondPoolGrowsTheSpareToItsMetadataSize() throws IOException {
        ImportedVg vg = harness.read(Corpus.file("cachepool.step2.vg"));
        // 8 MiB of data needs 2 extents of metadata, as the first pool's; --poolmetadatasize 16M
        // asks for 4, so the VG's one spare grows from 2 extents to 4
        long seqno = vg.vg().properties().seqno();
        harness.lvcreate(vg.vg(), cachePool("big", "8M", new LvCreate.TypeOptions(null, null, null, null, 16L * 2048)));
        assertEquals(4, vg.vg().lv("lvol0_pmspare").extentCount());
        // one commit without a new spare (LVM2 2.03.16 on loop devices: restored at seqno 5, then 6)
        assertEquals(seqno + 1, vg.vg().properties().seqno());
        assertEquals(4, vg.vg().lv("big_cmeta").extentCount());
        assertEquals(2, vg.vg().lv("big_cdata").extentCount());
        // LVM2's own result of the same command on the restored step (vgcfgbackup after
        // lvcreate -an --type cache-pool -L 8M --poolmetadatasize 16M -n big vg7)
        assertEquals(comparable(lvm2("cachepool.bigpool.vg")), comparable(harness.write(vg, MetadataFormat.Form.FILE)));
    }

    @Test
    void aChunkSizeAndAPvArgumentAreLvm2s() throws IOException {
        ImportedVg vg = harness.read(Corpus.file("cachepool.step1.vg"));
        long seqno = vg.vg().properties().seqno();
        harness.lvcreate(vg.vg(), new LvCreate.Request("cp2", LvSize.ofSize("20M"), 1, null, AllocPolicy.INHERIT,
                List.of(PvRange.whole(vg.vg().pvs().get(1))), null, "cache-pool",
                new LvCreate.TypeOptions(null, null, null, 256L, null)));
        // a new spare: two commits, as LVM2 (restored at seqno 3, then 5)
        assertEquals(seqno + 2, vg.vg().properties().seqno());
        // LVM2: lvcreate -an --type cache-pool -L 20M -c 128k -n cp2 vg7 /dev/loop5 (pv1)
        assertEquals(comparable(lvm2("cachepool.cp2.vg")), comparable(harness.write(vg, MetadataFormat.Form.FILE)));
    }

    /** What LVM2 2.03.16 wrote (vgcfgbackup) after the same command on the corpus step restored to loop devices. */
    private static String lvm2(String name) throws IOException {
        try (var in = CachePoolCreatorTest.class.getResourceAsStream("/lvm2/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aChunkSizeOutsideLvm2sRangeIsRefusedAndNothingChanges() {
        ImportedVg vg = harness.read(Corpus.file("cachepool.step1.vg"));
        String before = harness.write(vg, MetadataFormat.Form.FILE);
        LvstackException e = assertThrows(LvstackException.class, () -> harness.lvcreate(vg.vg(),
                cachePool("cpool", "32M", new LvCreate.TypeOptions(null, null, null, 4L << 21, null))));
        assertEquals("Cache chunk size 4.00 GiB is not in the range 32.00 KiB to 1.00 GiB.", e.getMessage());
        assertEquals(before, harness.write(vg, MetadataFormat.Form.FILE));
    }

    @Test
    void noRoomIsLvm2sRefusal() {
        ImportedVg vg = harness.read(Corpus.file("cachepool.step1.vg"));
        LvstackException e = assertThrows(LvstackException.class,
                () -> harness.lvcreate(vg.vg(), cachePool("cpool", "100G", null)));
        assertEquals(true, e.getMessage().startsWith("Insufficient"), e.getMessage());
    }
}
