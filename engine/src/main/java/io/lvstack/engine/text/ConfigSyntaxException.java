package io.lvstack.engine.text;

import io.lvstack.api.MetadataException;

/**
 * Text that does not follow the config-tree grammar, or that exceeds a parser limit. Carries
 * where the offending token starts: 1-based line and column (columns count characters; a TAB is
 * one) and the 0-based byte offset. Line and column are 0 when the problem is not tied to a
 * place (an input over the size limit).
 */
public class ConfigSyntaxException extends MetadataException {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final int offset;
    private final int lvm2Line;

    public ConfigSyntaxException(String message, int line, int column, int offset, int lvm2Line) {
        super(line, message);
        this.column = column;
        this.offset = offset;
        this.lvm2Line = lvm2Line;
    }

    /** The 1-based column (in characters) of the offending token, or 0. */
    public int column() {
        return column;
    }

    /** The 0-based byte offset of the offending token; LVM2's "byte N" is this plus one. */
    public int offset() {
        return offset;
    }

    /**
     * The line LVM2 would name for the same place. libdm does not count line breaks inside
     * quoted strings, so after a multi-line string its line numbers fall behind the real ones.
     */
    public int lvm2Line() {
        return lvm2Line;
    }

    /** {@code SOURCE:LINE:COLUMN: MESSAGE}, or {@code SOURCE: MESSAGE} when there is no place. */
    public String describe(String sourceName) {
        if (line() <= 0) {
            return sourceName + ": " + getMessage();
        }
        return sourceName + ":" + line() + ":" + column + ": " + getMessage();
    }
}
