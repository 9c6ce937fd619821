package io.lvstack.engine.report;

import java.util.List;

/**
 * A report as typed values: columns with LVM2's field names and rows of {@link Value}s, so a
 * program never parses text. {@link ReportFormat} renders it as LVM2 does.
 */
public record Report(ReportKind kind, List<Column> columns, List<List<Value>> rows) {
    /** A column: the LVM2 field name, its heading, its minimum width, and whether it is text. */
    public record Column(String field, String heading, int minWidth) {
    }

    public Report {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
