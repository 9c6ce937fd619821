package io.lvstack.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell and separated by two spaces. */
final class Table {
    private static final String GAP = "  ";

    private final int columns;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.columns = header.size();
        rows.add(List.copyOf(header));
    }

    Table add(List<String> row) {
        if (row.size() != columns) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, table has " + columns + " columns");
        }
        rows.add(List.copyOf(row));
        return this;
    }

    /** Prints the header and the rows; the last column is not padded, so no line ends in blanks. */
    void print(PrintWriter out) {
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns - 1; i++) {
                String cell = row.get(i);
                line.append(cell).append(" ".repeat(width[i] - cell.length())).append(GAP);
            }
            line.append(row.get(columns - 1));
            out.println(line);
        }
    }
}
