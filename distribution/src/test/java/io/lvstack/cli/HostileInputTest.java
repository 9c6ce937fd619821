package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted and broken inputs through the real command line: {@code check}, {@code fmt},
 * {@code lvs -a} and {@code lvcreate --output}. A refused input gives exactly one line naming
 * the file (and line where there is one) and exit status 1; nothing prints a stack trace,
 * creates the output or touches the input.
 */
class HostileInputTest {
    private static final Path CORPUS = FmtCommandTest.CORPUS;
    private static final Path BAD = CORPUS.resolve("bad");
    /** The smallest accepted file of the corpus (1,521 bytes, VG vg5 with four empty PVs). */
    private static final Path SMALL = CORPUS.resolve("attrs.step1.vg");
    /** An exception or error class name (IOException, OutOfMemoryError), as a stack trace or internal error shows. */
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z](Exception|Error)\\b");
    private static final String CREATED = "  Logical volume \"x\" created.";
    /** Closes the LV, logical_volumes and the VG of {@link #lvHead}. */
    private static final String LV_TAIL = "\t\t}\n\t}\n}\n";

    @TempDir
    Path dir;

    // ---- the corpus's refused inputs ----

    /** What each {@code bad/} kind gives today: check's lines, and the read commands' error (null: they read it). */
    private record Verdict(List<String> checkLines, String readError) {
    }

    private static Map<String, Verdict> badVerdicts() {
        Map<String, Verdict> v = new TreeMap<>();
        String b = BAD + "/";
        v.put("arealen", new Verdict(List.of(
                "error: vgx/good2 segment 1 area 0: PV /dev/loop5 extents 0-0 are already used by LV vgx/good "
                        + "segment 1 (LE 0-4) area 1",
                "error: vgx/good segment 1: LV good: segment 1 with len=5  has inconsistent area_len 1",
                "error: vgx/good segment 1: LV vgx/good, segment 1 invalid: stripe count 3 does not divide the "
                        + "length 5 for striped segment."),
                b + "arealen.vg:83: vgx/good2 segment 1 area 0: PV /dev/loop5 extents 0-0 are already used by LV "
                        + "vgx/good segment 1 (LE 0-4) area 1"));
        v.put("badstatus", new Verdict(List.of("error: " + b + "badstatus.vg:57: Unknown status flag 'TELEPORT'."),
                b + "badstatus.vg:57: Unknown status flag 'TELEPORT'."));
        v.put("beyond", new Verdict(List.of("error: vgx/good segment 1 area 0: extents 100000-100003 lie outside PV "
                + "/dev/loop4 (31 extents)"), b + "beyond.vg:67: vgx/good segment 1 area 0: extents 100000-100003 lie "
                + "outside PV /dev/loop4 (31 extents)"));
        v.put("cycle", new Verdict(List.of("error: vgx/good2 segment 1 area 0: refusing the reference -> LV good: it "
                + "would make a cycle good2 -> good -> good2"), b + "cycle.vg:82: vgx/good2 segment 1 area 0: refusing "
                + "the reference -> LV good: it would make a cycle good2 -> good -> good2"));
        v.put("dangling", new Verdict(List.of("error: vgx/good segment 1 area 0: Couldn't find volume 'nosuch' for "
                + "segment 'segment1'."), b + "dangling.vg:67: vgx/good segment 1 area 0: Couldn't find volume "
                + "'nosuch' for segment 'segment1'."));
        v.put("deepnest", new Verdict(List.of("error: " + b + "deepnest.vg:12:384: sections nest deeper than 128 "
                + "levels"), b + "deepnest.vg:12:384: sections nest deeper than 128 levels"));
        // dupid, gap, imagesize, regionsize: well-formed text; only the checker refuses it.
        v.put("dupid", new Verdict(List.of("error: vgx/good2: Duplicate LV id 8eR2Wy-2N8E-OHUY-Yl2c-lW2Z-5fai-RvMKpT "
                + "detected for good2 in vgx (also LV good)."), null));
        v.put("gap", new Verdict(List.of("error: vgx/good2 segment 1: LV good2 invalid: segment 1 should begin at LE 0 "
                + "(found 1)."), null));
        v.put("hugeint", new Verdict(List.of("error: " + b + "hugeint.vg:64:20: integer 999999999999999999994 is out "
                + "of range (64-bit)"), b + "hugeint.vg:64:20: integer 999999999999999999994 is out of range (64-bit)"));
        v.put("imagesize", new Verdict(List.of(
                "error: vgx/m segment 1: LV m: mirrored LV segment 0 has wrong size 4 (should be 2).",
                "error: vgx/m segment 1: LV m: mirrored LV segment 1 has wrong size 4 (should be 2)."), null));
        v.put("nolog", new Verdict(List.of("error: vgx/m segment 1 log: Unrecognised mirror log in segment segment1 of "
                + "logical volume m."), b + "nolog.vg:60: vgx/m segment 1 log: Unrecognised mirror log in segment "
                + "segment1 of logical volume m."));
        v.put("overlap", new Verdict(List.of("error: vgx/good2 segment 1 area 0: PV /dev/loop4 extents 2-3 are already "
                + "used by LV vgx/good segment 1 (LE 0-3) area 0"), b + "overlap.vg:82: vgx/good2 segment 1 area 0: PV "
                + "/dev/loop4 extents 2-3 are already used by LV vgx/good segment 1 (LE 0-3) area 0"));
        v.put("regionsize", new Verdict(List.of("error: vgx/m segment 1: LV vgx/m, segment 1 invalid: region size is "
                + "bigger then LV itself for mirror segment."), null));
        v.put("self", new Verdict(List.of("error: vgx/good segment 1 area 0: refusing the reference -> LV good: it would "
                + "make a cycle good -> good"), b + "self.vg:67: vgx/good segment 1 area 0: refusing the reference -> "
                + "LV good: it would make a cycle good -> good"));
        v.put("syntax", new Verdict(List.of("error: " + b + "syntax.vg:10:2: unexpected 'status' (expected '=' or '{' "
                + "after key 'lvm2\"'); the string opened at line 7 runs to line 9: is its closing quote missing?"),
                b + "syntax.vg:10:2: unexpected 'status' (expected '=' or '{' after key 'lvm2\"'); the string opened "
                        + "at line 7 runs to line 9: is its closing quote missing?"));
        // LVM2 accepts it with a warning, and so does lvstack (see the test below).
        v.put("unknowntype", new Verdict(List.of("warning: vgx: line 65: WARNING: Unrecognised segment type frobnicate"),
                null));
        return v;
    }

    @TestFactory
    Stream<DynamicTest> everyRefusedCorpusKind() {
        Map<String, Verdict> verdicts = badVerdicts();
        List<String> kinds = vgFiles(BAD).stream().map(p -> p.getFileName().toString().replace(".vg", "")).toList();
        assertEquals(List.copyOf(verdicts.keySet()), kinds, "a new bad/ kind needs its verdict here");
        return kinds.stream().filter(k -> !k.equals("unknowntype")).map(kind -> dynamicTest(kind, () -> {
            Path file = BAD.resolve(kind + ".vg");
            Verdict v = verdicts.get(kind);
            CliRun check = clean(CliRun.of("check", file.toString()));
            assertEquals(5, check.exitCode());
            assertEquals(v.checkLines(), check.outLines());
            assertEquals("", check.err());
            if (v.readError() != null) {
                assertReadersRefuse(file, "vgx", v.readError(), new String[0]);
            } else {
                // read and reported, but not changed: LVM2 refuses to change a VG that fails its checks
                assertReadersRead(file);
                List<String> errors = check.outLines();
                assertTrue(errors.stream().allMatch(l -> l.startsWith("error: ")), errors.toString());
                int n = errors.size();
                String counted = " metadata with " + n + (n == 1 ? " error" : " errors") + " (lvstack check " + file
                        + " lists " + (n == 1 ? "it" : "them") + "); the first: " + errors.get(0).substring("error: ".length());
                assertLvcreateRefuses(file, "vgx", file + ": refusing to change" + counted, new String[0]);
                // nor activated: LVM2 loads no table for a VG that fails its checks
                CliRun table = clean(CliRun.of("table", file.toString()));
                assertEquals(5, table.exitCode());
                assertEquals("", table.out());
                assertEquals(List.of("lvstack: " + file + ": refusing to build device-mapper tables for" + counted),
                        table.errLines());
            }
        }));
    }

    @Test
    void anUnknownSegmentTypeIsReadWithAWarningButNotAllocatedIn() throws IOException {
        Path file = BAD.resolve("unknowntype.vg");
        CliRun check = clean(CliRun.of("check", file.toString()));
        assertEquals(0, check.exitCode());
        assertEquals(badVerdicts().get("unknowntype").checkLines(), check.outLines());
        String warning = "lvstack: " + file + ": line 65: WARNING: Unrecognised segment type frobnicate";
        for (String cmd : List.of("fmt", "lvs")) {
            CliRun r = clean(CliRun.of(cmd, file.toString()));
            assertEquals(0, r.exitCode(), cmd);
            assertEquals(List.of(warning), r.errLines(), cmd);
        }
        assertLvcreateRefuses(5, file, "vgx", "refusing to allocate extents in VG vgx: it holds segments of type "
                + "frobnicate, which no loaded plugin knows, so the extents they use would look free; drop a plugin "
                + "for frobnicate into plugins/ to change this VG", new String[0]);
    }

    // ---- truncations ----

    /**
     * The smallest accepted file cut at every byte. Only the cut that drops the final newline
     * leaves complete metadata; every other cut is refused by all four commands with one line
     * naming the file, the same line for each.
     */
    @TestFactory
    Stream<DynamicTest> truncationsAtEveryByte() throws IOException {
        byte[] whole = Files.readAllBytes(SMALL);
        assertEquals(1521, whole.length);
        int lastBrace = new String(whole, StandardCharsets.US_ASCII).lastIndexOf('}');
        assertEquals(whole.length - 2, lastBrace, "the file ends with '}' and a newline");
        return IntStream.range(0, whole.length).mapToObj(n -> dynamicTest(n + " bytes", () -> {
            Path file = dir.resolve("cut" + n + ".vg");
            Files.write(file, Arrays.copyOf(whole, n));
            CliRun check = clean(CliRun.of("check", file.toString()));
            if (n > lastBrace) {
                assertEquals(0, check.exitCode(), check.out());
                assertEquals("", check.out() + check.err());
                assertReadersAccept(file, "vg5");
                return;
            }
            assertEquals(5, check.exitCode());
            assertEquals(1, check.outLines().size(), check.out());
            String line = check.outLines().get(0);
            assertTrue(line.startsWith("error: " + file + ":"), line);
            assertReadersRefuse(file, "vg5", line.substring("error: ".length()), new String[0]);
        }));
    }

    @Test
    void truncationMessagesSayWhatWasExpected() throws IOException {
        byte[] whole = Files.readAllBytes(SMALL);
        Path empty = write("empty.vg", new byte[0]);
        assertRefusedEverywhere(empty, "vg5", empty + ": Can't process text format file - missing contents field "
                + "\"Text Format Volume Group\".");
        Path header = write("header.vg", Arrays.copyOf(whole, 95));
        assertRefusedEverywhere(header, "vg5", header + ":3:12: unterminated string (no closing '\"' before the end of "
                + "input)");
        Path inPv = write("inpv.vg", Arrays.copyOf(whole, 700));
        assertRefusedEverywhere(inPv, "vg5", inPv + ":29:14: unterminated string (no closing '\"' before the end of "
                + "input)");
    }

    // ---- sizes ----

    @Test
    void anArrayOfAMillionElementsIsRead() throws IOException {
        StringBuilder tags = new StringBuilder("tags = [");
        for (int i = 0; i < 1_000_000; i++) {
            tags.append(i == 0 ? "" : ", ").append("\"t").append(i).append('"');
        }
        Path file = write("bigarray.vg", Files.readString(SMALL).replace("tags = [\"site_a\"]", tags + "]")
                .getBytes(StandardCharsets.UTF_8));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CliRun check = clean(CliRun.of("check", file.toString()));
            assertEquals(0, check.exitCode(), check.out());
            assertEquals("", check.out() + check.err());
            CliRun fmt = clean(CliRun.of("fmt", file.toString()));
            assertEquals(0, fmt.exitCode(), fmt.err());
            assertTrue(fmt.out().contains(tags + "]\n"), "the million tags are written back");
            CliRun vgs = clean(CliRun.of("vgs", "--noheadings", "-o", "vg_name", file.toString()));
            assertEquals(List.of("  vg5"), vgs.outLines());
        });
    }

    @Test
    void aMillionElementAreasArrayIsRefused() throws IOException {
        StringBuilder stripes = new StringBuilder("stripes = [");
        for (int i = 0; i < 500_000; i++) {
            stripes.append(i == 0 ? "" : ", ").append("\"pv0\", ").append(i);
        }
        Path file = write("bigstripes.vg", withLv("big", 1, "\t\t\tsegment1 {\n\t\t\t\tstart_extent = 0\n"
                + "\t\t\t\textent_count = 1\n\t\t\t\ttype = \"striped\"\n\t\t\t\tstripe_count = 1\n\t\t\t\t"
                + stripes + "]\n\t\t\t}\n"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefusedEverywhere(file, "vg5",
                file + ":85: Incorrect number of areas in area array for segment segment1 of logical volume big: 500000 "
                + "for 1."));
    }

    /**
     * An LV of 10^6 segments. Its text cannot fit in the default 64 MiB, so the size limit refuses
     * it before reading a byte; with the limit raised it is read, checked and reported, in bounded
     * time.
     */
    @Test
    void aMillionSegmentsInOneLv() throws IOException {
        Path file = millionSegments(dir.resolve("manyseg.vg"));
        long size = Files.size(file);
        assertTrue(size > 64 << 20, "over the default limit: " + size);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRefusedEverywhere(file, "vg5",
                file + ": input is " + size + " bytes, over the limit of 67108864"));
        String raise = "lvstack.input.max_bytes=200000000";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            CliRun check = clean(CliRun.of("check", "-D", raise, file.toString()));
            assertEquals(0, check.exitCode(), check.out());
            assertEquals("", check.out() + check.err());
            CliRun lvs = clean(CliRun.of("lvs", "-D", raise, "--noheadings", "-o", "lv_name,seg_count",
                    file.toString()));
            assertEquals(0, lvs.exitCode(), lvs.err());
            assertEquals(List.of("  big  1000000"), lvs.outLines());
        });
    }

    @Test
    void aOneMegabyteLvNameIsTheCheckersNameLengthError() throws IOException {
        String name = "a".repeat(1 << 20);
        Path file = write("longname.vg", withLv(name, 1, segment(1, 0, 0)));
        CliRun check = clean(CliRun.of("check", file.toString()));
        assertEquals(5, check.exitCode());
        // vg_validate's two messages, as LVM2 gives them for a 200-character name
        assertEquals(List.of("error: vg5/" + name + ": LV name \"vg5/" + name + "\" length " + ((1 << 20) + 6)
                + " is not supported.", "error: vg5/" + name + ": LV name " + name + " has invalid form. Name length"
                + " exceeds maximum limit of 127."), check.outLines());
        assertEquals("", check.err());
        // Reading checks no names (as with the checker-only kinds of bad/); the checker does.
        CliRun lvs = clean(CliRun.of("lvs", "--noheadings", "-o", "lv_size", file.toString()));
        assertEquals(0, lvs.exitCode(), lvs.err());
        assertEquals(List.of("  4.00m"), lvs.outLines());
    }

    // ---- bytes ----

    @Test
    void invalidUtf8InAStringOrAKeyIsNamedWithItsPlace() throws IOException {
        byte[] whole = Files.readAllBytes(SMALL);
        Path inString = write("utf8string.vg", replace(whole, "\"site_a\"", "\"site_\u00ff\u00fe\""));
        assertRefusedEverywhere(inString, "vg5", inString + ":17:16: invalid UTF-8 (byte 0xff) in string "
                + "\"site_\\xff\\xfe\"");
        Path inKey = write("utf8key.vg", replace(whole, "max_lv = 0", "max_\u00ffl = 0"));
        assertRefusedEverywhere(inKey, "vg5", inKey + ":19:6: invalid UTF-8 (byte 0xff) in 'max_\\xffl'");
    }

    /** A NUL ends the text, as it ends the metadata in a PV's metadata area. */
    @Test
    void aNulByteEndsTheText() throws IOException {
        byte[] whole = Files.readAllBytes(SMALL);
        Path inside = write("nul.vg", replace(whole, "max_lv = 0", "max_lv = 0\u0000garbage"));
        assertRefusedEverywhere(inside, "vg5", inside + ":19:12: unexpected end of input (expected '}' to close "
                + "section 'vg5' opened at line 11)");
        byte[] padded = Arrays.copyOf(whole, whole.length + 4096);
        padded[whole.length + 100] = 'x';
        Path after = write("padded.vg", padded);
        CliRun fmt = clean(CliRun.of("fmt", after.toString()));
        assertEquals(0, fmt.exitCode(), fmt.err());
        assertEquals(clean(CliRun.of("fmt", SMALL.toString())).out(), fmt.out(), "what follows the NUL is ignored");
    }

    // ---- paths ----

    @Test
    void aDirectoryIsNotAMetadataFile() throws IOException {
        Path d = Files.createDirectory(dir.resolve("adir.vg"));
        assertRefusedEverywhere(d, "vg5", d + ": is a directory, not a metadata file");
    }

    @Test
    void aMissingFileAndADanglingSymlinkAreNoSuchFile() throws IOException {
        Path missing = dir.resolve("none.vg");
        assertRefusedEverywhere(missing, "vg5", missing + ": no such file");
        Path link = Files.createSymbolicLink(dir.resolve("dangling.vg"), dir.resolve("nowhere.vg"));
        assertRefusedEverywhere(link, "vg5", link + ": no such file");
    }

    /**
     * A file that cannot be read. Tests run as root here, where permission bits do not stop a
     * read, so the unreadable case is a name longer than the file system allows (ENAMETOOLONG).
     */
    @Test
    void aNameTooLongForTheFileSystemCannotBeRead() {
        Path file = dir.resolve("x".repeat(300) + ".vg");
        assertRefusedEverywhere(file, "vg5", file + ": cannot read: File name too long");
    }

    // ---- limits ----

    @Test
    void inputsOverTheConfiguredLimitsAreRefused() {
        assertRefusedEverywhere(SMALL, "vg5", SMALL + ": input is 1521 bytes, over the limit of 1000",
                "-D", "lvstack.input.max_bytes=1000");
        assertRefusedEverywhere(SMALL, "vg5", SMALL + ":25:7: sections nest deeper than 2 levels",
                "-D", "lvstack.input.max_depth=2");
    }

    @Test
    void aLimitThatIsNotAPositiveIntegerIsAUsersError() {
        // The size limit stops short of Integer.MAX_VALUE: readers allocate one byte more than it.
        CliRun huge = clean(CliRun.of("fmt", "-D", "lvstack.input.max_bytes=2147483647", SMALL.toString()));
        assertEquals(5, huge.exitCode());
        assertEquals(List.of("lvstack: configuration key lvstack.input.max_bytes = '2147483647' (from command line): "
                + "expected a whole number from 1 to 2147483638"), huge.errLines());
        for (String value : List.of("x", "0", "-5", "99999999999")) {
            String line = "lvstack: configuration key lvstack.input.max_depth = '" + value + "' (from command line): "
                    + "expected a whole number from 1 to 2147483647";
            for (String cmd : List.of("check", "fmt", "lvs")) {
                CliRun r = clean(CliRun.of(cmd, "-D", "lvstack.input.max_depth=" + value, SMALL.toString()));
                assertEquals(5, r.exitCode(), cmd + " " + value);
                assertEquals("", r.out(), cmd);
                assertEquals(List.of(line), r.errLines(), cmd + " " + value);
            }
        }
    }

    // ---- assertions ----

    /** Every command refuses {@code file} with {@code message}: check on standard output, the others on standard error. */
    private void assertRefusedEverywhere(Path file, String vg, String message, String... options) {
        CliRun check = clean(CliRun.of(args("check", options, file.toString())));
        assertEquals(5, check.exitCode(), check.out() + check.err());
        assertEquals(List.of("error: " + message), check.outLines());
        assertEquals("", check.err());
        assertReadersRefuse(file, vg, message, options);
    }

    /** fmt, lvs -a, lvs --tree, table, graph and lvcreate refuse {@code file} with {@code message}, one line, exit 1. */
    private void assertReadersRefuse(Path file, String vg, String message, String[] options) {
        for (String[] cmd : List.of(new String[] {"fmt"}, new String[] {"lvs", "-a"}, new String[] {"lvs", "--tree"},
                new String[] {"table"}, new String[] {"graph"})) {
            CliRun r = clean(CliRun.of(args(cmd[0], concat(options, Arrays.copyOfRange(cmd, 1, cmd.length)),
                    file.toString())));
            assertEquals(5, r.exitCode(), cmd[0] + ": " + r.err());
            assertEquals("", r.out(), cmd[0]);
            assertEquals(List.of("lvstack: " + message), r.errLines(), cmd[0]);
        }
        assertLvcreateRefuses(file, vg, message, options);
    }

    /** lvcreate refuses with one line; the output is not created, the input and its directory are as they were. */
    private void assertLvcreateRefuses(Path file, String vg, String message, String[] options) {
        assertLvcreateRefuses(5, file, vg, message, options);
    }

    /** {@code status} 1: the file cannot be changed (unreadable or invalid); 5: the change is refused. */
    private void assertLvcreateRefuses(int status, Path file, String vg, String message, String[] options) {
        byte[] before = bytesIfFile(file);
        List<Path> siblingsBefore = listing(file.getParent());
        Path out = dir.resolve("out-" + System.nanoTime() + ".vg");
        CliRun r = clean(CliRun.of(args("lvcreate", options, "-L", "4m", "-n", "x", vg, "--file", file.toString(),
                "--output", out.toString())));
        assertEquals(status, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(List.of("lvstack: " + message), r.errLines());
        assertFalse(Files.exists(out, LinkOption.NOFOLLOW_LINKS), "no output");
        assertArrayEquals(before, bytesIfFile(file), "input unchanged");
        assertEquals(siblingsBefore, listing(file.getParent()), "no archive, no temporary file");
    }

    /** fmt and lvs -a read {@code file}. */
    private void assertReadersRead(Path file) {
        for (String[] cmd : List.of(new String[] {"fmt"}, new String[] {"lvs", "-a"}, new String[] {"lvs", "--tree"},
                new String[] {"graph"})) {
            CliRun r = clean(CliRun.of(args(cmd[0], Arrays.copyOfRange(cmd, 1, cmd.length), file.toString())));
            assertEquals(0, r.exitCode(), cmd[0] + ": " + r.err());
            assertEquals("", r.err(), cmd[0]);
        }
    }

    /** fmt and lvs -a read {@code file}; lvcreate adds an LV to it and writes the output. */
    private void assertReadersAccept(Path file, String vg) throws IOException {
        assertReadersRead(file);
        byte[] before = Files.readAllBytes(file);
        Path out = dir.resolve("out-" + System.nanoTime() + ".vg");
        CliRun r = clean(CliRun.of("lvcreate", "-L", "4m", "-n", "x", vg, "--file", file.toString(), "--output",
                out.toString()));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(CREATED), r.outLines());
        assertTrue(Files.readString(out).contains("\t\tx {\n"), "the new LV is written");
        assertArrayEquals(before, Files.readAllBytes(file), "input unchanged");
    }

    /** {@code r}, after checking it shows no stack trace and no exception class name. */
    private static CliRun clean(CliRun r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("\tat "), "a stack trace");
        assertFalse(CLASS_NAME.matcher(all).find(), "an exception class name");
        return r;
    }

    // ---- inputs ----

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** SMALL with one LV appended to the VG, made of {@code segments} (section text). */
    private static byte[] withLv(String name, int segmentCount, String segments) throws IOException {
        return (upToVgEnd(Files.readString(SMALL)) + lvHead(name, segmentCount) + segments + LV_TAIL)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The text up to the VG's closing brace, where a logical_volumes section goes. */
    private static String upToVgEnd(String vg) {
        return vg.substring(0, vg.lastIndexOf('}'));
    }

    /** A logical_volumes section with one LV, up to its first segment. */
    private static String lvHead(String name, int segmentCount) {
        return "\n\tlogical_volumes {\n\n\t\t" + name + " {\n"
                + "\t\t\tid = \"aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaaa\"\n"
                + "\t\t\tstatus = [\"READ\", \"WRITE\", \"VISIBLE\"]\n\t\t\tflags = []\n"
                + "\t\t\tsegment_count = " + segmentCount + "\n\n";
    }


    /** Segment {@code k} (from 1): one extent at LE {@code le} on pv0's extent {@code pe}. */
    private static String segment(int k, long le, long pe) {
        return "\t\t\tsegment" + k + " {\n\t\t\t\tstart_extent = " + le + "\n\t\t\t\textent_count = 1\n"
                + "\t\t\t\ttype = \"striped\"\n\t\t\t\tstripe_count = 1\n\t\t\t\tstripes = [\n\t\t\t\t\t\"pv0\", "
                + pe + "\n\t\t\t\t]\n\t\t\t}\n";
    }

    /**
     * Writes SMALL with an LV of 10^6 one-extent segments on every other extent of a PV grown to
     * 2*10^6 extents, so import cannot merge them: 154 MB of text.
     */
    private static Path millionSegments(Path file) throws IOException {
        int n = 1_000_000;
        String small = Files.readString(SMALL).replaceFirst("dev_size = 262144", "dev_size = 17000000000")
                .replaceFirst("pe_count = 31", "pe_count = 2000000");
        try (var out = Files.newBufferedWriter(file)) {
            out.write(upToVgEnd(small));
            out.write(lvHead("big", n));
            for (int i = 0; i < n; i++) {
                out.write(segment(i + 1, i, 2L * i));
            }
            out.write(LV_TAIL);
        }
        return file;
    }

    private static byte[] replace(byte[] text, String from, String to) {
        // ISO-8859-1 maps bytes and chars one to one, so \u00ff in 'to' is the byte 0xff.
        String s = new String(text, StandardCharsets.ISO_8859_1);
        assertTrue(s.contains(from), from);
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String[] args(String command, String[] options, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(Arrays.asList(options));
        all.addAll(Arrays.asList(rest));
        return all.toArray(String[]::new);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] bytesIfFile(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> listing(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> vgFiles(Path d) {
        return listing(d).stream().filter(p -> p.getFileName().toString().endsWith(".vg")).toList();
    }
}
