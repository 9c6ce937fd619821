package io.lvstack.engine.segtype;

import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigNode;
import java.util.List;

/**
 * The fields of a segment of an unknown type: its section's nodes, kept verbatim in file order,
 * and, when it was read from text, the source lines they stood on, so that a file written by an
 * LVM2 that knew the type comes back unchanged.
 *
 * @param source the source lines of the nodes (with their nesting below the segment), or an
 *               empty list when the nodes did not come from text or their lines were shared
 *               with other fields
 */
public record RawFields(List<ConfigNode> nodes, List<SourceLine> source) implements TypeFields {
    public RawFields {
        nodes = List.copyOf(nodes);
        source = List.copyOf(source);
    }

    /** The nodes in libdm's compact form; the source lines are layout, not content. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        io.lvstack.engine.text.CompactWriter.writeAll(nodes, "", b);
        return "RawFields[" + b.toString().replace('\n', ';') + "]";
    }

    /** One source line, without its indentation, {@code depth} levels below the segment's fields. */
    public record SourceLine(int depth, String text) {
    }
}
