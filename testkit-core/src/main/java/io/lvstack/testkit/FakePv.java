package io.lvstack.testkit;

import io.lvstack.api.model.PvView;
import java.util.Objects;

/**
 * A {@link PvView} for testing a segment type without an engine. Besides the view's fields it
 * has the {@link #name() name} metadata gives the PV in areas arrays ({@code "pv0"}), which
 * {@link RecordingSegmentWriter} writes for its areas.
 *
 * <p>Defaults: the id is the name, no device hint, {@code pe_start} 2048 (LVM2's 1 MiB), no
 * extents. Not thread-safe.
 */
public final class FakePv implements PvView {
    private final String name;
    private String id;
    private String device = "";
    private long peStart = 2048;
    private long peCount;

    private FakePv(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.id = name;
    }

    /** A new PV known in metadata as {@code name} ({@code "pv0"}). */
    public static FakePv named(String name) {
        return new FakePv(name);
    }

    /** The key of the PV's section in metadata. */
    public String name() {
        return name;
    }

    public FakePv setId(String newId) {
        id = Objects.requireNonNull(newId, "id");
        return this;
    }

    /** Sets the device hint ({@code /dev/sdb}). */
    public FakePv setDevice(String newDevice) {
        device = Objects.requireNonNull(newDevice, "device");
        return this;
    }

    public FakePv setPeStart(long sectors) {
        if (sectors < 0) {
            throw new IllegalArgumentException("negative pe_start " + sectors);
        }
        peStart = sectors;
        return this;
    }

    public FakePv setPeCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative pe_count " + count);
        }
        peCount = count;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public long peStart() {
        return peStart;
    }

    @Override
    public long peCount() {
        return peCount;
    }

    @Override
    public String toString() {
        return "PV " + name;
    }
}
