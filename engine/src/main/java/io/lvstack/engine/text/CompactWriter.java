package io.lvstack.engine.text;

import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * libdm's {@code dm_config_write_node} for values without format flags, which is how LVM2
 * writes the nodes it keeps verbatim for unknown segment types: {@code key=value} with no
 * spaces, arrays as {@code [a,b]}, every string double-quoted and escaped, floats as C's
 * {@code %f}, a section as a line <code>key {</code>, its children and a line <code>}</code>. Each
 * nesting level adds one TAB (at most 32, libdm's MAX_INDENT) after the caller's indentation.
 *
 * <p>As in libdm, a one-element array is written as its element: libdm's parser does not tell
 * {@code [x]} from {@code x}, and its list getter reads a scalar as a one-element list.
 */
public final class CompactWriter {
    private static final int MAX_INDENT = 32;

    private CompactWriter() {
    }

    /** Writes {@code node} as complete lines, each ending in {@code \n}. */
    public static void write(ConfigNode node, String indent, StringBuilder out) {
        writeAll(List.of(node), indent, out);
    }

    /** Writes {@code nodes} in order, as {@code dm_config_write_node} writes a node and its siblings. */
    public static void writeAll(List<? extends ConfigNode> nodes, String indent, StringBuilder out) {
        // explicit stack of sibling iterators, so that no tree depth can overflow the Java stack
        ArrayDeque<Iterator<? extends ConfigNode>> stack = new ArrayDeque<>();
        stack.push(nodes.iterator());
        while (!stack.isEmpty()) {
            Iterator<? extends ConfigNode> it = stack.peek();
            int level = stack.size() - 1;
            if (!it.hasNext()) {
                stack.pop();
                if (!stack.isEmpty()) {
                    prefix(indent, level - 1, out).append("}\n");
                }
                continue;
            }
            ConfigNode n = it.next();
            prefix(indent, level, out);
            key(n.key(), out);
            if (n instanceof ConfigSection s) {
                out.append(" {\n");
                stack.push(s.children().iterator());
            } else {
                out.append('=');
                value(((ConfigEntry) n).value(), out);
                out.append('\n');
            }
        }
    }

    private static StringBuilder prefix(String indent, int level, StringBuilder out) {
        out.append(indent);
        for (int i = Math.min(level, MAX_INDENT); i > 0; i--) {
            out.append('\t');
        }
        return out;
    }

    private static void key(String key, StringBuilder out) {
        if (key.indexOf('#') >= 0 || key.indexOf('"') >= 0 || key.indexOf('!') >= 0) {
            out.append('"');
            Escapes.appendEscaped(key, out);
            out.append('"');
        } else {
            out.append(key);
        }
    }

    private static void value(ConfigValue v, StringBuilder out) {
        if (v instanceof ConfigValue.Array a) {
            List<ConfigValue> elements = a.elements();
            if (elements.size() == 1) {
                scalar(elements.get(0), out);
                return;
            }
            out.append('[');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                scalar(elements.get(i), out);
            }
            out.append(']');
        } else {
            scalar(v, out);
        }
    }

    private static void scalar(ConfigValue v, StringBuilder out) {
        if (v instanceof ConfigValue.Int i) {
            out.append(i.value());
        } else if (v instanceof ConfigValue.Real r) {
            out.append(PercentF.format(r.value()));
        } else if (v instanceof ConfigValue.Str s) {
            out.append('"');
            Escapes.appendEscaped(s.value(), out);
            out.append('"');
        } else {
            throw new IllegalArgumentException("arrays do not nest: " + v);
        }
    }
}
