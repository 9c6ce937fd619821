package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvm2Acceptance;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes in VGs whose types the tool lacks cannot damage them. With only linear and striped loaded
 * (the minimal distribution), {@code lvremove} and {@code lvrename} of every visible LV of every
 * file LVM2 wrote with device-mapper (thin, raid, cache, snapshots, mirrors: {@code
 * ../shared/corpus/lvm2-vm}, steps included) either refuse with status 5 and one line, leaving
 * the file untouched, or write metadata with no orphaned sub-LV that lvstack checks clean with and
 * without its plugins; under {@code -Plvm2} real LVM2 must accept every such result. The counts
 * go to {@code target/safe-writes-lvm2.txt}.
 */
class SafeWritesLvm2Test {
    private static final Path VM = Path.of("../../shared/corpus/lvm2-vm").toAbsolutePath();
    private static final String MINIMAL = "linear,striped";
    /** LVM2's component strings (lib/misc/lvm-string.c), read here independently of the checker's table. */
    private static final Pattern COMPONENT = Pattern.compile(
            "_(cdata|cmeta|corig|cpool|cvol|wcorig|mimage|mlog|rimage|rmeta|tdata|tmeta|vdata|imeta|iorig|vorigin)");
    private static final Pattern LV_SECTION = Pattern.compile("(?m)^\\t\\t(\\S+) \\{\\n\\t\\t\\tid = [^\\n]*\\n"
            + "\\t\\t\\tstatus = \\[([^\\]]*)\\]");

    @TempDir
    Path tmp;

    private int runs;

    @Test
    void removingOrRenamingAnyLvEitherRefusesOrWritesWhatLvm2Accepts() throws IOException {
        assumeTrue(Files.isDirectory(VM), "the shared corpus is beside the clone in CI and on developer machines");
        MetadataFormat minimal = new MetadataFormat(Lvstack.builder().set("lvstack.segtypes.load", MINIMAL).build());
        List<Checker> checkers = List.of(new Checker(minimal), new Checker(new MetadataFormat(Lvstack.engine())));
        List<Path> files = Corpus.vgFiles(VM);
        int lvs = 0;
        int refused = 0;
        int written = 0;
        int accepted = 0;
        List<String> rejected = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (Path f : files) {
            VolumeGroup vg = minimal.read(f).vg();
            for (LogicalVolume lv : vg.lvs()) {
                if (!lv.has(LvStatus.VISIBLE)) {
                    continue;
                }
                lvs++;
                String full = vg.name() + "/" + lv.name();
                for (List<String> op : List.of(List.of("lvremove", "-f", full),
                        List.of("lvrename", full, freshName(vg)))) {
                    Path copy = copy(f);
                    byte[] before = Files.readAllBytes(copy);
                    List<String> args = new ArrayList<>(List.of("-D", "lvstack.segtypes.load=" + MINIMAL));
                    args.addAll(op);
                    args.addAll(List.of("--file", copy.toString()));
                    CliRun r = CliRun.of(args.toArray(String[]::new));
                    String what = f.getFileName() + " " + String.join(" ", op);
                    if (r.exitCode() != 0) {
                        assertEquals(5, r.exitCode(), what + ": " + r.err());
                        assertEquals(1, r.errLines().size(), what + ": " + r.err());
                        assertArrayEquals(before, Files.readAllBytes(copy), what + ": refused, but the file changed");
                        assertFalse(Files.exists(copy.resolveSibling(copy.getFileName() + ".archive")), what);
                        refused++;
                        continue;
                    }
                    written++;
                    String text = Files.readString(copy);
                    for (Checker checker : checkers) {
                        List<Problem> errors = checker.check(copy).errors();
                        assertEquals(List.of(), errors, what);
                    }
                    orphans.addAll(orphansIn(text).stream().map(o -> what + ": " + o).toList());
                    String verdict = Lvm2Acceptance.verdict("safe-writes/" + f.getFileName() + "-" + op.get(0) + "-"
                            + lv.name(), text);
                    if (verdict != null) {
                        if (verdict.startsWith("exit=0\n")) {
                            accepted++;
                        } else {
                            rejected.add(what + ": " + verdict);
                        }
                    }
                }
            }
        }
        String counts = String.format("files %d, visible LVs %d, operations %d (lvremove and lvrename each), refused %d,"
                + " written %d, accepted by LVM2 %s, rejected by LVM2 %s, orphaned sub-LVs %d%n", files.size(), lvs,
                2 * lvs, refused, written, Lvm2Acceptance.enabled() ? accepted : "(not asked: -Plvm2)",
                Lvm2Acceptance.enabled() ? rejected.size() : "(not asked)", orphans.size());
        Files.writeString(Path.of("target/safe-writes-lvm2.txt"), counts);
        System.out.print("SafeWritesLvm2Test: " + counts);
        assertEquals(List.of(), rejected);
        assertEquals(List.of(), orphans);
        assertEquals(2 * lvs, refused + written);
        assertTrue(refused > 0 && written > 0, counts);
        if (Lvm2Acceptance.enabled()) {
            assertEquals(written, accepted);
        }
    }

    /** A fresh copy in a directory of its own, so an archive a write leaves is its alone. */
    private Path copy(Path f) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("run" + runs++));
        return Files.copy(f, dir.resolve(f.getFileName()));
    }

    private static String freshName(VolumeGroup vg) {
        String name = "renamed";
        for (int i = 1; vg.lv(name) != null; i++) {
            name = "renamed" + i;
        }
        return name;
    }

    /**
     * Hidden LVs named as components that no segment names: an LV is referenced in LVM2's text
     * only as a quoted string (an area, a log, a pool's data), and its own section key is bare.
     */
    static List<String> orphansIn(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LV_SECTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            boolean hidden = !m.group(2).contains("\"VISIBLE\"");
            if (hidden && COMPONENT.matcher(name).find() && !text.contains("\"" + name + "\"")) {
                out.add(name);
            }
        }
        return out;
    }

    @Test
    void theTextCheckFindsAnOrphan() {
        String used = "\t\tm {\n\t\t\tid = \"x\"\n\t\t\tstatus = [\"READ\", \"VISIBLE\"]\n\t\t\tmirror_log = \"m_mlog\"\n"
                + "\t\tm_mlog {\n\t\t\tid = \"y\"\n\t\t\tstatus = [\"READ\"]\n";
        assertEquals(List.of(), orphansIn(used));
        assertEquals(List.of("m_mlog"), orphansIn(used.replace("mirror_log = \"m_mlog\"", "")));
    }
}
