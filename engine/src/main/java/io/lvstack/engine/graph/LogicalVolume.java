package io.lvstack.engine.graph;

import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.engine.segtype.FailureSubject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A logical volume: ordered segments, status bits, and the upward links: the segments that use
 * it, with counts (LVM2's {@code segs_using_this_lv}). Mutated only through {@link StackEditor}.
 */
public final class LogicalVolume implements LvView, FailureSubject {
    private final VolumeGroup vg;
    private String name;
    private String id;
    private final EnumSet<LvStatus> status = EnumSet.noneOf(LvStatus.class);
    /** Most LVs carry no mark: the set is made on the first one. */
    private Set<LvMark> marks = Set.of();
    private List<String> tags;
    private LvProperties properties;
    private final List<Segment> segments = new ArrayList<>(1);
    private long extentCount;
    private final UpwardLinks users = new UpwardLinks();
    private boolean live;

    LogicalVolume(VolumeGroup vg, String name, String id, Set<LvStatus> status, List<String> tags,
            LvProperties properties) {
        this.vg = vg;
        this.name = name;
        this.id = id;
        this.status.addAll(status);
        this.tags = List.copyOf(tags);
        this.properties = properties;
    }

    public VolumeGroup vg() {
        return vg;
    }

    /** Part of its VG (not removed). */
    boolean live() {
        return live;
    }

    void live(boolean value) {
        this.live = value;
    }

    @Override
    public String name() {
        return name;
    }

    void name(String n) {
        this.name = n;
    }

    /** {@code vg/lv}. */
    public String fullName() {
        return vg.name() + "/" + name;
    }

    /** {@link #fullName()}: how a plugin's failure names the LV. */
    @Override
    public String failureSubject() {
        return fullName();
    }

    /** The LV half of the lvid, as metadata stores it. */
    public String id() {
        return id;
    }

    void id(String value) {
        this.id = value;
    }

    @Override
    public Set<LvStatus> status() {
        return Collections.unmodifiableSet(status);
    }

    @Override
    public boolean has(LvStatus bit) {
        return status.contains(bit);
    }

    /** Sets or clears a bit; returns whether it changed. */
    boolean status(LvStatus bit, boolean on) {
        return on ? status.add(bit) : status.remove(bit);
    }

    @Override
    public Set<LvMark> marks() {
        return marks.isEmpty() ? Set.of() : Collections.unmodifiableSet(marks);
    }

    @Override
    public boolean has(LvMark mark) {
        return marks.contains(mark);
    }

    /** Sets or clears a mark; returns whether it changed. */
    boolean mark(LvMark mark, boolean on) {
        if (on) {
            if (marks.contains(mark)) {
                return false;
            }
            if (marks.isEmpty()) {
                marks = new java.util.LinkedHashSet<>(2);
            }
            return marks.add(mark);
        }
        return !marks.isEmpty() && marks.remove(mark);
    }

    public List<String> tags() {
        return tags;
    }

    void tags(List<String> t) {
        this.tags = List.copyOf(t);
    }

    public LvProperties properties() {
        return properties;
    }

    void properties(LvProperties p) {
        this.properties = p;
    }

    @Override
    public List<Segment> segments() {
        return Collections.unmodifiableList(segments);
    }

    List<Segment> segmentsInternal() {
        return segments;
    }

    @Override
    public long extentCount() {
        return extentCount;
    }

    void extentCount(long value) {
        this.extentCount = value;
    }

    @Override
    public long extentSize() {
        return vg.properties().extentSize();
    }

    /** The segment covering logical extent {@code le}, or null. */
    public Segment segmentAt(long le) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (le < s.le()) {
                hi = mid - 1;
            } else if (le >= s.le() + s.len()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    /** Position of {@code seg} in the segment list, or -1: a binary search by LE, as segments are LE-ordered. */
    int indexOf(Segment seg) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid).le() < seg.le()) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int i = lo; i < segments.size() && segments.get(i).le() == seg.le(); i++) {
            if (segments.get(i) == seg) {
                return i;
            }
        }
        return segments.indexOf(seg);
    }

    @Override
    public int userCount() {
        return users.size();
    }

    @Override
    public int userCount(SegmentView segment) {
        return segment instanceof Segment s ? users.count(s) : 0;
    }

    @Override
    public List<Segment> users() {
        return users.users();
    }

    /** The segments using this LV with their reference counts, in link order. */
    public Map<Segment, Integer> userCounts() {
        return users.snapshot();
    }

    /** The users without copying, for walks. */
    Iterable<Segment> userSegments() {
        return users.iterable();
    }

    UpwardLinks links() {
        return users;
    }

    /** Segments naming this LV in a named role (not users), one entry per reference; rarely any. */
    private List<Segment> namedBy = List.of();

    /** The segments naming this LV in a named role, one entry per reference. */
    public List<Segment> namedBy() {
        return Collections.unmodifiableList(namedBy);
    }

    void namedBy(Segment seg, boolean add) {
        if (add) {
            if (namedBy.isEmpty()) {
                namedBy = new ArrayList<>(1);
            }
            namedBy.add(seg);
        } else {
            namedBy.remove(seg);
        }
    }

    @Override
    public String toString() {
        return "LV " + name;
    }
}
