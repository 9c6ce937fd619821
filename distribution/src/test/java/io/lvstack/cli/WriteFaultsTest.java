package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that really fail: a full file system (a 64 KiB tmpfs), a read-only one (a read-only bind
 * mount; a read-only mode bit does not stop root), and a path through a regular file. Each gives
 * exit status 1 and one line naming the file and the system's reason; the file, its archive and
 * the directory are as they were, with no temporary file left. The mounts need root in a
 * privileged container: elsewhere those tests are skipped, saying so.
 */
class WriteFaultsTest {
    private static final Path LINEAR = Path.of("../engine/src/test/resources/corpus/lvm2/linear.vg").toAbsolutePath();
    private static final String[] LVCREATE = {"lvcreate", "-L", "4m", "-n", "added", "vg1"};

    @TempDir
    Path tmp;
    private Path mnt;
    private final List<Path> mounted = new ArrayList<>();

    @BeforeEach
    void mountPoint() throws IOException {
        mnt = Files.createDirectory(tmp.resolve("mnt"));
    }

    @AfterEach
    void unmount() throws Exception {
        for (int i = mounted.size() - 1; i >= 0; i--) {
            assertEquals(0, command("umount", mounted.get(i).toString()), "umount " + mounted.get(i));
        }
    }

    private static int command(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void mount(String... cmd) throws Exception {
        int code = command(cmd);
        assumeTrue(code == 0, String.join(" ", cmd) + " is not permitted here (it needs root in a privileged"
                + " container): skipped");
    }

    private void mountFullTmpfs() throws Exception {
        mount("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt.toString());
        mounted.add(mnt);
    }

    private void mountReadOnly() throws Exception {
        mount("mount", "--bind", mnt.toString(), mnt.toString());
        mounted.add(mnt);
        mount("mount", "-o", "remount,ro,bind", mnt.toString());
    }

    /** Fills the file system of {@code dir} up, then frees {@code pages} pages of 4 KiB. */
    private static void fill(Path dir, int pages) throws IOException {
        Path filler = dir.resolve("filler");
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer page = ByteBuffer.allocate(4096);
            while (true) {
                page.clear();
                if (ch.write(page) < 4096) {
                    break;
                }
            }
        } catch (IOException full) {
            // No space left: what was wanted.
        }
        long whole = Files.size(filler) / 4096 * 4096;
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, whole - pages * 4096L));
        }
    }

    /** Every name under {@code dir}, relative, sorted: temporary files show up here. */
    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static CliRun lvcreate(Path in) {
        return CliRun.withFile(in, LVCREATE);
    }

    @Test
    void aFullFileSystemStopsTheArchiveAndLeavesTheFile() throws Exception {
        mountFullTmpfs();
        Path in = Files.copy(LINEAR, mnt.resolve("in.vg"));
        fill(mnt, 0);
        CliRun r = lvcreate(in);
        assertEquals(5, r.exitCode());
        assertEquals("", r.out());
        assertEquals("lvstack: cannot write " + mnt.resolve("in.vg.archive/vg1_00003.vg")
                + ": No space left on device\n", r.err());
        assertArrayEquals(Files.readAllBytes(LINEAR), Files.readAllBytes(in));
        assertEquals(List.of("filler", "in.vg", "in.vg.archive"), tree(mnt));
    }

    @Test
    void aFullFileSystemAfterTheArchiveLeavesTheFileAndACompleteArchive() throws Exception {
        mountFullTmpfs();
        Path in = Files.copy(LINEAR, mnt.resolve("in.vg"));
        // Room for the archive (one page), none for the new file.
        fill(mnt, 1);
        CliRun r = lvcreate(in);
        assertEquals(5, r.exitCode());
        assertEquals("lvstack: cannot write " + in + ": No space left on device\n", r.err());
        byte[] original = Files.readAllBytes(LINEAR);
        assertArrayEquals(original, Files.readAllBytes(in));
        assertArrayEquals(original, Files.readAllBytes(mnt.resolve("in.vg.archive/vg1_00003.vg")));
        assertEquals(List.of("filler", "in.vg", "in.vg.archive", "in.vg.archive/vg1_00003.vg"), tree(mnt));
    }

    @Test
    void fmtOntoAFullFileSystemKeepsTheOldOutput() throws Exception {
        mountFullTmpfs();
        Path out = mnt.resolve("out.vg");
        Files.writeString(out, "previous output\n");
        fill(mnt, 0);
        CliRun r = CliRun.of("fmt", LINEAR.toString(), "-o", out.toString());
        assertEquals(5, r.exitCode());
        assertEquals("lvstack: cannot write " + out + ": No space left on device\n", r.err());
        assertEquals("previous output\n", Files.readString(out));
        assertEquals(List.of("filler", "out.vg"), tree(mnt));
    }

    @Test
    void aReadOnlyFileSystemStopsTheArchiveDirectory() throws Exception {
        Path in = Files.copy(LINEAR, mnt.resolve("in.vg"));
        mountReadOnly();
        CliRun r = lvcreate(in);
        assertEquals(5, r.exitCode());
        assertEquals("lvstack: cannot create " + mnt.resolve("in.vg.archive") + ": Read-only file system\n", r.err());
        assertArrayEquals(Files.readAllBytes(LINEAR), Files.readAllBytes(in));
        assertEquals(List.of("in.vg"), tree(mnt));
    }

    @Test
    void aReadOnlyFileSystemKeepsTheEarlierArchives() throws Exception {
        Path in = Files.copy(LINEAR, mnt.resolve("in.vg"));
        Path older = Files.createDirectory(mnt.resolve("in.vg.archive")).resolve("vg1_00002.vg");
        Files.writeString(older, "an older version\n");
        mountReadOnly();
        CliRun r = lvcreate(in);
        assertEquals(5, r.exitCode());
        assertEquals("lvstack: cannot write " + mnt.resolve("in.vg.archive/vg1_00003.vg")
                + ": Read-only file system\n", r.err());
        assertArrayEquals(Files.readAllBytes(LINEAR), Files.readAllBytes(in));
        assertEquals("an older version\n", Files.readString(older));
        assertEquals(List.of("in.vg", "in.vg.archive", "in.vg.archive/vg1_00002.vg"), tree(mnt));
    }

    @Test
    void anOutputUnderARegularFileIsNotADirectory() throws Exception {
        Path in = Files.copy(LINEAR, tmp.resolve("in.vg"));
        Path plain = Files.writeString(tmp.resolve("plain"), "keep\n");
        Path out = plain.resolve("out.vg");
        CliRun r = CliRun.withFile(in, "lvcreate", "-L", "4m", "-n", "added", "vg1", "--output", out.toString());
        assertEquals(5, r.exitCode());
        assertEquals("lvstack: cannot write " + out + ": Not a directory\n", r.err());
        assertArrayEquals(Files.readAllBytes(LINEAR), Files.readAllBytes(in));
        assertEquals("keep\n", Files.readString(plain));
        assertEquals(List.of("in.vg", "mnt", "plain"), tree(tmp));
    }

    @Test
    void anArchivePathTakenByARegularFileStopsTheRewrite() throws Exception {
        Path in = Files.copy(LINEAR, tmp.resolve("in.vg"));
        Path archive = Files.writeString(tmp.resolve("in.vg.archive"), "not a directory\n");
        CliRun r = lvcreate(in);
        assertEquals(5, r.exitCode());
        assertEquals("lvstack: cannot create " + archive + ": File exists\n", r.err());
        assertArrayEquals(Files.readAllBytes(LINEAR), Files.readAllBytes(in));
        assertEquals("not a directory\n", Files.readString(archive));
        assertEquals(List.of("in.vg", "in.vg.archive", "mnt"), tree(tmp));
    }

    @Test
    void theFileSystemsAreReallyMountedHere() throws Exception {
        // Guards the skips above: where mount is permitted, the full file system is really full.
        mountFullTmpfs();
        fill(mnt, 0);
        assertFalse(writable(mnt.resolve("probe")), "a 4 KiB write fits on the filled tmpfs");
    }

    private static boolean writable(Path p) {
        try {
            Files.write(p, new byte[4096]);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
