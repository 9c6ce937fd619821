package io.lvstack.api.text;

import io.lvstack.api.MetadataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code key { ... }}: an immutable, ordered list of child nodes. Lookups return the first child
 * with a key, which is LVM2's rule; the parser has already applied the duplicate-key rules of the
 * form it read (see {@code docs/formats.md}).
 *
 * <p>The typed getters do not coerce (a string {@code "5"} is not an integer, as in libdm) and
 * fail with a {@link MetadataException} naming the key, the line and what was expected.
 */
public final class ConfigSection implements ConfigNode {
    private final String key;
    private final int line;
    private final int endLine;
    private final ConfigNode[] nodes;
    /** The list view, made when first asked for: most sections are only searched by key. */
    private List<ConfigNode> children;

    public ConfigSection(String key, List<? extends ConfigNode> children, int line) {
        this(key, children, line, line);
    }

    /** @param endLine the line of the closing brace (0 or {@code line} when unknown) */
    public ConfigSection(String key, List<? extends ConfigNode> children, int line, int endLine) {
        this.key = ConfigNode.checkKey(key);
        // One copy, read by index: lookups run for every field of every LV, so no iterators.
        this.nodes = children.toArray(new ConfigNode[0]);
        for (ConfigNode n : nodes) {
            Objects.requireNonNull(n, "child node");
        }
        this.line = line;
        this.endLine = endLine;
    }

    /** The line of the closing brace, or {@link #line()} when the section was not parsed from text. */
    public int endLine() {
        return endLine;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public int line() {
        return line;
    }

    /** Children in file order. */
    public List<ConfigNode> children() {
        List<ConfigNode> view = children;
        if (view == null) {
            // racy but safe: every thread that makes it makes an equal view of final fields
            view = Collections.unmodifiableList(Arrays.asList(nodes));
            children = view;
        }
        return view;
    }

    /** The first child named {@code key}. */
    public Optional<ConfigNode> child(String key) {
        return Optional.ofNullable(find(key));
    }

    /** The first child named {@code key}, or null. */
    private ConfigNode find(String key) {
        for (ConfigNode c : nodes) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** The first child named {@code key}; a missing one is an error saying what was expected. */
    private ConfigNode require(String key, String expected) {
        ConfigNode n = find(key);
        if (n == null) {
            throw missing(key, expected);
        }
        return n;
    }

    public boolean has(String key) {
        return find(key) != null;
    }

    /** The value of the first child named {@code key}, if it is a value. */
    public Optional<ConfigValue> value(String key) {
        return find(key) instanceof ConfigEntry e ? Optional.of(e.value()) : Optional.empty();
    }

    /**
     * The value of {@code key} as libdm's {@code dm_config_get_*} reads it: an array's first
     * element (none when it is empty); empty when the key is absent or a section.
     * @since SPI 2.1
     */
    public Optional<ConfigValue> firstValue(String key) {
        if (!(find(key) instanceof ConfigEntry e)) {
            return Optional.empty();
        }
        if (e.value() instanceof ConfigValue.Array a) {
            return a.elements().isEmpty() ? Optional.empty() : Optional.of(a.elements().get(0));
        }
        return Optional.of(e.value());
    }

    /** The first child section named {@code key}. */
    public Optional<ConfigSection> section(String key) {
        return find(key) instanceof ConfigSection s ? Optional.of(s) : Optional.empty();
    }

    /** Child sections, in order. */
    public List<ConfigSection> sections() {
        List<ConfigSection> out = new ArrayList<>(nodes.length);
        for (ConfigNode c : nodes) {
            if (c instanceof ConfigSection s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The line of the first child named {@code key}, or this section's line. */
    public int lineOf(String key) {
        ConfigNode n = find(key);
        return n == null ? line : n.line();
    }

    public long requireInt(String key) {
        return scalar(require(key, "an integer"), ConfigValue.Int.class, "an integer").value();
    }

    public Optional<Long> optInt(String key) {
        ConfigNode n = find(key);
        return n == null ? Optional.empty() : Optional.of(scalar(n, ConfigValue.Int.class, "an integer").value());
    }

    public String requireString(String key) {
        return scalar(require(key, "a string"), ConfigValue.Str.class, "a string").value();
    }

    public Optional<String> optString(String key) {
        ConfigNode n = find(key);
        return n == null ? Optional.empty() : Optional.of(scalar(n, ConfigValue.Str.class, "a string").value());
    }

    /** The value of entry {@code n} as a {@code type}, or an error saying it must be {@code expected}. */
    private <V extends ConfigValue> V scalar(ConfigNode n, Class<V> type, String expected) {
        if (n instanceof ConfigEntry e && type.isInstance(e.value())) {
            return type.cast(e.value());
        }
        throw wrongType(n, expected);
    }

    /** An array, or a single scalar read as a one-element list ({@code dm_config_get_list}). */
    public Optional<List<ConfigValue>> optList(String key) {
        ConfigNode n = find(key);
        return n == null ? Optional.empty() : Optional.of(listOf(n));
    }

    public List<ConfigValue> requireList(String key) {
        return listOf(require(key, "an array"));
    }

    private List<ConfigValue> listOf(ConfigNode n) {
        if (n instanceof ConfigEntry e) {
            return e.value() instanceof ConfigValue.Array a ? a.elements() : List.of(e.value());
        }
        throw wrongType(n, "a value");
    }

    /** A list whose elements must all be strings. */
    public Optional<List<String>> optStringList(String key) {
        Optional<List<ConfigValue>> list = optList(key);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(list.get().size());
        for (ConfigValue v : list.get()) {
            if (!(v instanceof ConfigValue.Str s)) {
                throw new MetadataException(lineOf(key), "'" + key + "' in section '" + this.key
                        + "' must hold only strings, found " + v.typeName());
            }
            out.add(s.value());
        }
        return Optional.of(out);
    }

    public MetadataException missing(String key, String expected) {
        return new MetadataException(line, "section '" + this.key + "' lacks '" + key + "' (expected " + expected + ")");
    }

    private MetadataException wrongType(ConfigNode n, String expected) {
        String found = n instanceof ConfigEntry e ? e.value().typeName() : "a section";
        return new MetadataException(n.line(), "'" + n.key() + "' in section '" + key + "' must be " + expected
                + ", found " + found);
    }

    @Override
    public String toString() {
        return key + " {" + nodes.length + " children}";
    }
}
