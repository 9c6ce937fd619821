package io.lvstack.engine.text;

import io.lvstack.engine.Corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every file of the LVM2 corpus, with LVM2's verdicts for the refused ones. */
class ConfigParserCorpusTest {
    private static final Path BAD = Corpus.BAD;
    /** The bad files that are bad for reasons other than syntax, so that they parse. */
    private static final List<String> SYNTAX_FAILURES = List.of("syntax.vg", "hugeint.vg", "deepnest.vg");

    @Test
    void corpusIsComplete() {
        assertTrue(Corpus.vgFiles(Corpus.DIR).size() >= 100, "corpus at " + Corpus.DIR);
        assertEquals(16, Corpus.vgFiles(BAD).size());
    }

    @TestFactory
    Stream<DynamicTest> everyAcceptedFileParsesInBothForms() {
        return Corpus.vgFiles(Corpus.DIR).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = Corpus.read(p);
            ConfigDocument d = ConfigParser.parse(bytes, p.toString(), ParseOptions.fileForm());
            assertEquals(ConfigValue.Str.of("Text Format Volume Group"), d.value("contents").orElseThrow());
            assertEquals(new ConfigValue.Int(1), d.value("version").orElseThrow());
            ConfigSection vg = d.firstSection().orElseThrow();
            assertTrue(vg.has("physical_volumes"), vg.key());
            assertTrue(d.warnings().isEmpty(), d.warnings().toString());
            ConfigDocument disk = ConfigParser.parse(bytes, p.toString(), ParseOptions.onDiskForm());
            assertSameTree(d.nodes(), disk.nodes());
        }));
    }

    /** The direct path (no repeated keys) builds exactly what the merging tree builds, lines included. */
    @TestFactory
    Stream<DynamicTest> directAndMergingPathsBuildTheSameNodes() {
        return Stream.concat(Corpus.vgFiles(Corpus.DIR).stream(), Corpus.vgFiles(BAD).stream()
                .filter(p -> !SYNTAX_FAILURES.contains(p.getFileName().toString())))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    byte[] bytes = Corpus.read(p);
                    for (ParseOptions form : List.of(ParseOptions.fileForm(), ParseOptions.onDiskForm())) {
                        ConfigDocument direct = ConfigParser.parse(bytes, "f", form);
                        ConfigDocument merging = ConfigParser.parseMerging(bytes, "f", form);
                        assertEquals(describe(merging.nodes()), describe(direct.nodes()));
                        assertEquals(merging.warnings(), direct.warnings());
                    }
                }));
    }

    /** Every node with its key, lines and exact value (raw strings apart), depth first. */
    private static String describe(List<ConfigNode> nodes) {
        StringBuilder b = new StringBuilder();
        ArrayDeque<ConfigNode> work = new ArrayDeque<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            work.push(nodes.get(i));
        }
        while (!work.isEmpty()) {
            ConfigNode n = work.pop();
            b.append(n.key()).append('@').append(n.line());
            if (n instanceof ConfigSection s) {
                b.append("-").append(s.endLine()).append("{").append(s.children().size()).append("}\n");
                for (int i = s.children().size() - 1; i >= 0; i--) {
                    work.push(s.children().get(i));
                }
            } else {
                b.append('=').append(((ConfigEntry) n).value()).append('\n');
            }
        }
        return b.toString();
    }

    @TestFactory
    Stream<DynamicTest> compactFormReadsBackToTheSameTree() {
        return Corpus.vgFiles(Corpus.DIR).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            ConfigDocument d = ConfigParser.parse(Corpus.read(p), p.toString(), ParseOptions.fileForm());
            StringBuilder out = new StringBuilder();
            CompactWriter.writeAll(d.nodes(), "", out);
            ConfigDocument again = ConfigParser.parse(out.toString().getBytes(StandardCharsets.UTF_8), "compact",
                    ParseOptions.fileForm());
            assertSameTree(withoutSingletonArrays(d.nodes()), again.nodes());
        }));
    }

    @TestFactory
    Stream<DynamicTest> badFilesThatAreSyntacticallyFineParse() {
        return Corpus.vgFiles(BAD).stream()
                .filter(p -> !SYNTAX_FAILURES.contains(p.getFileName().toString()))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    ConfigDocument d = ConfigParser.parse(Corpus.read(p), p.toString(), ParseOptions.fileForm());
                    assertTrue(d.firstSection().isPresent());
                }));
    }

    @Test
    void syntaxFailsWhereLvm2Says() {
        ConfigSyntaxException e = parseBad("syntax.vg");
        // LVM2: "Parse error at byte 221 (line 8): unexpected token". libdm does not count the two
        // line breaks inside the unterminated string, so its line 8 is really line 10.
        Matcher m = Pattern.compile("Parse error at byte (\\d+) \\(line (\\d+)\\)")
                .matcher(Corpus.readString(BAD.resolve("syntax.verdict")));
        assertTrue(m.find());
        assertEquals(Integer.parseInt(m.group(1)), e.offset() + 1);
        assertEquals(Integer.parseInt(m.group(2)), e.lvm2Line());
        assertEquals(8, e.lvm2Line());
        assertEquals(10, e.line());
        assertEquals(2, e.column());
        assertEquals("unexpected 'status' (expected '=' or '{' after key 'lvm2\"'); the string opened at line 7"
                + " runs to line 9: is its closing quote missing?", e.getMessage());
    }

    @Test
    void hugeIntFails() {
        // LVM2: "Failed to read int token." with no position
        assertTrue(Corpus.readString(BAD.resolve("hugeint.verdict")).contains("Failed to read int token."));
        ConfigSyntaxException e = parseBad("hugeint.vg");
        assertEquals("integer 999999999999999999994 is out of range (64-bit)", e.getMessage());
        assertEquals(64, e.line());
        assertEquals(20, e.column());
    }

    @Test
    void deepNestingIsRefusedUnlikeLvm2() {
        assertTrue(Corpus.readString(BAD.resolve("deepnest.verdict")).startsWith("exit=0"));
        ConfigSyntaxException e = parseBad("deepnest.vg");
        assertEquals("sections nest deeper than 128 levels", e.getMessage());
        assertEquals(12, e.line());
        assertEquals(384, e.column());
        ParseOptions unlimited = ParseOptions.fileForm().withMaxDepth(10_000);
        ConfigDocument d = ConfigParser.parse(Corpus.read(BAD.resolve("deepnest.vg")), "deepnest.vg", unlimited);
        assertTrue(d.firstSection().orElseThrow().has("x"));
    }

    private static ConfigSyntaxException parseBad(String name) {
        byte[] bytes = Corpus.read(BAD.resolve(name));
        return assertThrows(ConfigSyntaxException.class, () -> ConfigParser.parse(bytes, name, ParseOptions.fileForm()));
    }

    /** LVM2's writer prints a one-element array as its element, so compare with that. */
    private static List<ConfigNode> withoutSingletonArrays(List<ConfigNode> nodes) {
        return nodes.stream().map(ConfigParserCorpusTest::withoutSingletonArrays).toList();
    }

    private static ConfigNode withoutSingletonArrays(ConfigNode n) {
        if (n instanceof ConfigSection s) {
            return new ConfigSection(s.key(), withoutSingletonArrays(s.children()), s.line());
        }
        ConfigEntry e = (ConfigEntry) n;
        if (e.value() instanceof ConfigValue.Array a && a.elements().size() == 1) {
            return new ConfigEntry(e.key(), a.elements().get(0), e.line());
        }
        return e;
    }

    private record Pair(List<ConfigNode> expected, List<ConfigNode> actual) {
    }

    /** Same keys, kinds and values in the same order (lines and raw flags aside). */
    static void assertSameTree(List<ConfigNode> expected, List<ConfigNode> actual) {
        ArrayDeque<Pair> work = new ArrayDeque<>();
        work.push(new Pair(expected, actual));
        while (!work.isEmpty()) {
            Pair pair = work.pop();
            assertEquals(pair.expected().size(), pair.actual().size());
            for (int i = 0; i < pair.expected().size(); i++) {
                ConfigNode a = pair.expected().get(i);
                ConfigNode b = pair.actual().get(i);
                assertEquals(a.key(), b.key());
                if (a instanceof ConfigSection sa) {
                    work.push(new Pair(sa.children(), Texts.section(b).children()));
                } else {
                    assertFalse(b instanceof ConfigSection, b.key());
                    assertEquals(plain(((ConfigEntry) a).value()), plain(((ConfigEntry) b).value()), a.key());
                }
            }
        }
    }

    private static ConfigValue plain(ConfigValue v) {
        if (v instanceof ConfigValue.Str s) {
            return ConfigValue.Str.of(s.value());
        }
        if (v instanceof ConfigValue.Array a) {
            return new ConfigValue.Array(a.elements().stream().map(ConfigParserCorpusTest::plain).toList());
        }
        return v;
    }
}
