package io.lvstack.engine.text;

import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed config text: its top-level nodes in order and the warnings the parser gave. */
public final class ConfigDocument {
    private final String sourceName;
    private final List<ConfigNode> nodes;
    private final List<ConfigWarning> warnings;

    public ConfigDocument(String sourceName, List<? extends ConfigNode> nodes, List<ConfigWarning> warnings) {
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.nodes = List.copyOf(nodes);
        this.warnings = List.copyOf(warnings);
    }

    /** The name the text was parsed under, for messages. */
    public String sourceName() {
        return sourceName;
    }

    /** Top-level nodes in file order. */
    public List<ConfigNode> nodes() {
        return nodes;
    }

    public List<ConfigWarning> warnings() {
        return warnings;
    }

    /** The first top-level node that is a section: LVM2's rule for finding the VG. */
    public Optional<ConfigSection> firstSection() {
        for (ConfigNode n : nodes) {
            if (n instanceof ConfigSection s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The value of the first top-level node named {@code key}, if that node is a value. */
    public Optional<ConfigValue> value(String key) {
        for (ConfigNode n : nodes) {
            if (n.key().equals(key)) {
                return n instanceof ConfigEntry e ? Optional.of(e.value()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return sourceName + " {" + nodes.size() + " top-level nodes}";
    }
}
