package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
