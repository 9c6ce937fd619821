package org.example.lvstack.cachepool;

import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.SegmentWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Hand-made views, for exercising the type without an engine. */
final class Fakes {
    private Fakes() {
    }

    static final class Lv implements LvView {
        final String name;
        final Set<LvStatus> status = EnumSet.noneOf(LvStatus.class);
        final Set<LvMark> marks = new java.util.HashSet<>();
        final List<SegmentView> segments = new ArrayList<>();
        final List<SegmentView> users = new ArrayList<>();
        long extents = 8;

        Lv(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<LvStatus> status() {
            return status;
        }

        @Override
        public Set<LvMark> marks() {
            return marks;
        }

        @Override
        public List<? extends SegmentView> segments() {
            return segments;
        }

        @Override
        public long extentCount() {
            return extents;
        }

        @Override
        public long extentSize() {
            return 8192;
        }

        @Override
        public int userCount() {
            return users.size();
        }

        @Override
        public List<? extends SegmentView> users() {
            return users;
        }

        @Override
        public int userCount(SegmentView segment) {
            return (int) users.stream().filter(u -> u == segment).count();
        }
    }

    static final class Seg implements SegmentView {
        final Lv lv;
        final SegmentType type;
        TypeFields fields;
        final Area[] areas;
        final Map<ReferenceRole, LvView> refs = new HashMap<>();

        Seg(Lv lv, SegmentType type, TypeFields fields, int areaCount) {
            this.lv = lv;
            this.type = type;
            this.fields = fields;
            this.areas = new Area[areaCount];
            lv.segments.add(this);
        }

        @Override
        public LvView lv() {
            return lv;
        }

        @Override
        public SegmentType type() {
            return type;
        }

        @Override
        public TypeFields fields() {
            return fields;
        }

        @Override
        public long le() {
            return 0;
        }

        @Override
        public long len() {
            return lv.extents;
        }

        @Override
        public long areaLen() {
            return lv.extents;
        }

        @Override
        public int areaCount() {
            return areas.length;
        }

        @Override
        public Optional<Area> area(int index) {
            return Optional.ofNullable(areas[index]);
        }

        @Override
        public Optional<LvView> reference(ReferenceRole role) {
            return Optional.ofNullable(refs.get(role));
        }

        @Override
        public List<String> tags() {
            return List.of();
        }
    }

    /** Records what a type writes, a line each, as {@code key = value} (verbatim nodes by key). */
    static final class Writer implements SegmentWriter {
        final List<String> lines = new ArrayList<>();

        @Override
        public void integer(String key, long value) {
            lines.add(key + " = " + value);
        }

        @Override
        public void integer(String key, long value, String comment) {
            lines.add(key + " = " + value + "  # " + comment);
        }

        @Override
        public void size(String key, long sectors) {
            lines.add(key + " = " + sectors + " (size)");
        }

        @Override
        public void string(String key, String value) {
            lines.add(key + " = \"" + value + "\"");
        }

        @Override
        public void areas(String key) {
            lines.add(key + " = [areas]");
        }

        @Override
        public void verbatim(ConfigNode node) {
            lines.add(node.key() + " (verbatim)");
        }
    }

    /** Collects problems as {@code error: ...}, {@code lvError: ...}, {@code warning: ...}. */
    static final class Sink implements ProblemSink {
        final List<String> problems = new ArrayList<>();

        @Override
        public void error(String message) {
            problems.add("error: " + message);
        }

        @Override
        public void lvError(String message) {
            problems.add("lvError: " + message);
        }

        @Override
        public void warning(String message) {
            problems.add("warning: " + message);
        }
    }
}
