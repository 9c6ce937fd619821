package io.lvstack.engine.concurrent;

import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataHeader;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * One volume group shared by threads: writers take turns, readers read alongside them.
 *
 * <p>A {@link VolumeGroup} is not thread-safe. Here every change runs through {@link #write},
 * one at a time, holding the write lock for the whole operation (an {@code lvcreate} is several
 * graph changes, and no reader may see it half done). Readers either run briefly on the live VG
 * under the read lock ({@link #read}), or take a {@link #snapshot}: a VG of their own, read back
 * from the metadata text of the live one, which they may use for as long as they like, with no
 * lock, while writers go on. A snapshot is made once per version and shared by the readers that
 * ask for it until the next write; its holders must not change it.
 *
 * <p>Different VGs need no coordination: the engine keeps no mutable state shared between VGs
 * (segment types must not either; see docs/ARCHITECTURE.md, "Concurrency").
 */
public final class SharedVolumeGroup {
    private final VolumeGroup vg;
    private final MetadataHeader header;
    private final MetadataFormat format;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The snapshot of the current version, or null until a reader asks for it. */
    private volatile VolumeGroup snapshot;
    private long version;

    public SharedVolumeGroup(ImportedVg imported, MetadataFormat format) {
        this.vg = Objects.requireNonNull(imported, "imported").vg();
        this.header = imported.header();
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Runs {@code operation} on the live VG, alone: no other writer and no {@link #read} runs
     * meanwhile. The operation's own atomicity is the VG's ({@code vg.apply}); a failure leaves
     * the VG as it was.
     */
    public <T> T write(Function<VolumeGroup, T> operation) {
        lock.writeLock().lock();
        try {
            snapshot = null;
            version++;
            return operation.apply(vg);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code reader} on the live VG under the read lock; it must not keep references after it returns. */
    public <T> T read(Function<VolumeGroup, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(vg);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The VG as of the last completed write, as a VG of its own that later writes do not touch.
     * Made by writing the live VG's metadata and reading it back, so it is what reading the
     * metadata file would give.
     */
    public VolumeGroup snapshot() {
        VolumeGroup s = snapshot;
        if (s != null) {
            return s;
        }
        lock.readLock().lock();
        try {
            s = snapshot;
            if (s == null) {
                String text = format.write(vg, header, MetadataFormat.Form.FILE);
                s = format.read(text.getBytes(StandardCharsets.UTF_8), vg.name() + " (snapshot)").vg();
                snapshot = s; // racing readers may each make one; any of them is right for this version
            }
            return s;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many writes have run: a reader can tell whether two snapshots may differ. */
    public long version() {
        return read(v -> version);
    }
}
