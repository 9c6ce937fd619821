package io.lvstack.testkit;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link LvView} for testing a segment type without an engine: a named LV whose status, marks,
 * size and segments a test sets directly. Its users are kept by the {@link FakeSegment}s that
 * reference it, as the engine keeps its upward links: distinct segments in the order they first
 * linked, each with its count of references. No hook fires; tests call a type's
 * {@link io.lvstack.api.link.LinkHook} themselves (see {@link FakeSegment#linkEvent}).
 *
 * <p>Defaults: no status bit, no mark, no segment, extent size 8192 sectors (LVM2's 4 MiB).
 * Not thread-safe.
 */
public final class FakeLv implements LvView {
    /** LVM2's default extent size, 4 MiB, in sectors. */
    public static final long DEFAULT_EXTENT_SIZE = 8192;

    private final String name;
    private final Set<LvStatus> status = EnumSet.noneOf(LvStatus.class);
    private final Set<LvMark> marks = new LinkedHashSet<>();
    private final List<FakeSegment> segments = new ArrayList<>();
    private final List<FakeSegment> users = new ArrayList<>();
    private final Map<FakeSegment, Integer> references = new IdentityHashMap<>();
    private Long extents;
    private long extentSize = DEFAULT_EXTENT_SIZE;

    private FakeLv(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A new LV called {@code name}. */
    public static FakeLv named(String name) {
        return new FakeLv(name);
    }

    /** Adds status bits. */
    public FakeLv addStatus(LvStatus... bits) {
        status.addAll(List.of(bits));
        return this;
    }

    /** Removes status bits. */
    public FakeLv removeStatus(LvStatus... bits) {
        status.removeAll(List.of(bits));
        return this;
    }

    /** Adds marks, as a hook would set them. */
    public FakeLv addMarks(LvMark... added) {
        marks.addAll(List.of(added));
        return this;
    }

    /** Removes marks. */
    public FakeLv removeMarks(LvMark... removed) {
        marks.removeAll(List.of(removed));
        return this;
    }

    /**
     * Fixes {@link #extentCount()} at {@code count}, for an LV whose size matters but whose
     * segments do not (a mirror leg, a pool's data LV).
     */
    public FakeLv setExtents(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative extent count " + count);
        }
        extents = count;
        return this;
    }

    /** Sets the VG's extent size, in sectors. */
    public FakeLv setExtentSize(long sectors) {
        if (sectors <= 0) {
            throw new IllegalArgumentException("extent size must be positive, not " + sectors);
        }
        extentSize = sectors;
        return this;
    }

    /**
     * Appends a segment of {@code len} extents after the LV's last one, with {@code areaCount}
     * unassigned areas.
     */
    public FakeSegment addSegment(SegmentType type, TypeFields fields, long len, int areaCount) {
        long le = 0;
        for (FakeSegment s : segments) {
            le += s.len();
        }
        FakeSegment segment = new FakeSegment(this, type, fields, le, len, areaCount);
        segments.add(segment);
        return segment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<LvStatus> status() {
        return Collections.unmodifiableSet(status);
    }

    @Override
    public Set<LvMark> marks() {
        return Collections.unmodifiableSet(marks);
    }

    @Override
    public List<FakeSegment> segments() {
        return Collections.unmodifiableList(segments);
    }

    /** The value of {@link #setExtents} if set, else the sum of the segments' lengths. */
    @Override
    public long extentCount() {
        if (extents != null) {
            return extents;
        }
        long sum = 0;
        for (FakeSegment s : segments) {
            sum += s.len();
        }
        return sum;
    }

    @Override
    public long extentSize() {
        return extentSize;
    }

    @Override
    public int userCount() {
        return users.size();
    }

    @Override
    public List<FakeSegment> users() {
        return Collections.unmodifiableList(users);
    }

    @Override
    public int userCount(SegmentView segment) {
        return references.getOrDefault(segment, 0);
    }

    /** {@code user} now holds one more reference to this LV. */
    void link(FakeSegment user) {
        if (references.merge(user, 1, Integer::sum) == 1) {
            users.add(user);
        }
    }

    /** {@code user} now holds one reference less. */
    void unlink(FakeSegment user) {
        Integer count = references.get(user);
        if (count == null) {
            throw new IllegalStateException(user + " does not use LV " + name);
        }
        if (count == 1) {
            references.remove(user);
            users.remove(user);
        } else {
            references.put(user, count - 1);
        }
    }

    @Override
    public String toString() {
        return "LV " + name;
    }
}
