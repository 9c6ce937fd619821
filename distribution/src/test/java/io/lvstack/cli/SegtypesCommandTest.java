package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegtypesCommandTest {
    private static final String VERSION = VersionProvider.projectVersion();

    /** The columns of a listing that do not depend on where the build put the jars. */
    record Entry(String name, String role, String plugin) {
    }

    @Test
    void listsTheBuiltInTypesAsPrimaryWithoutTheLinearFallback() {
        CliRun r = CliRun.of("segtypes");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        List<SegtypeRow> rows = parseTable(r.outLines());
        List<Entry> expected = new java.util.ArrayList<>(List.of(
                new Entry("striped", "primary", "striped"),
                new Entry("linear", "primary", "linear"),
                new Entry("mirror", "primary", "mirror"),
                new Entry("snapshot", "primary", "snapshot"),
                new Entry("thin-pool", "primary", "thin"),
                new Entry("thin", "primary", "thin"),
                new Entry("cache-pool", "primary", "cache"),
                new Entry("cache", "primary", "cache"),
                new Entry("writecache", "primary", "cache"),
                new Entry("error", "primary", "virtual"),
                new Entry("zero", "primary", "virtual")));
        List<String> raid = List.of("raid0", "raid0_meta", "raid1", "raid10", "raid10_near", "raid4", "raid5", "raid5_n", "raid5_la", "raid5_ls", "raid5_ra", "raid5_rs", "raid6", "raid6_n_6", "raid6_nc", "raid6_nr", "raid6_zr", "raid6_ls_6", "raid6_rs_6", "raid6_la_6", "raid6_ra_6", "integrity");
        raid.forEach(t -> expected.add(new Entry(t, "primary", "raid")));
        List<String> order = new java.util.ArrayList<>(List.of("striped", "linear", "mirror", "snapshot", "thin-pool",
                "thin", "cache-pool", "cache", "writecache", "error", "zero"));
        order.addAll(raid);
        assertEquals(expected, sortedLike(entries(rows), order.toArray(String[]::new)));
        rows.forEach(SegtypesCommandTest::assertBuiltIn);
    }

    @Test
    void tableHeaderIsPaddedToTheWidestCells() {
        CliRun r = CliRun.of("segtypes");
        assertEquals("TYPE         ROLE     PLUGIN    VERSION  SPI  ORIGIN    LOCATION", r.outLines().get(0),
                "raid6_ls_6 is the widest type name");
    }

    @Test
    void jsonHasTheSameEntriesInTheSameOrder() throws Exception {
        CliRun r = CliRun.of("segtypes", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("{\n  \"segtypes\": [\n    {\n      \"name\": "), r.out());
        assertTrue(r.out().endsWith("}\n"), r.out());

        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("segtypes"), fieldNames(root));
        List<SegtypeRow> rows = new ArrayList<>();
        for (JsonNode n : root.get("segtypes")) {
            assertEquals(List.of("name", "role", "plugin", "version", "spi", "origin", "location"), fieldNames(n));
            rows.add(new SegtypeRow(n.get("name").asText(), n.get("role").asText(), n.get("plugin").asText(),
                    n.get("version").asText(), n.get("spi").asText(), n.get("origin").asText(),
                    n.get("location").asText()));
        }
        rows.forEach(SegtypesCommandTest::assertBuiltIn);
        assertEquals(parseTable(CliRun.of("segtypes").outLines()), rows);
    }

    @Test
    void loadingOnlyLinearBringsItsStripedFallback() {
        CliRun r = CliRun.of("segtypes", "-D", "lvstack.segtypes.load=linear");
        assertEquals(0, r.exitCode(), r.err());
        List<SegtypeRow> rows = parseTable(r.outLines());
        assertEquals(List.of(
                new Entry("linear", "primary", "linear"),
                new Entry("striped", "fallback", "linear")), entries(rows));
        for (SegtypeRow row : rows) {
            assertPluginLocation("linear", row.location());
        }
    }

    @Test
    void optionsMayPrecedeTheSubcommand() {
        CliRun r = CliRun.of("-D", "lvstack.segtypes.load=mirror", "segtypes");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(new Entry("mirror", "primary", "mirror")), entries(parseTable(r.outLines())));
    }

    @Test
    void subcommandOptionsWinOverTopLevelOnes() {
        CliRun r = CliRun.of("-D", "lvstack.segtypes.load=nosuch", "segtypes", "-D", "lvstack.segtypes.load=mirror");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(new Entry("mirror", "primary", "mirror")), entries(parseTable(r.outLines())));
    }

    @Test
    void configFileIsReadAndDefinitionsWinOverIt(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("lvstack.properties"), "lvstack.segtypes.load = mirror\n");

        CliRun fromFile = CliRun.of("segtypes", "--config", conf.toString());
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertEquals(List.of(new Entry("mirror", "primary", "mirror")), entries(parseTable(fromFile.outLines())));

        CliRun overridden = CliRun.of("segtypes", "--config", conf.toString(), "-D", "lvstack.segtypes.load=striped");
        assertEquals(0, overridden.exitCode(), overridden.err());
        assertEquals(List.of(new Entry("striped", "primary", "striped")), entries(parseTable(overridden.outLines())));
    }

    /** Cuts each line at the header's column starts, which also checks the alignment. */
    private static List<SegtypeRow> parseTable(List<String> lines) {
        String header = lines.get(0);
        List<String> names = List.of("TYPE", "ROLE", "PLUGIN", "VERSION", "SPI", "ORIGIN", "LOCATION");
        int[] start = names.stream().mapToInt(header::indexOf).toArray();
        assertEquals(0, start[0], header);
        List<SegtypeRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cell = new String[names.size()];
            for (int i = 0; i < cell.length; i++) {
                int end = i + 1 < cell.length ? start[i + 1] : line.length();
                cell[i] = line.substring(start[i], end);
                if (i + 1 < cell.length) {
                    assertTrue(cell[i].endsWith("  "), "column " + names.get(i) + " misaligned in: " + line);
                }
                cell[i] = cell[i].strip();
            }
            rows.add(new SegtypeRow(cell[0], cell[1], cell[2], cell[3], cell[4], cell[5], cell[6]));
        }
        return rows;
    }

    private static List<Entry> entries(List<SegtypeRow> rows) {
        return rows.stream().map(r -> new Entry(r.name(), r.role(), r.plugin())).toList();
    }

    /** Plugins come in class-path order; compare against a fixed order instead. */
    private static List<Entry> sortedLike(List<Entry> entries, String... names) {
        List<String> order = List.of(names);
        return entries.stream().sorted((a, b) -> Integer.compare(order.indexOf(a.name()), order.indexOf(b.name())))
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertBuiltIn(SegtypeRow row) {
        assertEquals(VERSION, row.version(), row.toString());
        assertEquals("2.1", row.spi(), row.toString());
        assertEquals("built in", row.origin(), row.toString());
        assertPluginLocation(row.plugin(), row.location());
    }

    /** The plugin's jar (from the local repository or a reactor build) or its classes directory. */
    private static void assertPluginLocation(String plugin, String location) {
        Path p = Path.of(location);
        boolean jar = p.getFileName().toString().equals("lvstack-segtype-" + plugin + "-" + VERSION + ".jar");
        boolean classes = p.endsWith(Path.of("segtype-" + plugin, "target", "classes"));
        assertTrue(jar || classes, "plugin " + plugin + " loaded from " + location);
    }
}
