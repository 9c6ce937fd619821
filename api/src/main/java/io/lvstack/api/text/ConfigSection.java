package io.lvstack.api.text;

import io.lvstack.api.MetadataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code key { ... }}: an immutable, ordered list of child nodes. Lookups return the first child
 * with a key, which is LVM2's rule; the parser has already applied the duplicate-key rules of the
 * form it read (see {@code docs/ARCHITECTURE.md}).
 *
 * <p>The typed getters do not coerce (a string {@code "5"} is not an integer, as in libdm) and
 * fail with a {@link MetadataException} naming the key, the line and what was expected.
 */
public final class ConfigSection implements ConfigNode {
    private final String key;
    private final int line;
    private final int endLine;
    private final List<ConfigNode> children;

    public ConfigSection(String key, List<? extends ConfigNode> children, int line) {
        this(key, children, line, line);
    }

    /** @param endLine the line of the closing brace (0 or {@code line} when unknown) */
    public ConfigSection(String key, List<? extends ConfigNode> children, int line, int endLine) {
        this.key = ConfigNode.checkKey(key);
        this.children = Collections.unmodifiableList(new ArrayList<>(children));
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
        return children;
    }

    /** The first child named {@code key}. */
    public Optional<ConfigNode> child(String key) {
        for (ConfigNode c : children) {
            if (c.key().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public boolean has(String key) {
        return child(key).isPresent();
    }

    /** The value of the first child named {@code key}, if it is a value. */
    public Optional<ConfigValue> value(String key) {
        return child(key).filter(ConfigEntry.class::isInstance).map(n -> ((ConfigEntry) n).value());
    }

    /** The first child section named {@code key}. */
    public Optional<ConfigSection> section(String key) {
        return child(key).filter(ConfigSection.class::isInstance).map(ConfigSection.class::cast);
    }

    /** Child sections, in order. */
    public List<ConfigSection> sections() {
        List<ConfigSection> out = new ArrayList<>();
        for (ConfigNode c : children) {
            if (c instanceof ConfigSection s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The line of the first child named {@code key}, or this section's line. */
    public int lineOf(String key) {
        return child(key).map(ConfigNode::line).orElse(line);
    }

    public long requireInt(String key) {
        return optInt(key).orElseThrow(() -> missing(key, "an integer"));
    }

    public Optional<Long> optInt(String key) {
        Optional<ConfigNode> n = child(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ConfigEntry e && e.value() instanceof ConfigValue.Int i) {
            return Optional.of(i.value());
        }
        throw wrongType(n.get(), "an integer");
    }

    public String requireString(String key) {
        return optString(key).orElseThrow(() -> missing(key, "a string"));
    }

    public Optional<String> optString(String key) {
        Optional<ConfigNode> n = child(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ConfigEntry e && e.value() instanceof ConfigValue.Str s) {
            return Optional.of(s.value());
        }
        throw wrongType(n.get(), "a string");
    }

    /** An array, or a single scalar read as a one-element list ({@code dm_config_get_list}). */
    public Optional<List<ConfigValue>> optList(String key) {
        Optional<ConfigNode> n = child(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ConfigEntry e) {
            return Optional.of(e.value() instanceof ConfigValue.Array a ? a.elements() : List.of(e.value()));
        }
        throw wrongType(n.get(), "a value");
    }

    public List<ConfigValue> requireList(String key) {
        return optList(key).orElseThrow(() -> missing(key, "an array"));
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
        return key + " {" + children.size() + " children}";
    }
}
