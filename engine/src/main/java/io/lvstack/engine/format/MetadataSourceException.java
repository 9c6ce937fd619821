package io.lvstack.engine.format;

import io.lvstack.api.MetadataException;

/** A metadata text that cannot be read, located in its source: {@code FILE:LINE:COLUMN: what}. */
public final class MetadataSourceException extends MetadataException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int column;
    private final String detail;

    public MetadataSourceException(String source, int line, int column, String detail, Throwable cause) {
        super(line, location(source, line, column) + detail);
        this.source = source;
        this.column = column;
        this.detail = detail;
        if (cause != null) {
            initCause(cause);
        }
    }

    private static String location(String source, int line, int column) {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").toString();
    }

    public String source() {
        return source;
    }

    /** 1-based column, or 0 when only the line is known. */
    public int column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }
}
