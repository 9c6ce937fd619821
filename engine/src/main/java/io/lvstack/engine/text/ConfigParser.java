package io.lvstack.engine.text;

import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * The parser of LVM2's config-tree grammar (libdm {@code libdm-config.c}), used for metadata in
 * both its forms and for lvm.conf; see section 1.3 of the LVM2 semantics reference
 * ({@code shared/docs/lvm2-semantics.md}).
 *
 * <p>Sections are tracked on an explicit stack, so no input can exhaust the Java stack; every
 * problem with the input, including its size, is a {@link ConfigSyntaxException}.
 *
 * <p>Where lvstack is stricter than libdm: a number must stand alone ({@code 08}, {@code 0x10},
 * {@code 1e3}, {@code 1b}, a lone {@code -} are errors, while libdm's unchecked strtoll reads
 * 0, 16, 1, 1 and 0 and goes on), an unterminated string is an error (libdm drops its last
 * character), a key ending in {@code /} is an error (libdm makes a node with an empty name),
 * strings and keys must be valid UTF-8, and sections may nest only {@link ParseOptions#maxDepth}
 * deep.
 */
public final class ConfigParser {
    /** What libdm substitutes for an out-of-range creation_time (2018-05-24). */
    static final long REPAIRED_CREATION_TIME = 1527120000L;

    private final ConfigScanner scan;
    private final TokenCache cache = new TokenCache();
    /** The general tree, with libdm's merging rules; null on the direct path. */
    private final TreeBuilder tree;
    /** The direct path: immutable nodes built as the text is read (no duplicates, no path keys). */
    private final DirectTree direct;
    private final boolean duplicateCheck;
    private final int maxDepth;
    private final List<ConfigWarning> warnings = new ArrayList<>();
    private static final int SHARED_ARRAY_MAX = 8;
    private final HashMap<List<ConfigValue>, ConfigValue.Array> sharedArrays = new HashMap<>();
    /** Reused for every array: ConfigValue.Array copies its elements anyway. */
    private final ArrayList<ConfigValue> elements = new ArrayList<>();
    private boolean creationTimeRepaired;

    // Open sections: the nodes, and the line of each one's '{' for "not closed" messages.
    private final ArrayList<TreeBuilder.Node> open = new ArrayList<>();
    private int[] openLines = new int[16];

    private ConfigParser(byte[] input, ParseOptions options, boolean general) {
        this.scan = new ConfigScanner(input);
        this.tree = general ? new TreeBuilder(options.duplicateCheck()) : null;
        this.direct = general ? null : new DirectTree();
        this.duplicateCheck = options.duplicateCheck();
        this.maxDepth = options.maxDepth();
    }

    /**
     * Parses {@code input} (UTF-8 text; a NUL byte ends it, as on disk).
     *
     * @param sourceName names the input in the document (and for the caller's messages)
     * @throws ConfigSyntaxException for any input that is not valid config text or exceeds a limit
     */
    public static ConfigDocument parse(byte[] input, String sourceName, ParseOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(options, "options");
        if (input.length > options.maxBytes()) {
            throw new ConfigSyntaxException("input is " + input.length + " bytes, over the limit of "
                    + options.maxBytes(), 0, 0, 0, 0);
        }
        // Metadata as LVM2 writes it has no repeated keys and no path keys, so it is read straight
        // into immutable nodes; a text that has either is read again with libdm's merging rules.
        ConfigParser parser = new ConfigParser(input, options, false);
        try {
            parser.file();
            return new ConfigDocument(sourceName, parser.direct.top(), parser.warnings);
        } catch (DirectTree.NeedsMerging e) {
            return parseMerging(input, sourceName, options);
        }
    }

    /** {@link #parse} always through the merging tree; the tests compare both paths with it. */
    static ConfigDocument parseMerging(byte[] input, String sourceName, ParseOptions options) {
        ConfigParser parser = new ConfigParser(input, options, true);
        parser.file();
        return new ConfigDocument(sourceName, parser.tree.freeze(), parser.warnings);
    }

    /** file := item* ; item := key ( '=' value | '{' item* '}' ) */
    private void file() {
        if (tree != null) {
            open.add(tree.root);
        }
        scan.next(false);
        for (;;) {
            int depth = tree != null ? open.size() - 1 : direct.depth();
            switch (scan.type) {
                case EOF -> {
                    if (depth == 0) {
                        return;
                    }
                    String unclosed = tree != null ? open.get(depth).key : direct.openKey();
                    throw unexpected("'}' to close section '" + unclosed + "' opened at line " + openLines[depth]);
                }
                case SECTION_END -> {
                    if (depth == 0) {
                        throw unexpected("a key");
                    }
                    if (tree != null) {
                        open.remove(depth).endLine = scan.tokenLine;
                    } else {
                        direct.close(scan.tokenLine);
                    }
                    scan.next(false);
                }
                case IDENTIFIER, STRING_ESCAPED, STRING_RAW -> {
                    if (tree != null) {
                        item(open.get(depth));
                    } else {
                        directItem(depth);
                    }
                }
                default -> throw unexpected(depth == 0 ? "a key" : "a key or '}'");
            }
        }
    }

    /** {@link #item} on the direct path: any repeated or path key hands the text to the general path. */
    private void directItem(int depth) {
        String key = key();
        int keyLine = scan.tokenLine;
        if (key.isEmpty()) {
            throw scan.error("empty key (expected a name)");
        }
        if (KeyPath.split(key) != null || duplicateCheck && direct.has(key)) {
            throw new DirectTree.NeedsMerging();
        }
        if (depth > maxDepth) {
            throw tooDeep();
        }
        scan.next(false);
        if (scan.type == ConfigScanner.Type.SECTION_BEGIN) {
            if (depth + 1 > maxDepth) {
                throw tooDeep();
            }
            setOpenLine(depth + 1, scan.tokenLine);
            direct.open(key, keyLine, duplicateCheck);
            scan.next(false);
        } else if (scan.type == ConfigScanner.Type.EQUALS) {
            scan.next(true);
            direct.add(new ConfigEntry(key, value(key), keyLine));
        } else {
            throw unexpected("'=' or '{' after key '" + key + "'");
        }
    }

    private void item(TreeBuilder.Node parent) {
        String key = key();
        int keyLine = scan.tokenLine;
        if (key.isEmpty()) {
            throw scan.error("empty key (expected a name)");
        }
        String[] path = KeyPath.split(key);
        if (path != null && path[path.length - 1].isEmpty()) {
            throw scan.error("key '" + key + "' ends with '/' (expected a name after it)");
        }
        int components = path == null ? 1 : path.length;
        if (parent.depth + components - 1 > maxDepth) {
            throw tooDeep();
        }
        scan.next(false);
        if (scan.type == ConfigScanner.Type.SECTION_BEGIN) {
            if (parent.depth + components > maxDepth) {
                throw tooDeep();
            }
            TreeBuilder.Node node = resolve(parent, key, path, keyLine);
            if (node.value != null) {
                warnings.add(new ConfigWarning(keyLine, "Ignoring section " + key
                        + ": an earlier value has the same name"));
            }
            push(node, scan.tokenLine);
            scan.next(false);
        } else if (scan.type == ConfigScanner.Type.EQUALS) {
            TreeBuilder.Node node = resolve(parent, key, path, keyLine);
            scan.next(true);
            ConfigValue value = value(node.key);
            if (node.value != null) {
                warnings.add(new ConfigWarning(keyLine, "Ignoring duplicate config value: " + key));
            } else if (node.hasChildren()) {
                warnings.add(new ConfigWarning(keyLine, "Config value " + key
                        + " replaces the section of the same name"));
            }
            node.value = value;
            // the value in force came from here, so messages about it should point here
            node.line = keyLine;
        } else {
            throw unexpected("'=' or '{' after key '" + key + "'");
        }
    }

    /** The current token as a key: identifiers as written, strings unescaped. */
    private String key() {
        if (cacheable()) {
            return cache.key(scan.input(), scan.contentStart(), scan.contentEnd());
        }
        String text = scan.text();
        return scan.hasBackslash ? Escapes.unescape(text) : text;
    }

    /** Short ASCII tokens without escapes are shared through the cache. */
    private boolean cacheable() {
        return !scan.nonAscii && !scan.hasBackslash
                && scan.contentEnd() - scan.contentStart() <= TokenCache.MAX_LENGTH;
    }

    private TreeBuilder.Node resolve(TreeBuilder.Node parent, String key, String[] path, int line) {
        if (path == null) {
            return tree.child(parent, key, line);
        }
        TreeBuilder.Node node = parent;
        for (String part : path) {
            node = tree.child(node, part, line);
        }
        return node;
    }

    private void push(TreeBuilder.Node node, int line) {
        setOpenLine(open.size(), line);
        open.add(node);
    }

    private void setOpenLine(int depth, int line) {
        if (depth >= openLines.length) {
            openLines = Arrays.copyOf(openLines, Math.max(depth + 1, openLines.length * 2));
        }
        openLines[depth] = line;
    }

    /** value := scalar | '[' ( scalar ','? )* ']' */
    private ConfigValue value(String key) {
        if (scan.type != ConfigScanner.Type.ARRAY_BEGIN) {
            ConfigValue v = scalar(key);
            if (v == null) {
                throw unexpected("a value");
            }
            scan.next(false);
            return v;
        }
        scan.next(true);
        ArrayList<ConfigValue> items = elements;
        items.clear();
        boolean afterElement = false;
        String swallowed = null;
        while (scan.type != ConfigScanner.Type.ARRAY_END) {
            ConfigValue v = scalar(key);
            if (v == null) {
                String hint = swallowed == null ? ""
                        : "; the bare word '" + swallowed + "' took the ']' as part of itself: put a space before ']'";
                throw unexpectedWithHint(afterElement ? "',' or ']'" : "a value or ']'", hint);
            }
            items.add(v);
            swallowed = scan.type == ConfigScanner.Type.BARE && v instanceof ConfigValue.Str s
                    && s.value().endsWith("]") ? s.value() : null;
            // libdm: after an element only a quoted string may follow without a comma
            scan.next(false);
            afterElement = true;
            if (scan.type == ConfigScanner.Type.COMMA) {
                scan.next(true);
                afterElement = false;
            }
        }
        scan.next(false);
        return array(items);
    }

    /**
     * The array of {@code items}, shared with an earlier equal one when it is a short list of
     * strings: status and flags lists repeat for every LV, and values are immutable.
     */
    private ConfigValue array(ArrayList<ConfigValue> items) {
        if (items.size() > SHARED_ARRAY_MAX) {
            return new ConfigValue.Array(items);
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof ConfigValue.Str)) {
                return new ConfigValue.Array(items);
            }
        }
        ConfigValue.Array shared = sharedArrays.get(items);
        if (shared == null) {
            shared = new ConfigValue.Array(items);
            sharedArrays.put(shared.elements(), shared);
        }
        return shared;
    }

    /** The current token as a scalar value, or null if it is not one. Does not advance. */
    private ConfigValue scalar(String key) {
        return switch (scan.type) {
            case INT -> integer(key);
            case FLOAT -> {
                double v = scan.floatValue();
                if (Double.isNaN(v)) {
                    throw scan.error("float " + scan.shownText() + " is out of range (64-bit double)");
                }
                yield new ConfigValue.Real(v);
            }
            case STRING_ESCAPED, BARE -> {
                if (cacheable()) {
                    yield cache.string(scan.input(), scan.contentStart(), scan.contentEnd());
                }
                yield ConfigValue.Str.of(scan.hasBackslash ? Escapes.unescape(scan.text()) : scan.text());
            }
            case STRING_RAW -> new ConfigValue.Str(scan.text(), true);
            default -> null;
        };
    }

    private ConfigValue integer(String key) {
        switch (scan.intProblem) {
            case NONE -> {
                return TokenCache.integer(scan.intValue);
            }
            case BAD_OCTAL_DIGIT -> throw scan.error("integer " + scan.shownText()
                    + " is not valid (a leading 0 makes it octal, which has no digits 8 or 9)");
            default -> {
                // libdm repairs creation_time values that old 32-bit builds wrote out of range
                if (key.equals("creation_time")) {
                    if (!creationTimeRepaired) {
                        creationTimeRepaired = true;
                        warnings.add(new ConfigWarning(scan.tokenLine,
                                "Invalid creation_time found in metadata (repaired with next metadata update)."));
                    }
                    return new ConfigValue.Int(REPAIRED_CREATION_TIME);
                }
                throw scan.error("integer " + scan.shownText() + " is out of range (64-bit)");
            }
        }
    }

    private ConfigSyntaxException tooDeep() {
        return scan.error("sections nest deeper than " + maxDepth + " levels");
    }

    private ConfigSyntaxException unexpected(String expected) {
        return unexpectedWithHint(expected, "");
    }

    private ConfigSyntaxException unexpectedWithHint(String expected, String hint) {
        StringBuilder msg = new StringBuilder("unexpected ").append(scan.describe())
                .append(" (expected ").append(expected).append(')').append(hint);
        if (scan.followsMultiLineString()) {
            msg.append("; the string opened at line ").append(scan.multiLineStringFirstLine)
                    .append(" runs to line ").append(scan.multiLineStringLastLine)
                    .append(": is its closing quote missing?");
        }
        return scan.error(msg.toString());
    }
}
