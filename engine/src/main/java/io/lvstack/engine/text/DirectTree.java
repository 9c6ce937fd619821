package io.lvstack.engine.text;

import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Builds the immutable nodes of a text that repeats no key, as the parser reads it: the children
 * of every open section wait on one shared list, and closing a section turns its run of that list
 * into a {@link ConfigSection}. Nothing is built twice, unlike {@link TreeBuilder}, whose mutable
 * tree is frozen afterwards; a text that needs libdm's merging rules is read by that one instead.
 */
final class DirectTree {
    /** Signals a repeated or path key: the text must be read with {@link TreeBuilder}. */
    static final class NeedsMerging extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsMerging() {
            super(null, null, false, false);
        }
    }

    /** Past this many children a section's keys are kept in a set, not searched. */
    private static final int INDEX_THRESHOLD = 12;

    /** The children of all open sections, the innermost last; the root's come first. */
    private final ArrayList<ConfigNode> pending = new ArrayList<>(256);
    // Per open section (index 1..depth; 0 is the root): key, line, where its children start.
    private String[] keys = new String[16];
    private int[] lines = new int[16];
    private int[] starts = new int[16];
    private final ArrayList<HashSet<String>> indexes = new ArrayList<>(List.of(new HashSet<>()));
    private int depth;

    int depth() {
        return depth;
    }

    String openKey() {
        return keys[depth];
    }

    /** Whether the innermost open section already has a child named {@code key}. */
    boolean has(String key) {
        int start = starts[depth];
        int size = pending.size() - start;
        if (size > INDEX_THRESHOLD) {
            return index(start, size).contains(key);
        }
        for (int i = start; i < pending.size(); i++) {
            if (pending.get(i).key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The key set of the innermost section, brought up to date with its children. */
    private HashSet<String> index(int start, int size) {
        HashSet<String> index = indexes.get(depth);
        if (index.size() < size) {
            for (int i = start + index.size(); i < pending.size(); i++) {
                index.add(pending.get(i).key());
            }
        }
        return index;
    }

    void open(String key, int line, boolean indexed) {
        depth++;
        if (depth == keys.length) {
            keys = Arrays.copyOf(keys, depth * 2);
            lines = Arrays.copyOf(lines, depth * 2);
            starts = Arrays.copyOf(starts, depth * 2);
        }
        keys[depth] = key;
        lines[depth] = line;
        starts[depth] = pending.size();
        if (indexed) {
            if (indexes.size() == depth) {
                indexes.add(new HashSet<>());
            } else {
                indexes.get(depth).clear();
            }
        }
    }

    void add(ConfigNode node) {
        pending.add(node);
    }

    /** Closes the innermost section at the line of its '}'. */
    void close(int endLine) {
        int start = starts[depth];
        List<ConfigNode> children = pending.subList(start, pending.size());
        ConfigSection section = new ConfigSection(keys[depth], children, lines[depth], endLine);
        children.clear();
        keys[depth] = null;
        depth--;
        pending.add(section);
    }

    /** The top-level nodes, once every section is closed. */
    List<ConfigNode> top() {
        return new ArrayList<>(pending);
    }
}
