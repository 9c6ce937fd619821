package io.lvstack.engine.segtype;

import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigNode;
import java.util.List;

/** The fields of a segment of an unknown type: its section's nodes, kept verbatim in file order. */
public record RawFields(List<ConfigNode> nodes) implements TypeFields {
    public RawFields {
        nodes = List.copyOf(nodes);
    }
}
