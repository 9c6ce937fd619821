package io.lvstack.engine.picture;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the DOT that {@link DotWriter} writes, independently of it: nodes with their
 * HTML-like label's cells (port to text, markup stripped, entities decoded) and whether the
 * table is dashed; edges with their ports and attributes. Any line it does not understand fails
 * the test, so the writer cannot slip a statement past the checks.
 */
record DotReader(Map<String, Node> nodes, List<Edge> edges) {
    record Node(String id, boolean dashed, Map<String, String> cells) {
    }

    record Edge(String from, String fromPort, String to, String toPort, Map<String, String> attributes) {
        String label() {
            return attributes.getOrDefault("label", "").strip();
        }

        boolean dashed() {
            return "dashed".equals(attributes.get("style"));
        }
    }

    private static final String ID = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern NODE = Pattern.compile("  " + ID + " \\[label=<(.*)>\\];");
    private static final Pattern EDGE = Pattern.compile("  " + ID + ":(\\w+)(?::[nsew])? -> " + ID
            + ":(\\w+)(?::[nsew])?(?: \\[(.*)\\])?;");
    private static final Pattern CELL = Pattern.compile("<TD PORT=\"(\\w+)\"[^>]*>(.*?)</TD>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=(" + ID + "|[^,\\s]+)(?:, )?");
    private static final Pattern RANK = Pattern.compile("  \\{ rank=max;(?: " + ID + ";)+ \\}");

    static DotReader read(String dot) {
        List<String> lines = dot.lines().toList();
        assertTrue(lines.get(0).startsWith("digraph \""), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).equals("}"), "last line");
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            Matcher m;
            if (line.startsWith("  graph [") || line.startsWith("  node [") || line.startsWith("  edge [")
                    || RANK.matcher(line).matches()) {
                continue;
            }
            if ((m = NODE.matcher(line)).matches()) {
                String id = unquote(m.group(1));
                Map<String, String> cells = new LinkedHashMap<>();
                Matcher c = CELL.matcher(m.group(2));
                while (c.find()) {
                    cells.put(c.group(1), text(c.group(2)));
                }
                boolean dashed = m.group(2).startsWith("<TABLE") && m.group(2).substring(0, m.group(2).indexOf('>'))
                        .contains("STYLE=\"dashed\"");
                assertTrue(nodes.put(id, new Node(id, dashed, cells)) == null, "node " + id + " twice");
            } else if ((m = EDGE.matcher(line)).matches()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                if (m.group(5) != null) {
                    Matcher a = ATTRIBUTE.matcher(m.group(5));
                    int end = 0;
                    while (a.find() && a.start() == end) {
                        String v = a.group(2);
                        attributes.put(a.group(1), v.startsWith("\"") ? unquote(v.substring(1, v.length() - 1)) : v);
                        end = a.end();
                    }
                    assertTrue(end == m.group(5).length(), "attributes " + m.group(5));
                }
                edges.add(new Edge(unquote(m.group(1)), m.group(2), unquote(m.group(3)), m.group(4), attributes));
            } else {
                fail("unexpected DOT line: " + line);
            }
        }
        return new DotReader(nodes, edges);
    }

    List<Edge> from(String node, String port) {
        return edges.stream().filter(e -> e.from().equals(node) && e.fromPort().equals(port)).toList();
    }

    private static String unquote(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }

    /** A cell's text: tags dropped, entities decoded, runs of blanks as one. */
    private static String text(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
