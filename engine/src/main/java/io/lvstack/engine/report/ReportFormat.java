package io.lvstack.engine.report;

import java.util.Arrays;
import java.util.List;

/**
 * Renders a {@link Report} as LVM2's reporter does: the basic form (two leading spaces, columns
 * padded to their width, text left-aligned, numbers and sizes right-aligned, headings always
 * left-aligned) or LVM2's JSON (every value a string, one row a line).
 */
public final class ReportFormat {
    private ReportFormat() {
    }

    /** Options of the basic form. */
    public record Basic(boolean headings, String separator, boolean aligned) {
        public static final Basic DEFAULT = new Basic(true, null, false);
    }

    public static String basic(Report report, Units units, Basic options) {
        if (report.rows().isEmpty()) {
            return ""; // LVM2 prints not even the headings when nothing matched
        }
        List<String[]> cells = cells(report, units);
        int n = report.columns().size();
        boolean pad = options.separator() == null || options.aligned();
        String sep = options.separator() == null ? " " : options.separator();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            Report.Column c = report.columns().get(i);
            // Headings count even when not printed (real LVM2 2.03.16, lvm2-lab/attrs/lvs-noheadings.txt).
            width[i] = Math.max(c.minWidth(), c.heading().length());
            for (String[] row : cells) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        long lineLength = 3 + (long) sep.length() * (n - 1);
        for (int w : width) {
            lineLength += w;
        }
        // Sized once for the whole table: no regrowth copies on a report of thousands of rows.
        StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, lineLength * (cells.size() + 1)));
        if (options.headings()) {
            out.append("  ");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(sep);
                }
                appendPadded(out, report.columns().get(i).heading(), pad ? width[i] : 0, false);
            }
            out.append('\n');
        }
        for (int r = 0; r < cells.size(); r++) {
            out.append("  ");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(sep);
                }
                boolean right = !(report.rows().get(r).get(i) instanceof Value.Text);
                appendPadded(out, cells.get(r)[i], pad ? width[i] : 0, right);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendPadded(StringBuilder out, String s, int width, boolean right) {
        if (!right) {
            out.append(s);
        }
        for (int i = s.length(); i < width; i++) {
            out.append(' ');
        }
        if (right) {
            out.append(s);
        }
    }

    /** LVM2's {@code --reportformat json}. */
    public static String json(Report report, Units units) {
        List<String[]> cells = cells(report, units);
        StringBuilder out = new StringBuilder("  {\n      \"report\": [\n          {\n              \"")
                .append(report.kind().object()).append("\": [\n");
        for (int r = 0; r < cells.size(); r++) {
            out.append("                  {");
            for (int i = 0; i < cells.get(r).length; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append('"').append(report.columns().get(i).field()).append("\":\"").append(escape(cells.get(r)[i]))
                        .append('"');
            }
            out.append('}').append(r < cells.size() - 1 ? ",\n" : "\n");
        }
        return out.append("              ]\n          }\n      ]\n  }\n").toString();
    }

    /**
     * A JSON string's content: LVM2 escapes {@code "} and <code>&#92;</code>; control characters (which a
     * quoted name in the metadata may hold) are escaped as JSON requires, <code>&#92;u00XX</code>.
     */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c < 0x20 ? String.format("\\u%04x", (int) c) : null;
            if (e != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (e != null) {
                    out.append(e);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static List<String[]> cells(Report report, Units units) {
        List<List<Value>> rows = report.rows();
        String[][] out = new String[rows.size()][];
        RowWork.forEachRow(rows.size(), r -> {
            List<Value> row = rows.get(r);
            String[] c = new String[row.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = text(row.get(i), units);
            }
            out[r] = c;
        });
        return Arrays.asList(out);
    }

    static String text(Value v, Units units) {
        if (v instanceof Value.Text t) {
            return t.text();
        }
        if (v instanceof Value.Number n) {
            return Long.toString(n.value());
        }
        return units.format(((Value.Size) v).sectors());
    }
}
