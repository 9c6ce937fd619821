package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the thin and snapshot commands print, as LVM2 with device-mapper printed it for the same
 * commands (the lab VM case {@code thinops}: its steps 20 to 23 ran on its step 19, where the
 * origin has one COW snapshot and the pool one thin LV).
 */
class ThinSnapshotCommandsTest {
    private static final Path LAB = VmStepParityTest.LAB;

    @TempDir
    Path tmp;

    private Path step(int k) throws IOException {
        Path p = tmp.resolve("in.vg");
        Files.copy(LAB.resolve("thinops.step" + k + ".vg"), p);
        return p;
    }

    @Test
    void lvremoveWithoutYesAsksAndRemovesNothing() throws IOException {
        Path in = step(19);
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.withFile(in, "lvremove", "vgx/pool");
        assertEquals(5, r.exitCode());
        assertEquals("Removing pool vgx/pool will remove 1 dependent volume(s). Proceed? [y/n]: [n]\n", r.out());
        assertEquals("lvstack: Logical volume vgx/pool not removed.\n", r.err());
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void lvremoveYesRemovesWhatDependsOnTheLvFirst() throws IOException {
        Path in = step(19);
        CliRun origin = CliRun.withFile(in, "lvremove", "-y", "vgx/origin");
        assertEquals(0, origin.exitCode(), origin.err());
        assertEquals("""
                  Logical volume "s1" successfully removed.
                  Logical volume "origin" successfully removed.
                """, origin.out());
        CliRun pool = CliRun.withFile(in, "lvremove", "-y", "vgx/pool");
        assertEquals(0, pool.exitCode(), pool.err());
        assertEquals("""
                  Logical volume "thin1" successfully removed.
                  Logical volume "pool" successfully removed.
                """, pool.out());
    }

    @Test
    void activationAloneChangesNoMetadata() throws IOException {
        Path in = step(19);
        byte[] before = Files.readAllBytes(in);
        CliRun r = CliRun.withFile(in, "lvchange", "-an", "vgx/lin");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void poolMetadataSizeIsForPoolsOnly() throws IOException {
        Path in = step(19);
        CliRun r = CliRun.withFile(in, "lvextend", "--poolmetadatasize", "+4m", "vgx/lin");
        assertEquals(5, r.exitCode());
        assertEquals("lvstack: --poolmetadatasize can be used only with pools: vgx/lin is no pool.\n", r.err());
    }

    /**
     * One pending transaction: the first thin LV raises the pool's {@code transaction_id}, the
     * second joins it; removing the first before LVM2 sent anything drops its {@code create} and
     * queues its {@code delete}, as LVM2's {@code detach_pool_lv} does (with device-mapper, LVM2
     * then sent the result to the kernel and activated the pool and the second thin LV).
     */
    @Test
    void thinLvsMadeAndRemovedOfflineShareOnePendingTransaction() throws IOException {
        Path in = tmp.resolve("thin.vg");
        Files.copy(VmStepParityTest.VM.resolve("thin.vg"), in);
        String pool = poolSection(Files.readString(in));
        assertEquals(0, CliRun.withFile(in, "lvcreate", "-V", "8m", "--thinpool", "vgt/pool", "-n", "qa", "vgt")
                .exitCode());
        assertEquals(0, CliRun.withFile(in, "lvcreate", "-V", "8m", "--thinpool", "vgt/pool", "-n", "qb", "vgt")
                .exitCode());
        assertEquals(pool.replace("transaction_id = 6", "transaction_id = 7").replace("zero_new_blocks = 1",
                "zero_new_blocks = 1\n\n\t\t\t\tmessage1 {\n\t\t\t\t\tcreate = \"qa\"\n\t\t\t\t}\n"
                        + "\t\t\t\tmessage2 {\n\t\t\t\t\tcreate = \"qb\"\n\t\t\t\t}"),
                poolSection(Files.readString(in)));
        assertEquals(0, CliRun.withFile(in, "lvremove", "-y", "vgt/qa").exitCode());
        assertEquals(pool.replace("transaction_id = 6", "transaction_id = 7").replace("zero_new_blocks = 1",
                "zero_new_blocks = 1\n\n\t\t\t\tmessage1 {\n\t\t\t\t\tcreate = \"qb\"\n\t\t\t\t}\n"
                        + "\t\t\t\tmessage2 {\n\t\t\t\t\tdelete = 6\n\t\t\t\t}"),
                poolSection(Files.readString(in)));
    }

    /** A pool made offline says, in LVM2's words for it, that nothing cleared its metadata LV. */
    @Test
    void aNewPoolSaysItsMetadataIsNotInitialized() throws IOException {
        Path in = step(0);
        CliRun r = CliRun.withFile(in, "lvcreate", "-y", "--type", "thin-pool", "-L", "64m", "-n", "pool", "vgx");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                  WARNING: Pool pool is created without initialization.
                  Logical volume "pool" created.
                """, r.out());
    }

    /**
     * Striped pool data and COW stores: each allocated run is one segment over the stripes, as long
     * as its pieces together (LVM2's oracle restores the result).
     */
    @Test
    void stripedPoolDataAndCowStoresHaveTheirSizes() throws IOException {
        Path in = step(0);
        assertEquals(0, CliRun.withFile(in, "lvcreate", "-y", "--type", "thin-pool", "-i", "2", "-L", "64m", "-n", "sp",
                "vgx").exitCode());
        assertEquals(0, CliRun.withFile(in, "lvextend", "-y", "-L", "+16m", "vgx/sp").exitCode());
        assertEquals(0, CliRun.withFile(in, "lvcreate", "-y", "-L", "16m", "-n", "o", "vgx").exitCode());
        assertEquals(0, CliRun.withFile(in, "lvcreate", "-y", "-s", "-i", "2", "-L", "8m", "-n", "os", "vgx/o")
                .exitCode());
        CliRun lvs = CliRun.of("lvs", "-a", "-o", "lv_name,seg_size_pe,stripes,segtype", in.toString());
        assertEquals(List.of(
                "  LV              SSize #Str Type",
                "  [lvol0_pmspare]     1    1 linear",
                "  o                   4    1 linear",
                "  os                  2    2 striped",
                "  sp                 20    1 thin-pool",
                "  [sp_tdata]         20    2 striped",
                "  [sp_tmeta]          1    1 linear"), lvs.out().lines().map(String::stripTrailing).toList());
        assertEquals(0, CliRun.of("check", in.toString()).exitCode());
        io.lvstack.engine.Lvm2Acceptance.check("thinsnap/striped", Files.readString(in));
    }

    /** The pool's segment section of a thin case's file. */
    private static String poolSection(String text) {
        int at = text.indexOf("\t\t\t\ttype = \"thin-pool\"");
        return text.substring(at, text.indexOf("\n\t\t\t}\n", at));
    }
}
