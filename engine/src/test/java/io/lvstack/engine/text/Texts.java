package io.lvstack.engine.text;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared helpers for the parser tests. */
final class Texts {
    private Texts() {
    }

    static ConfigDocument file(String text) {
        return ConfigParser.parse(text.getBytes(StandardCharsets.UTF_8), "test", ParseOptions.fileForm());
    }

    static ConfigDocument onDisk(String text) {
        return ConfigParser.parse(text.getBytes(StandardCharsets.UTF_8), "test", ParseOptions.onDiskForm());
    }

    static ConfigSyntaxException fails(String text) {
        return assertThrows(ConfigSyntaxException.class, () -> file(text));
    }

    /** The value of the only top-level node of {@code text}. */
    static ConfigValue valueOf(String text) {
        List<ConfigNode> nodes = file(text).nodes();
        if (nodes.size() != 1) {
            throw new AssertionError("expected one node, got " + nodes);
        }
        return assertInstanceOf(ConfigEntry.class, nodes.get(0)).value();
    }

    static ConfigSection section(ConfigNode n) {
        return assertInstanceOf(ConfigSection.class, n);
    }

    static ConfigEntry entry(ConfigNode n) {
        return assertInstanceOf(ConfigEntry.class, n);
    }

    static ConfigValue.Int integer(long v) {
        return new ConfigValue.Int(v);
    }

    static ConfigValue.Str str(String s) {
        return ConfigValue.Str.of(s);
    }

    static ConfigValue.Array array(ConfigValue... vs) {
        return new ConfigValue.Array(List.of(vs));
    }
}
