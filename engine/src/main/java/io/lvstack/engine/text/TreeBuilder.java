package io.lvstack.engine.text;

import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The mutable tree the parser fills, with libdm's node rules ({@code _find_or_make_node},
 * {@code _section}), then frozen into immutable {@link ConfigNode}s.
 *
 * <p>Like a libdm node, a builder node may hold both a value and children: in the file form a
 * value and a section of the same name share one node, and the node is a value as soon as it
 * has one (its children are then unreachable, as in libdm).
 */
final class TreeBuilder {
    /** Linear search is cheaper than a map for small sections. */
    private static final int INDEX_THRESHOLD = 12;

    static final class Node {
        final String key;
        /** Sections from the root down to and including this node. */
        final int depth;
        int line;
        /** The line of the last '}' that closed this section, 0 if none did (path keys). */
        int endLine;
        ConfigValue value;
        ArrayList<Node> children;
        private HashMap<String, Node> index;

        Node(String key, int depth, int line) {
            this.key = key;
            this.depth = depth;
            this.line = line;
        }

        boolean hasChildren() {
            return children != null && !children.isEmpty();
        }

        Node find(String k) {
            if (index != null) {
                return index.get(k);
            }
            if (children != null) {
                for (int i = 0, n = children.size(); i < n; i++) {
                    Node c = children.get(i);
                    if (c.key.equals(k)) {
                        return c;
                    }
                }
            }
            return null;
        }

        Node add(String k, int line, boolean indexed) {
            if (children == null) {
                children = new ArrayList<>(8);
            }
            Node n = new Node(k, depth + 1, line);
            children.add(n);
            if (indexed) {
                if (index != null) {
                    index.putIfAbsent(k, n);
                } else if (children.size() > INDEX_THRESHOLD) {
                    index = new HashMap<>();
                    for (Node c : children) {
                        index.putIfAbsent(c.key, c);
                    }
                }
            }
            return n;
        }
    }

    private final boolean duplicateCheck;
    final Node root = new Node("<root>", 0, 0);

    TreeBuilder(boolean duplicateCheck) {
        this.duplicateCheck = duplicateCheck;
    }

    /**
     * The node for one key (or path component) under {@code parent}: with duplicate checking
     * the existing node of that name if there is one, otherwise a new last child.
     */
    Node child(Node parent, String key, int line) {
        if (duplicateCheck) {
            Node found = parent.find(key);
            if (found != null) {
                return found;
            }
        }
        return parent.add(key, line, duplicateCheck);
    }

    /** The top-level nodes as immutable config nodes, built without recursion. */
    List<ConfigNode> freeze() {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root));
        for (;;) {
            Frame f = stack.peek();
            if (f.next < f.size) {
                Node c = f.node.children.get(f.next++);
                if (c.value != null) {
                    f.out.add(new ConfigEntry(c.key, c.value, c.line));
                } else if (!c.hasChildren()) {
                    f.out.add(section(c, List.of()));
                } else {
                    stack.push(new Frame(c));
                }
                continue;
            }
            stack.pop();
            if (stack.isEmpty()) {
                return f.out;
            }
            stack.peek().out.add(section(f.node, f.out));
        }
    }

    private static ConfigSection section(Node n, List<ConfigNode> children) {
        return new ConfigSection(n.key, children, n.line, n.endLine == 0 ? n.line : n.endLine);
    }

    private static final class Frame {
        final Node node;
        final int size;
        final ArrayList<ConfigNode> out;
        int next;

        Frame(Node node) {
            this.node = node;
            this.size = node.children == null ? 0 : node.children.size();
            this.out = new ArrayList<>(size);
        }
    }
}
