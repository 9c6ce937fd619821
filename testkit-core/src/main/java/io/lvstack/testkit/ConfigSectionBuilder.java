package io.lvstack.testkit;

import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link ConfigSection} for {@code decode} tests, with the line numbers a file laid out
 * one node a line would give: the section's key on its start line (1 unless {@link #atLine}),
 * each child on the next line in the order added, a {@link #blank()} line where asked, a nested
 * section over its own lines, and the closing brace ({@link ConfigSection#endLine()}) after the
 * last child. So a {@link io.lvstack.api.MetadataException} a type throws names the line a test
 * can count to.
 *
 * <pre>{@code
 * ConfigSection s = ConfigSectionBuilder.segment("segment1", 0, 8, "mirror")  // lines 1-5
 *         .integer("mirror_count", 2)                                       // line 6
 *         .array("mirrors", "m_mimage_0", 0, "m_mimage_1", 0)               // line 7
 *         .build();                                                         // brace on 8
 * }</pre>
 *
 * A builder may be built more than once; each build makes new nodes.
 */
public final class ConfigSectionBuilder {
    private final String key;
    private int line = 1;
    /** ConfigValue for an entry's value, ConfigSectionBuilder for a section, null for a blank line. */
    private final List<Object> children = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    private ConfigSectionBuilder(String key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** An empty section called {@code key}. */
    public static ConfigSectionBuilder section(String key) {
        return new ConfigSectionBuilder(key);
    }

    /**
     * A segment section as LVM2 begins one: {@code start_extent}, {@code extent_count}, a blank
     * line, {@code type} (on lines 2, 3 and 5 of a section on line 1). The type's own fields follow.
     */
    public static ConfigSectionBuilder segment(String key, long startExtent, long extentCount, String type) {
        return section(key).integer("start_extent", startExtent).integer("extent_count", extentCount).blank()
                .string("type", type);
    }

    /** Moves the section's key to {@code first}; its children follow it. */
    public ConfigSectionBuilder atLine(int first) {
        if (first < 1) {
            throw new IllegalArgumentException("lines count from 1, not " + first);
        }
        line = first;
        return this;
    }

    /** {@code key = value}. */
    public ConfigSectionBuilder integer(String entryKey, long value) {
        return value(entryKey, new ConfigValue.Int(value));
    }

    /** {@code key = value} with a float. */
    public ConfigSectionBuilder real(String entryKey, double value) {
        return value(entryKey, new ConfigValue.Real(value));
    }

    /** {@code key = "value"}. */
    public ConfigSectionBuilder string(String entryKey, String value) {
        return value(entryKey, ConfigValue.Str.of(value));
    }

    /**
     * {@code key = [ ... ]}: each element a {@link String} (a string), an {@link Integer} or
     * {@link Long} (an integer), a {@link Double} (a float) or a {@link ConfigValue}; no element
     * gives {@code []}.
     */
    public ConfigSectionBuilder array(String entryKey, Object... elements) {
        List<ConfigValue> values = new ArrayList<>(elements.length);
        for (Object e : elements) {
            values.add(toValue(e));
        }
        return value(entryKey, new ConfigValue.Array(values));
    }

    /** {@code key = value} with any value. */
    public ConfigSectionBuilder value(String entryKey, ConfigValue value) {
        ConfigNode.checkKey(entryKey);
        children.add(Objects.requireNonNull(value, "value"));
        keys.add(entryKey);
        return this;
    }

    /**
     * A nested section, as {@code child} holds it now (later changes to {@code child} do not
     * show); its lines follow from where it is added, whatever its own {@link #atLine}.
     */
    public ConfigSectionBuilder section(ConfigSectionBuilder child) {
        children.add(child.copy());
        keys.add(child.key);
        return this;
    }

    private ConfigSectionBuilder copy() {
        ConfigSectionBuilder c = new ConfigSectionBuilder(key);
        c.children.addAll(children); // nested builders are copies already, values immutable
        c.keys.addAll(keys);
        return c;
    }

    /** An empty line: no node, but the lines after it count one more. */
    public ConfigSectionBuilder blank() {
        children.add(null);
        keys.add(null);
        return this;
    }

    public ConfigSection build() {
        return build(line);
    }

    private ConfigSection build(int first) {
        List<ConfigNode> nodes = new ArrayList<>();
        int next = first + 1;
        for (int i = 0; i < children.size(); i++) {
            Object child = children.get(i);
            if (child instanceof ConfigValue v) {
                nodes.add(new ConfigEntry(keys.get(i), v, next++));
            } else if (child instanceof ConfigSectionBuilder b) {
                ConfigSection s = b.build(next);
                nodes.add(s);
                next = s.endLine() + 1;
            } else {
                next++;
            }
        }
        return new ConfigSection(key, nodes, first, next);
    }

    private static ConfigValue toValue(Object e) {
        if (e instanceof ConfigValue v) {
            return v;
        }
        if (e instanceof String s) {
            return ConfigValue.Str.of(s);
        }
        if (e instanceof Integer || e instanceof Long) {
            return new ConfigValue.Int(((Number) e).longValue());
        }
        if (e instanceof Double d) {
            return new ConfigValue.Real(d);
        }
        throw new IllegalArgumentException("an array element must be a String, Integer, Long, Double or ConfigValue, not "
                + (e == null ? "null" : e.getClass().getName()));
    }
}
