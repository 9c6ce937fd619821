package io.lvstack.engine.disk;

import io.lvstack.engine.format.IoReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A PV device or disk image opened for reading only: lvstack never writes to one. Reads name the
 * device, and a read past its end says the device is shorter than its headers claim.
 */
final class DeviceFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    private DeviceFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static DeviceFile open(Path path) {
        if (Files.isDirectory(path)) {
            throw new DiskFormatException(path, "is a directory, not a device or disk image");
        }
        if (Files.exists(path) && !Files.isRegularFile(path) && !isBlockDevice(path)) {
            // Opening a FIFO would wait for a writer; a character device is no disk.
            throw new DiskFormatException(path, "is neither a disk image (regular file) nor a block device");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            // For a block device too the channel reports the device's size (checked on loop devices).
            return new DeviceFile(path, channel, channel.size());
        } catch (NoSuchFileException e) {
            throw new DiskFormatException(path, "no such file or device");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DiskFormatException(path, "cannot open: " + IoReason.of(e));
        }
    }

    /** Whether {@code p} (links followed) is a block device: its mode's file type is S_IFBLK. */
    static boolean isBlockDevice(Path p) {
        try {
            return Files.getAttribute(p, "unix:mode") instanceof Integer mode && (mode & 0xf000) == 0x6000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** {@code length} bytes from {@code offset}, or the device's end named as the reason. */
    byte[] read(long offset, int length, String what) {
        if (offset < 0 || offset > size || length > size - offset) {
            throw new DiskFormatException(path, "truncated: " + what + " at bytes " + offset + ".." + (offset + length - 1)
                    + " lies beyond the end of the device (" + size + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.allocate(length);
        try {
            while (buf.hasRemaining()) {
                int n = channel.read(buf, offset + buf.position());
                if (n < 0) {
                    throw new DiskFormatException(path, "truncated: the device ended while reading " + what + " at byte "
                            + (offset + buf.position()));
                }
            }
        } catch (IOException e) {
            throw new DiskFormatException(path, "cannot read " + what + ": " + IoReason.of(e));
        }
        return buf.array();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // opened for reading only: nothing was written that a failed close could lose
            }
        }
    }
}
