package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.ops.LvCreate;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.ops.alloc.AllocPolicy;
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

    /** The VG section without LV ids, creation times and hosts, as the corpus steps are compared. */
    private static String comparable(String text) {
        StringBuilder b = new StringBuilder();
        boolean inVg = false;
        boolean inLvs = false;
        for (String l : text.split("\n", -1)) {
            inVg |= l.matches("^\\S+ \\{$");
            inLvs |= l.equals("\tlogical_volumes {");
            String t = l.trim();
            if (inVg && !t.startsWith("creation_time =") && !t.startsWith("creation_host =")
                    && !(inLvs && t.startsWith("id ="))) {
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
    void aSecondPoolGrowsTheSpareToItsMetadataSize() {
        ImportedVg vg = harness.read(Corpus.file("cachepool.step2.vg"));
        // 8 MiB of data needs 2 extents of metadata, as the first pool's; --poolmetadatasize 16M
        // asks for 4, so the VG's one spare grows from 2 extents to 4
        harness.lvcreate(vg.vg(), cachePool("big", "8M", new LvCreate.TypeOptions(null, null, null, null, 16L * 2048)));
        assertEquals(4, vg.vg().lv("lvol0_pmspare").extentCount());
        assertEquals(4, vg.vg().lv("big_cmeta").extentCount());
        assertEquals(2, vg.vg().lv("big_cdata").extentCount());
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
