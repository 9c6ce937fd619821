package io.lvstack.engine.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tables against LVM2's own account of each corpus VG: its {@code lvs -a} report
 * ({@code NAME.lvs.json}: segment type, extents, devices, stripe and region size, log) gives every
 * segment's areas, and the kernel's target formats (dm-linear, dm-stripe, dm-raid1) and LVM2's
 * activation code give the line. Nothing here goes through lvstack's parser or graph; the VG's
 * extent size, the PVs' device hints and {@code pe_start}, and the LE of LV areas are read from
 * the text with regular expressions: LVM2's {@code devices} field prints {@code (0)} for every LV
 * area whatever its LE (lvm2-semantics.md, section 8).
 */
class TableLvm2ReportTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());
    private static final Pattern EXTENT_SIZE = Pattern.compile("\\n\\s*extent_size = (\\d+)");
    private static final Pattern PV = Pattern.compile("device = \"([^\"]+)\"[^}]*?pe_start = (\\d+)", Pattern.DOTALL);
    private static final Pattern DEVICE = Pattern.compile("(.+)\\((\\d+)\\)");
    private static final Pattern AREAS = Pattern.compile("(?:stripes|mirrors) = \\[([^\\]]*)\\]");
    private static final Pattern AREA = Pattern.compile("\"([^\"]+)\", (\\d+)");
    /** LVM2's default region size ({@code activation/raid_region_size}, 2 MiB), for pvmove. */
    private static final long DEFAULT_REGION = 4096;

    static Stream<String> cases() {
        return Corpus.acceptedFiles().stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.contains(".step") && !n.contains(".input"))
                .map(n -> n.substring(0, n.length() - 3))
                .filter(n -> Files.exists(Corpus.DIR.resolve(n + ".lvs.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyLineIsWhatLvm2sReportImplies(String name) throws Exception {
        String text = Files.readString(Corpus.DIR.resolve(name + ".vg"));
        String vgName = text.substring(text.indexOf('\n', text.indexOf("\n\n") + 1) + 1).lines()
                .filter(l -> l.endsWith(" {")).findFirst().orElseThrow().replace(" {", "");
        Matcher es = EXTENT_SIZE.matcher(text);
        assertTrue(es.find());
        long extentSize = Long.parseLong(es.group(1));
        Map<String, Long> peStart = new HashMap<>();
        for (Matcher m = PV.matcher(text); m.find(); ) {
            peStart.put(m.group(1), Long.parseLong(m.group(2)));
        }
        // The oracle knows pvmove only with nothing moved yet: the first segment runs.
        assertFalse(text.matches("(?s).*extents_moved = [1-9].*"), "a pvmove case with moved extents needs a new oracle");

        Map<String, List<String>> expected = new LinkedHashMap<>();
        JsonNode rows = new ObjectMapper().readTree(Corpus.DIR.resolve(name + ".lvs.json").toFile())
                .path("report").path(0).path("lv");
        for (JsonNode row : rows) {
            String lv = row.path("lv_name").asText().replaceAll("^\\[|\\]$", "");
            if (lv.contains("_pmspare")) {
                continue; // LVM2 never activates the pool-metadata spare, which it knows by that name
            }
            String dmName = vgName.replace("-", "--") + "-" + lv.replace("-", "--");
            if (row.path("segtype").asText().equals("cache-pool")) {
                continue; // LVM2 makes no device of a cache pool (an unused one: its metadata LV, to wipe it)
            }
            List<String> lines = expected.computeIfAbsent(dmName, k -> new ArrayList<>());
            String type = row.path("segtype").asText();
            long start = Long.parseLong(row.path("seg_start_pe").asText()) * extentSize;
            long length = Long.parseLong(row.path("seg_size_pe").asText()) * extentSize;
            if (!List.of("linear", "striped", "mirror").contains(type)) {
                lines.add("(no table: " + type + ")");
                continue;
            }
            List<String> devices = new ArrayList<>();
            List<Long> areaStarts = areaStarts(text, lv, lines.size() + 1);
            String[] reported = row.path("devices").asText().split(",");
            for (int i = 0; i < reported.length && !reported[0].isEmpty(); i++) {
                Matcher m = DEVICE.matcher(reported[i]);
                assertTrue(m.matches(), reported[i]);
                long at = m.group(1).startsWith("/dev/") ? Long.parseLong(m.group(2)) : areaStarts.get(i);
                if (m.group(1).startsWith("/dev/")) {
                    assertEquals(areaStarts.get(i), at, "PE of " + reported[i] + " in the text and in LVM2's report");
                }
                devices.add(m.group(1).startsWith("/dev/") ? m.group(1) + " " + (peStart.get(m.group(1)) + at * extentSize)
                        : "/dev/mapper/" + vgName.replace("-", "--") + "-" + m.group(1).replace("-", "--") + " " + at * extentSize);
            }
            String target;
            if (type.equals("linear")) {
                target = "linear " + devices.get(0);
            } else if (type.equals("striped")) {
                target = "striped " + devices.size() + " " + row.path("stripe_size").asText() + " " + String.join(" ", devices);
            } else if (type.equals("mirror") && lv.startsWith("pvmove")) {
                boolean first = lines.isEmpty();
                long region = Math.min(DEFAULT_REGION, Long.highestOneBit(length));
                target = first ? "mirror core 1 " + region + " 2 " + String.join(" ", devices) : "linear " + devices.get(0);
            } else {
                String log = row.path("mirror_log").asText().replaceAll("^\\[|\\]$", "");
                target = "mirror " + (log.isEmpty() ? "core 1 " : "disk 2 /dev/mapper/" + vgName.replace("-", "--") + "-"
                        + log.replace("-", "--") + " ") + row.path("region_size").asText() + " " + devices.size() + " "
                        + String.join(" ", devices) + " 1 handle_errors";
            }
            lines.add(start + " " + length + " " + target);
        }

        DmTables tables = TableBuilder.build(FORMAT.read(Corpus.DIR.resolve(name + ".vg")).vg(), TableOptions.defaults());
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (DmDevice d : tables.devices()) {
            actual.put(d.name(), d.lines().stream().map(TableLine::toString).toList());
        }
        for (String problem : tables.problems()) {
            String lv = problem.substring(problem.indexOf('/') + 1, problem.indexOf(':'));
            actual.put(vgName.replace("-", "--") + "-" + lv.replace("-", "--"), List.of("(no table: "
                    + problem.replaceAll(".* is of type (\\S+),.*", "$1") + ")"));
        }
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(actual));
    }

    /** The extent numbers of segment {@code n}'s areas in LV {@code lv}'s section of canonical text. */
    private static List<Long> areaStarts(String text, String lv, int n) {
        Matcher section = Pattern.compile("\n\t\t" + Pattern.quote(lv) + " \\{(.*?)\n\t\t\\}", Pattern.DOTALL)
                .matcher(text);
        List<Long> out = new ArrayList<>();
        if (!section.find()) {
            return out;
        }
        Matcher segment = Pattern.compile("\n\t\t\tsegment" + n + " \\{(.*?)\n\t\t\t\\}", Pattern.DOTALL)
                .matcher(section.group(1));
        assertTrue(segment.find(), lv + " segment" + n);
        Matcher areas = AREAS.matcher(segment.group(1));
        if (areas.find()) {
            for (Matcher a = AREA.matcher(areas.group(1)); a.find(); ) {
                out.add(Long.parseLong(a.group(2)));
            }
        }
        return out;
    }
}
