package io.lvstack.engine.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.picture.DotReader.Edge;
import io.lvstack.engine.picture.DotReader.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DOT of every corpus case with an LVM2 report ({@code NAME.vg} and its hand-written
 * {@code NAME.input.vg} twin), read back and held against LVM2's own {@code lvs -a} report of
 * that case: every LV a node (hidden ones bracketed and dashed), every segment a row with its
 * type and LE range, every device an arrow from that segment to the right PE range or LV, every
 * mirror log a dashed "log" arrow, every cache pool's metadata LV a dashed "metadata" arrow, and
 * nothing else drawn.
 */
class StackPictureCorpusTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every {@code NAME.vg} and {@code NAME.input.vg} whose {@code NAME.lvs.json} exists. */
    static Stream<String> cases() {
        return Corpus.acceptedFiles().stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.contains(".step"))
                .filter(n -> Files.exists(Corpus.DIR.resolve(caseName(n) + ".lvs.json")));
    }

    static String caseName(String file) {
        return file.substring(0, file.indexOf('.'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pictureShowsWhatLvm2Reports(String file) throws Exception {
        VolumeGroup vg = FORMAT.read(Corpus.DIR.resolve(file)).vg();
        DotReader dot = DotReader.read(DotWriter.write(StackPicture.of(vg)));
        JsonNode rows = JSON.readTree(Corpus.DIR.resolve(caseName(file) + ".lvs.json").toFile())
                .get("report").get(0).get("lv");
        assertTrue(rows.size() > 0);

        Map<String, Integer> segmentsSeen = new HashMap<>();
        Set<String> lvNodes = new HashSet<>();
        Map<String, Set<String>> pvRanges = new LinkedHashMap<>();
        int edgesExpected = 0;
        for (JsonNode row : rows) {
            String shown = row.get("lv_name").asText();
            boolean hidden = shown.startsWith("[");
            String lv = hidden ? shown.substring(1, shown.length() - 1) : shown;
            String id = "lv:" + lv;
            lvNodes.add(id);
            Node node = dot.nodes().get(id);
            assertNotNull(node, file + ": no node for " + shown);
            assertEquals(hidden, node.dashed(), file + ": " + shown + " dashed");
            assertTrue(node.cells().get("h").startsWith(shown + " "), file + ": header " + node.cells().get("h"));

            int number = segmentsSeen.merge(lv, 1, Integer::sum);
            String port = "s" + number;
            long start = row.get("seg_start_pe").asLong();
            long size = row.get("seg_size_pe").asLong();
            String type = row.get("segtype").asText();
            assertEquals("segment" + number + " " + type + " LE " + start + "-" + (start + size - 1),
                    node.cells().get(port), file + ": " + shown + " segment " + number);

            List<Edge> out = dot.from(id, port);
            if (vg.unknownSegmentTypes().contains(type)) {
                // The engine keeps an unknown segment's text, not its areas: there is nothing to draw.
                assertEquals(List.of(), out, file + ": " + shown + " of unknown type " + type);
                continue;
            }
            String[] devices = row.get("devices").asText().split(",");
            String[] ranges = row.get("seg_pe_ranges").asText().split(" ");
            assertEquals(devices.length, ranges.length);
            long areaLen = type.equals("mirror") ? size : size / row.get("stripes").asLong();
            Map<String, List<String>> onLvs = new LinkedHashMap<>();
            List<Edge> expectedPv = new ArrayList<>();
            for (int i = 0; i < devices.length; i++) {
                String device = devices[i].substring(0, devices[i].lastIndexOf('('));
                String range = ranges[i].substring(ranges[i].lastIndexOf(':') + 1);
                long lo = Long.parseLong(range.substring(0, range.indexOf('-')));
                long hi = Long.parseLong(range.substring(range.indexOf('-') + 1));
                if (device.startsWith("/dev/")) {
                    assertEquals(Long.parseLong(devices[i].substring(device.length() + 1, devices[i].length() - 1)), lo);
                    assertEquals(areaLen, hi - lo + 1, file + ": " + ranges[i]);
                    String pv = pvNode(dot, device);
                    pvRanges.computeIfAbsent(pv, k -> new HashSet<>()).add("PE " + range);
                    Edge e = out.stream().filter(x -> x.to().equals(pv) && ("PE " + range).equals(
                            dot.nodes().get(pv).cells().get(x.toPort()))).findFirst().orElse(null);
                    assertNotNull(e, file + ": " + shown + " " + port + " has no arrow to " + device + " PE " + range);
                    assertEquals(Map.of(), e.attributes(), file + ": PV arrows are plain");
                    expectedPv.add(e);
                } else {
                    // LVM2 prints (0) and the sub-LV's whole range here: the arrow's range must lie inside it.
                    onLvs.computeIfAbsent(device, k -> new ArrayList<>()).add(lo + "-" + hi);
                }
            }
            for (Map.Entry<String, List<String>> e : onLvs.entrySet()) {
                List<Edge> arrows = out.stream().filter(x -> x.to().equals("lv:" + e.getKey()) && !x.dashed()).toList();
                assertEquals(1, arrows.size(), file + ": " + shown + " " + port + " arrows to " + e.getKey());
                Edge arrow = arrows.get(0);
                assertEquals("h", arrow.toPort());
                String label = arrow.label();
                int uses = e.getValue().size();
                assertEquals(uses > 1, label.endsWith(" \u00d7" + uses), file + ": count in " + label);
                String[] used = label.replaceFirst(" \u00d7\\d+$", "").replaceFirst("^LE ", "").split(", ");
                assertEquals(uses, used.length, file + ": " + label);
                for (int i = 0; i < uses; i++) {
                    String whole = e.getValue().get(i);
                    long lo = Long.parseLong(used[i].substring(0, used[i].indexOf('-')));
                    long hi = Long.parseLong(used[i].substring(used[i].indexOf('-') + 1));
                    assertEquals(areaLen, hi - lo + 1, file + ": " + label);
                    assertTrue(lo >= Long.parseLong(whole.substring(0, whole.indexOf('-')))
                            && hi <= Long.parseLong(whole.substring(whole.indexOf('-') + 1)), file + ": " + label);
                }
            }
            String log = row.get("mirror_log").asText();
            List<Edge> dashed = out.stream().filter(Edge::dashed).toList();
            if (type.equals("cache-pool")) {
                // this corpus reports no metadata_lv: the pool's part that is not its device is its metadata LV
                List<String> parts = new ArrayList<>();
                for (JsonNode other : rows) {
                    String name = other.get("lv_name").asText().replaceAll("^\\[|\\]$", "");
                    if (other.get("lv_parent").asText().equals(lv) && !onLvs.containsKey(name)) {
                        parts.add(name);
                    }
                }
                assertEquals(1, parts.size(), file + ": " + shown + " parts " + parts);
                assertEquals(1, dashed.size(), file + ": " + shown + " metadata arrows");
                assertEquals("lv:" + parts.get(0), dashed.get(0).to());
                assertEquals("metadata", dashed.get(0).label());
            } else if (log.isEmpty()) {
                assertEquals(List.of(), dashed, file + ": " + shown + " has no log");
            } else {
                assertEquals(1, dashed.size(), file + ": " + shown + " log arrows");
                assertEquals("lv:" + log.substring(1, log.length() - 1), dashed.get(0).to());
                assertEquals("log", dashed.get(0).label());
            }
            int expected = expectedPv.size() + onLvs.size() + dashed.size();
            assertEquals(expected, out.size(), file + ": " + shown + " " + port + " arrows " + out);
            edgesExpected += expected;
        }
        // Nothing beyond the report: no extra LV, segment row, PV range or arrow.
        Set<String> drawnLvs = new HashSet<>(dot.nodes().keySet());
        drawnLvs.removeIf(n -> n.startsWith("pv:"));
        assertEquals(lvNodes, drawnLvs, file);
        segmentsSeen.forEach((lv, n) -> assertEquals(n + 1, dot.nodes().get("lv:" + lv).cells().size(), file + ": " + lv));
        assertEquals(edgesExpected, dot.edges().size(), file);
        for (Node pv : dot.nodes().values()) {
            if (pv.id().startsWith("pv:")) {
                Set<String> drawn = new HashSet<>(pv.cells().values());
                drawn.remove(pv.cells().get("h"));
                assertEquals(pvRanges.get(pv.id()), drawn, file + ": ranges of " + pv.id());
            }
        }
    }

    /** The PV node whose header names {@code device}. */
    private static String pvNode(DotReader dot, String device) {
        List<String> found = dot.nodes().values().stream()
                .filter(n -> n.id().startsWith("pv:") && n.cells().get("h").endsWith(" " + device))
                .map(Node::id).toList();
        assertEquals(1, found.size(), "PV nodes for " + device + ": " + found);
        return found.get(0);
    }

    /**
     * The picture of one LV is that LV and what the whole picture's arrows reach from it, with
     * the same boxes and arrows (PV boxes keep only the ranges reached).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLvIsThatLvAndWhatLiesBelow(String file) {
        VolumeGroup vg = FORMAT.read(Corpus.DIR.resolve(file)).vg();
        String whole = DotWriter.write(StackPicture.of(vg));
        DotReader all = DotReader.read(whole);
        for (var lv : vg.lvs()) {
            String part = DotWriter.write(StackPicture.of(vg, lv));
            DotReader one = DotReader.read(part);
            Set<String> reached = new java.util.LinkedHashSet<>(List.of("lv:" + lv.name()));
            for (boolean grew = true; grew; ) {
                grew = false;
                for (Edge e : all.edges()) {
                    if (reached.contains(e.from()) && !e.to().startsWith("pv:")) {
                        grew |= reached.add(e.to());
                    }
                }
            }
            Set<String> lvs = new HashSet<>(one.nodes().keySet());
            lvs.removeIf(n -> n.startsWith("pv:"));
            assertEquals(reached, lvs, file + ": " + lv.name());
            List<Edge> expected = all.edges().stream().filter(e -> reached.contains(e.from())).toList();
            assertEquals(expected, one.edges(), file + ": " + lv.name());
            for (String n : reached) {
                assertEquals(all.nodes().get(n), one.nodes().get(n));
            }
            Set<String> wholeLines = new HashSet<>(whole.lines().toList());
            part.lines().filter(l -> l.startsWith("  \"lv:")).forEach(l -> assertTrue(wholeLines.contains(l), l));
        }
    }
}
