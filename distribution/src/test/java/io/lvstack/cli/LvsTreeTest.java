package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.Area;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code lvs --tree}: exact trees for two stacks, the shape of the tree for every corpus file, and usage. */
class LvsTreeTest {
    private static final Path CORPUS = FmtCommandTest.CORPUS;
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());

    private static String corpus(String name) {
        return CORPUS.resolve(name).toString();
    }

    @Test
    void mirrorWithAMirroredLog() {
        CliRun r = CliRun.of("lvs", "--tree", corpus("mirror_mirroredlog.vg"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                NAME                   TYPE      SIZE  RANGE
                m                      mirror  16.00m
                ├─[m_mimage_0]         linear  16.00m  LE 0-3
                │ └─pv0 /dev/loop4     pv      16.00m  PE 0-3
                ├─[m_mimage_1]         linear  16.00m  LE 0-3
                │ └─pv1 /dev/loop5     pv      16.00m  PE 0-3
                └─[m_mlog] (log)       mirror   4.00m
                  ├─[m_mlog_mimage_0]  linear   4.00m  LE 0-0
                  │ └─pv2 /dev/loop6   pv       4.00m  PE 0-0
                  └─[m_mlog_mimage_1]  linear   4.00m  LE 0-0
                    └─pv3 /dev/loop7   pv       4.00m  PE 0-0
                """, r.out());
    }

    /**
     * COW snapshots as LVM2 with device-mapper made them: each hidden {@code snapshotN} holds its
     * origin and its COW store (the LV {@code lvs} shows as the snapshot), which was extended.
     */
    @Test
    void cowSnapshotsWithTheirOriginAndStore() {
        CliRun r = CliRun.of("lvs", "--tree", VmStepParityTest.VM.resolve("snap.vg").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                NAME                 TYPE        SIZE  RANGE
                other                linear    16.00m
                └─pv0 /dev/vdb       pv        16.00m  PE 11-14
                [snapshot0]          snapshot  24.00m
                ├─origin (origin)    linear    24.00m
                │ └─pv0 /dev/vdb     pv        24.00m  PE 0-5
                └─snap1 (cow_store)  linear    12.00m
                  ├─segment1         linear     8.00m  LE 0-1
                  │ └─pv0 /dev/vdb   pv         8.00m  PE 6-7
                  └─segment2         linear     4.00m  LE 2-2
                    └─pv0 /dev/vdb   pv         4.00m  PE 16-16
                [snapshot1]          snapshot  24.00m
                ├─origin (origin)    linear    24.00m
                │ └─pv0 /dev/vdb     pv        24.00m  PE 0-5
                └─snap2 (cow_store)  linear    12.00m
                  └─pv0 /dev/vdb     pv        12.00m  PE 8-10
                """, r.out());
    }

    /** The pvmove LV sits under both LVs it moves, each using its own LEs; its two segments are lines. */
    @Test
    void pvmoveUnderEachUser() {
        CliRun r = CliRun.of("lvs", "--tree", corpus("pvmove.vg"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                NAME                  TYPE      SIZE  RANGE
                a                     linear  12.00m
                └─[pvmove0]           mirror  20.00m  LE 0-2
                  ├─segment1          mirror  12.00m  LE 0-2
                  │ ├─pv0 /dev/loop4  pv      12.00m  PE 0-2
                  │ └─pv3 /dev/loop7  pv      12.00m  PE 0-2
                  └─segment2          mirror   8.00m  LE 3-4
                    ├─pv0 /dev/loop4  pv       8.00m  PE 3-4
                    └─pv3 /dev/loop7  pv       8.00m  PE 3-4
                b                     linear   8.00m
                └─[pvmove0]           mirror  20.00m  LE 3-4
                  ├─segment1          mirror  12.00m  LE 0-2
                  │ ├─pv0 /dev/loop4  pv      12.00m  PE 0-2
                  │ └─pv3 /dev/loop7  pv      12.00m  PE 0-2
                  └─segment2          mirror   8.00m  LE 3-4
                    ├─pv0 /dev/loop4  pv       8.00m  PE 3-4
                    └─pv3 /dev/loop7  pv       8.00m  PE 3-4
                c                     linear   8.00m
                └─pv1 /dev/loop5      pv       8.00m  PE 0-1
                """, r.out());
    }

    @Test
    void unitsSuffixHeadingsAndChosenRoots() {
        CliRun r = CliRun.of("lvs", "--tree", "--units", "s", "--nosuffix", "--noheadings", corpus("mirror_disklog.vg"),
                "vgm1/m_mlog", "other");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                [m_mlog]          linear   8192
                └─pv2 /dev/loop6  pv       8192  PE 0-0
                other             linear  32768
                └─pv0 /dev/loop4  pv      32768  PE 6-9
                """, r.out());

        CliRun missing = CliRun.of("lvs", "--tree", corpus("mirror_disklog.vg"), "nosuch", "other");
        assertEquals(5, missing.exitCode());
        assertEquals(List.of("lvstack: Failed to find logical volume \"vgm1/nosuch\""), missing.errLines());
        assertTrue(missing.out().startsWith("NAME              TYPE      SIZE  RANGE\nother "), missing.out());
    }

    @Test
    void reportLayoutOptionsAreUsageErrors() {
        for (List<String> extra : List.of(List.of("-o", "lv_name"), List.of("--options", "lv_name"), List.of("-O", "lv_name"),
                List.of("--reportformat", "json"), List.of("--reportformat", "basic"), List.of("--separator", ","),
                List.of("--aligned"))) {
            String[] args = Stream.concat(Stream.of("lvs", "--tree"), Stream.concat(extra.stream(),
                    Stream.of(corpus("linear.vg")))).toArray(String[]::new);
            CliRun r = CliRun.of(args);
            assertEquals(3, r.exitCode(), extra.toString());
            assertEquals("", r.out());
            String option = extra.get(0).equals("--options") ? "-o" : extra.get(0);
            assertTrue(r.err().startsWith("lvstack: --tree cannot be combined with " + option
                    + ": a tree has fixed columns\nUsage: lvstack lvs "), r.err());
        }
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".vg")).sorted().toList().stream();
        }
    }

    /**
     * For every corpus file: each LV appears once per way down to it from a top LV (counted from
     * the upward links, not by walking), each segment of a multi-segment LV and each PV area
     * under each appearance, the tree drawing is consistent, and the columns line up.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void treeShapeForEveryCorpusFile(String file) {
        CliRun r = CliRun.of("lvs", "--tree", corpus(file));
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        String heading = lines.get(0);
        assertTrue(heading.matches("NAME +TYPE +SIZE  RANGE"), heading);
        int type = heading.indexOf("TYPE");
        int sizeEnd = heading.indexOf("SIZE") + 4;

        VolumeGroup vg = FORMAT.read(CORPUS.resolve(file)).vg();
        Map<LogicalVolume, Long> ways = new HashMap<>();
        long expectedLines = 1;
        for (LogicalVolume lv : vg.lvs()) {
            long n = ways(lv, ways);
            long perAppearance = 1 + (lv.segments().size() > 1 ? lv.segments().size() : 0);
            for (Segment s : lv.segments()) {
                perAppearance += s.areas().stream().filter(a -> a instanceof Area.OnPv).count();
            }
            expectedLines += n * perAppearance;
            String title = lv.visible() ? lv.name() : "[" + lv.name() + "]";
            long shown = lines.stream().skip(1).filter(l -> name(l).replaceFirst(" \\(\\w+\\)$", "").equals(title)).count();
            assertEquals(n, shown, file + ": lines for " + title);
        }
        assertEquals(expectedLines, lines.size(), file);

        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            assertTrue(l.charAt(type - 1) == ' ' && l.charAt(type - 2) == ' ' && l.charAt(type) != ' ', file + ": " + l);
            assertTrue(l.length() >= sizeEnd && l.charAt(sizeEnd - 1) != ' '
                    && (l.length() == sizeEnd || l.charAt(sizeEnd) == ' '), file + ": " + l);
            int d = depth(l);
            if (i > 1) {
                assertTrue(d <= depth(lines.get(i - 1)) + 1, file + ": " + l);
            } else {
                assertEquals(0, d, l);
            }
            if (d == 0) {
                continue;
            }
            String connector = l.substring(2 * (d - 1), 2 * d);
            int j = i + 1;
            for (; j < lines.size() && depth(lines.get(j)) > d; j++) {
                assertEquals(connector.equals("├─") ? "│ " : "  ", lines.get(j).substring(2 * (d - 1), 2 * d),
                        file + ": below " + l);
            }
            if (connector.equals("├─")) {
                assertTrue(j < lines.size() && depth(lines.get(j)) == d, file + ": a sibling after " + l);
            } else {
                assertEquals("└─", connector, l);
                assertTrue(j == lines.size() || depth(lines.get(j)) < d, file + ": nothing after the last " + l);
            }
        }
    }

    /** How many ways lead down to {@code lv} from LVs no segment uses: the times the tree shows it. */
    private static long ways(LogicalVolume lv, Map<LogicalVolume, Long> memo) {
        Long known = memo.get(lv);
        if (known != null) {
            return known;
        }
        long n = lv.userCount() == 0 ? 1 : 0;
        for (Map.Entry<Segment, Integer> user : lv.userCounts().entrySet()) {
            n += ways(user.getKey().lv(), memo) * user.getValue();
        }
        memo.put(lv, n);
        return n;
    }

    /** Tree units before the name: two characters each. */
    private static int depth(String line) {
        int d = 0;
        while (line.length() >= 2 * d + 2 && List.of("├─", "└─", "│ ", "  ").contains(line.substring(2 * d, 2 * d + 2))) {
            d++;
        }
        return d;
    }

    /** The NAME cell without its tree prefix. */
    private static String name(String line) {
        String rest = line.substring(2 * depth(line));
        int gap = rest.indexOf("  ");
        return gap < 0 ? rest : rest.substring(0, gap);
    }
}
