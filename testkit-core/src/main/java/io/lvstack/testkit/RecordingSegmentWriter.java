package io.lvstack.testkit;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.SegmentWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link SegmentWriter} that keeps what a type's {@code encode} writes for one segment, in
 * order, two ways: as {@link #lines()} to assert on, and as the {@link #nodes()} a parser would
 * read back from the text, to give to {@code decode} again.
 *
 * <p>Lines: {@code key = 5}; {@code key = 1  # comment}; {@code key = 128 (size)} for a size in
 * sectors (the engine adds the size comment); {@code key = "value"} with {@code "} and
 * {@code \} escaped as LVM2 escapes them; {@code key = ["pv0", 0, "lower", 8]} for the areas
 * (a {@link FakePv} by its {@link FakePv#name() name}, another PV by its id, an LV by its name);
 * {@code key = ["a", "b"]} for an array of names; {@code key (verbatim)} for a node kept verbatim. An unassigned area is an
 * {@link LvstackException}, as in the engine. Not thread-safe.
 */
public final class RecordingSegmentWriter implements SegmentWriter {
    private final SegmentView segment;
    private final List<String> lines = new ArrayList<>();
    private final List<ConfigNode> nodes = new ArrayList<>();

    /** A writer for {@code segment}, whose areas {@link #areas} writes. */
    public RecordingSegmentWriter(SegmentView segment) {
        this.segment = segment;
    }

    /** What {@code segment.type().encode(segment, ...)} writes. */
    public static RecordingSegmentWriter encode(SegmentView segment) {
        RecordingSegmentWriter out = new RecordingSegmentWriter(segment);
        segment.type().encode(segment, out);
        return out;
    }

    @Override
    public void integer(String key, long value) {
        record(key, new ConfigValue.Int(value), key + " = " + value);
    }

    @Override
    public void integer(String key, long value, String comment) {
        record(key, new ConfigValue.Int(value), key + " = " + value + "  # " + comment);
    }

    @Override
    public void size(String key, long sectors) {
        record(key, new ConfigValue.Int(sectors), key + " = " + sectors + " (size)");
    }

    @Override
    public void string(String key, String value) {
        record(key, ConfigValue.Str.of(value), key + " = " + quoted(value));
    }

    @Override
    public void areas(String key) {
        List<ConfigValue> items = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < segment.areaCount(); i++) {
            Area a = segment.area(i).orElse(null);
            if (a == null) {
                throw new LvstackException(segment + " has unassigned area " + i + ", which metadata cannot express");
            }
            String name;
            long offset;
            if (a instanceof Area.OnPv p) {
                name = p.pv() instanceof FakePv f ? f.name() : p.pv().id();
                offset = p.pe();
            } else {
                Area.OnLv l = (Area.OnLv) a;
                name = l.lv().name();
                offset = l.le();
            }
            items.add(ConfigValue.Str.of(name));
            items.add(new ConfigValue.Int(offset));
            shown.add(quoted(name) + ", " + offset);
        }
        record(key, new ConfigValue.Array(items), key + " = [" + String.join(", ", shown) + "]");
    }

    @Override
    public void strings(String key, List<String> values, int perLine) {
        if (perLine < 1) {
            throw new IllegalArgumentException("at least one value a line, not " + perLine);
        }
        record(key, new ConfigValue.Array(values.stream().map(v -> (ConfigValue) ConfigValue.Str.of(v)).toList()),
                key + " = [" + String.join(", ", values.stream().map(RecordingSegmentWriter::quoted).toList()) + "]");
    }

    @Override
    public void verbatim(ConfigNode node) {
        nodes.add(node);
        lines.add(node.key() + " (verbatim)");
    }

    @Override
    public void blankLine() {
        lines.add("");
    }

    /** Records {@code key {}, the body's lines indented by a tab, {@code }}; as a node, a section. */
    @Override
    public void section(String key, java.util.function.Consumer<SegmentWriter> body) {
        RecordingSegmentWriter inner = new RecordingSegmentWriter(segment);
        body.accept(inner);
        lines.add(key + " {");
        inner.lines.forEach(l -> lines.add("\t" + l));
        lines.add("}");
        nodes.add(new io.lvstack.api.text.ConfigSection(key, inner.nodes, 0));
    }

    private void record(String key, ConfigValue value, String line) {
        nodes.add(new ConfigEntry(key, value, 0));
        lines.add(line);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** What was written, a line per call. */
    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** What was written as config nodes (line 0): verbatim nodes as given, the rest as entries. */
    public List<ConfigNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }
}
