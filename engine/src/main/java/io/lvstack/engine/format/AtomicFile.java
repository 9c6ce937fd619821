package io.lvstack.engine.format;

import io.lvstack.api.LvstackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces a file so that readers see either the complete old content or the complete new one:
 * write a temporary file {@code .NAME.RANDOM.tmp} in the same directory, fsync it, rename it over
 * the target, fsync the directory. On any failure the temporary file is removed and the target is
 * untouched. A process killed mid-write leaves its temporary file behind; the next write of the
 * same target removes it, and nothing ever reads one.
 */
public final class AtomicFile {
    /** The random part of a temporary file's name: an unsigned long in base 36. */
    private static final Pattern RANDOM = Pattern.compile("[0-9a-z]{1,13}");
    private static final String SUFFIX = ".tmp";

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Path tmp = null;
        try {
            removeLeftovers(dir, name);
            // createFile honours the umask; createTempFile would make the new file private (0600).
            tmp = Files.createFile(dir.resolve("." + name + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + SUFFIX));
            copyPermissions(target, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                // Data before the rename: otherwise a crash could leave the new name on empty blocks.
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new LvstackException("cannot write " + target + ": its file system cannot replace files atomically");
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new LvstackException("cannot write " + target + ": " + IoReason.of(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The original error is what the user needs; a leftover is removed by the next write.
                }
            }
        }
    }

    /**
     * Creates {@code dir} (and its missing parents) and makes each new entry durable by syncing
     * the directory that holds it, so a file written into {@code dir} cannot outlive its name.
     */
    public static void createDirectories(Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        Path missing = abs;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new LvstackException("cannot create " + dir + ": " + IoReason.of(e));
        }
        for (Path p = abs; p.startsWith(missing) && p.getParent() != null; p = p.getParent()) {
            syncDirectory(p.getParent());
        }
    }

    /** Is {@code file} a temporary file {@link #write} makes for {@code target}'s name? */
    public static boolean isTemporaryFor(String target, String file) {
        String prefix = "." + target + ".";
        return file.length() > prefix.length() + SUFFIX.length() && file.startsWith(prefix) && file.endsWith(SUFFIX)
                && RANDOM.matcher(file.substring(prefix.length(), file.length() - SUFFIX.length())).matches();
    }

    /**
     * Removes what an earlier write of the same target left when it was killed. Best effort: a
     * directory that cannot be listed makes the write itself fail with the reason.
     */
    private static void removeLeftovers(Path dir, String name) {
        DirectoryStream.Filter<Path> mine = p -> isTemporaryFor(name, p.getFileName().toString());
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, mine)) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // Nothing is lost by keeping a leftover; the write below reports a real failure.
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.exists(from) && Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, perms);
        }
    }

    /** Makes a rename or a new entry durable; some file systems cannot open a directory, which is harmless. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Durability of the rename is best effort where directories cannot be synced.
        }
    }
}
