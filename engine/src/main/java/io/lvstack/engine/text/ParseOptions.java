package io.lvstack.engine.text;

/**
 * How {@link ConfigParser} reads a text.
 *
 * @param duplicateCheck true for the file form (backups, archives, lvm.conf): a repeated section
 *                       merges into the first one, and a repeated value keeps the first node's
 *                       place but takes the later value, with a warning. False for the on-disk
 *                       form ({@code dm_config_parse_without_dup_node_check}): every occurrence
 *                       stays a separate sibling node.
 * @param maxDepth       how deeply sections may nest (a top-level section is level 1); deeper
 *                       input is refused instead of building a tree that recursive consumers
 *                       could not walk
 * @param maxBytes       the largest input accepted, checked before any parsing
 */
public record ParseOptions(boolean duplicateCheck, int maxDepth, int maxBytes) {
    public static final int DEFAULT_MAX_DEPTH = 128;
    public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

    public ParseOptions {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
        }
    }

    /** The file form (with duplicate checking) and the default limits. */
    public static ParseOptions fileForm() {
        return new ParseOptions(true, DEFAULT_MAX_DEPTH, DEFAULT_MAX_BYTES);
    }

    /** The on-disk form (duplicates kept as siblings) and the default limits. */
    public static ParseOptions onDiskForm() {
        return new ParseOptions(false, DEFAULT_MAX_DEPTH, DEFAULT_MAX_BYTES);
    }

    public ParseOptions withMaxDepth(int depth) {
        return new ParseOptions(duplicateCheck, depth, maxBytes);
    }

    public ParseOptions withMaxBytes(int bytes) {
        return new ParseOptions(duplicateCheck, maxDepth, bytes);
    }
}
