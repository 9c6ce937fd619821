package io.lvstack.api;

/**
 * Metadata text that cannot be read: carries the line (1-based, 0 when unknown) of the offending
 * node so that the caller can name file and line.
 */
public class MetadataException extends LvstackException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public MetadataException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line the problem was found at, or 0 when not tied to a line. */
    public int line() {
        return line;
    }
}
