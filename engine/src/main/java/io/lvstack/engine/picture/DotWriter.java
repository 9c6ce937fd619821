package io.lvstack.engine.picture;

import io.lvstack.engine.picture.StackPicture.Arrow;
import io.lvstack.engine.picture.StackPicture.LvBox;
import io.lvstack.engine.picture.StackPicture.PeRow;
import io.lvstack.engine.picture.StackPicture.PvBox;
import io.lvstack.engine.picture.StackPicture.SegmentRow;

/**
 * Writes a {@link StackPicture} as a Graphviz DOT graph: top to bottom, LVs as tables with a
 * header row (name and size) and one row per segment, PVs on the bottom rank with one row per PE
 * range used, arrows from segment rows. One statement per line, in the picture's order, so the
 * text is stable and easy to read back.
 */
public final class DotWriter {
    private static final String LV_HEADER = "#cfe0f3";
    private static final String LV_BORDER = "#3b6ea5";
    private static final String HIDDEN_HEADER = "#ececec";
    private static final String HIDDEN_BORDER = "#8c8c8c";
    private static final String HIDDEN_TEXT = "#5c5c5c";
    private static final String PV_HEADER = "#f6dfb3";
    private static final String PV_BORDER = "#a8741a";
    private static final String ROLE_COLOR = "#b05a00";

    private DotWriter() {
    }

    public static String write(StackPicture p) {
        StringBuilder out = new StringBuilder(256 + 160 * (p.lvs().size() + p.arrows().size()));
        out.append("digraph ").append(id(p.vgName())).append(" {\n");
        out.append("  graph [rankdir=TB, nodesep=0.35, ranksep=0.7, fontname=\"Helvetica\", fontsize=13, labelloc=t, label=")
                .append(id("VG " + p.vgName())).append("];\n");
        out.append("  node [shape=plain, fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#46546a\", fontcolor=\"#46546a\", arrowsize=0.7];\n");
        for (LvBox lv : p.lvs()) {
            out.append("  ").append(id(lv.id())).append(" [label=<").append(lvTable(lv)).append(">];\n");
        }
        for (PvBox pv : p.pvs()) {
            out.append("  ").append(id(pv.id())).append(" [label=<").append(pvTable(pv)).append(">];\n");
        }
        if (!p.pvs().isEmpty()) {
            // PVs side by side at the bottom, whatever the depth of the stack above each.
            out.append("  { rank=max;");
            for (PvBox pv : p.pvs()) {
                out.append(' ').append(id(pv.id())).append(';');
            }
            out.append(" }\n");
        }
        java.util.Set<String> lastRows = new java.util.HashSet<>();
        for (LvBox lv : p.lvs()) {
            if (!lv.segments().isEmpty()) {
                lastRows.add(lv.id() + ":" + lv.segments().get(lv.segments().size() - 1).port());
            }
        }
        for (Arrow a : p.arrows()) {
            // Arrows leave a segment row at its bottom when it is the box's last row (elsewhere
            // the side is shorter than crossing the rows below) and enter boxes and PE ranges from above.
            out.append("  ").append(id(a.fromId())).append(':').append(a.fromPort())
                    .append(lastRows.contains(a.fromId() + ":" + a.fromPort()) ? ":s" : "").append(" -> ")
                    .append(id(a.toId())).append(':').append(a.toPort()).append(":n").append(attributes(a)).append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String lvTable(LvBox lv) {
        String border = lv.hidden() ? HIDDEN_BORDER : LV_BORDER;
        StringBuilder t = new StringBuilder("<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"")
                .append(border).append('"').append(lv.hidden() ? " STYLE=\"dashed\"" : "").append('>');
        String name = "<B>" + html(lv.title()) + "</B>  " + html(lv.size());
        t.append("<TR><TD PORT=\"").append(StackPicture.HEADER_PORT).append("\" BGCOLOR=\"")
                .append(lv.hidden() ? HIDDEN_HEADER : LV_HEADER).append("\">")
                .append(lv.hidden() ? "<FONT COLOR=\"" + HIDDEN_TEXT + "\">" + name + "</FONT>" : name)
                .append("</TD></TR>");
        for (SegmentRow s : lv.segments()) {
            String text = html(s.text());
            t.append("<TR><TD PORT=\"").append(s.port()).append("\" ALIGN=\"LEFT\">")
                    .append(lv.hidden() ? "<FONT COLOR=\"" + HIDDEN_TEXT + "\">" + text + "</FONT>" : text)
                    .append("</TD></TR>");
        }
        return t.append("</TABLE>").toString();
    }

    /**
     * A PV as a bar: its PE ranges side by side on top, where the arrows from above land, its
     * name and device below.
     */
    private static String pvTable(PvBox pv) {
        StringBuilder t = new StringBuilder("<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"")
                .append(PV_BORDER).append("\"><TR>");
        for (PeRow r : pv.ranges()) {
            t.append("<TD PORT=\"").append(r.port()).append("\">").append(html(r.text())).append("</TD>");
        }
        t.append("</TR><TR><TD PORT=\"").append(StackPicture.HEADER_PORT).append("\" COLSPAN=\"")
                .append(pv.ranges().size()).append("\" BGCOLOR=\"").append(PV_HEADER).append("\"><B>")
                .append(html(pv.name())).append("</B>  ").append(html(pv.device())).append("</TD></TR>");
        return t.append("</TABLE>").toString();
    }

    private static String attributes(Arrow a) {
        return switch (a.kind()) {
            case PV_AREA -> "";
            case LV_AREAS -> " [label=" + id(" " + a.label() + " ") + "]";
            case ROLE -> " [style=dashed, color=\"" + ROLE_COLOR + "\", fontcolor=\"" + ROLE_COLOR + "\", label="
                    + id(" " + a.label() + " ") + "]";
        };
    }

    /** A DOT quoted string: backslashes and quotes escaped, so any name is one id. */
    static String id(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Text inside an HTML-like label: the markup characters as entities. */
    static String html(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
