package io.lvstack.engine.text;

import static io.lvstack.engine.text.Texts.array;
import static io.lvstack.engine.text.Texts.entry;
import static io.lvstack.engine.text.Texts.fails;
import static io.lvstack.engine.text.Texts.file;
import static io.lvstack.engine.text.Texts.integer;
import static io.lvstack.engine.text.Texts.onDisk;
import static io.lvstack.engine.text.Texts.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Duplicate keys in both forms, and path keys ({@code a/b = 1}). */
class ConfigParserDuplicateTest {

    private static List<String> keys(List<ConfigNode> nodes) {
        return nodes.stream().map(ConfigNode::key).toList();
    }

    @Test
    void fileFormRepeatedValueKeepsPlaceTakesLaterValueAndWarns() {
        ConfigDocument d = file("a = 1\nb = 2\na = 3\n");
        assertEquals(List.of("a", "b"), keys(d.nodes()));
        assertEquals(integer(3), entry(d.nodes().get(0)).value());
        assertEquals(3, d.nodes().get(0).line());
        assertEquals(List.of(new ConfigWarning(3, "Ignoring duplicate config value: a")), d.warnings());
    }

    @Test
    void fileFormRepeatedSectionsMerge() {
        ConfigDocument d = file("s {\n x = 1\n}\nt = 0\ns {\n y = 2\n x = 5\n}\n");
        assertEquals(List.of("s", "t"), keys(d.nodes()));
        ConfigSection s = section(d.nodes().get(0));
        assertEquals(List.of("x", "y"), keys(s.children()));
        assertEquals(5L, s.requireInt("x"));
        assertEquals(1, s.line());
        assertEquals(List.of(new ConfigWarning(7, "Ignoring duplicate config value: x")), d.warnings());
    }

    @Test
    void fileFormMergesInLargeSectionsToo() {
        StringBuilder sb = new StringBuilder("lvs {\n");
        for (int i = 0; i < 100; i++) {
            sb.append("lv").append(i).append(" { n = ").append(i).append(" }\n");
        }
        sb.append("lv42 { m = 1 }\nlv99 = 7\n}\n");
        ConfigDocument d = file(sb.toString());
        ConfigSection lvs = section(d.nodes().get(0));
        assertEquals(100, lvs.children().size());
        assertEquals(List.of("n", "m"), keys(lvs.section("lv42").orElseThrow().children()));
        assertEquals(integer(7), lvs.value("lv99").orElseThrow());
    }

    @Test
    void onDiskFormKeepsDuplicatesAsSiblings() {
        ConfigDocument d = onDisk("a = 1\ns { x = 1 }\na = 3\ns { y = 2 }\n");
        assertEquals(List.of("a", "s", "a", "s"), keys(d.nodes()));
        assertEquals(integer(1), d.value("a").orElseThrow());
        assertTrue(d.warnings().isEmpty());
        assertEquals(List.of("x"), keys(d.firstSection().orElseThrow().children()));
    }

    @Test
    void valueAfterSectionOfTheSameNameWins() {
        // libdm: the node gets a value, which makes it a value; its children become unreachable
        ConfigDocument d = file("a { x = 1 }\nb = 0\na = 2\n");
        assertEquals(List.of("a", "b"), keys(d.nodes()));
        assertEquals(integer(2), entry(d.nodes().get(0)).value());
        assertEquals(List.of(new ConfigWarning(3, "Config value a replaces the section of the same name")),
                d.warnings());
    }

    @Test
    void sectionAfterValueOfTheSameNameIsHidden() {
        ConfigDocument d = file("a = 1\na { x = 1 }\n");
        assertEquals(1, d.nodes().size());
        assertEquals(integer(1), entry(d.nodes().get(0)).value());
        assertEquals(List.of(new ConfigWarning(2, "Ignoring section a: an earlier value has the same name")),
                d.warnings());
    }

    @Test
    void pathKeyCreatesSections() {
        ConfigDocument d = file("a/b/c = 1\n");
        ConfigSection a = section(d.nodes().get(0));
        ConfigSection b = a.section("b").orElseThrow();
        assertEquals(1L, b.requireInt("c"));
        assertEquals(1, a.line());
    }

    @Test
    void pathKeyGoesIntoExistingSectionWithDuplicateCheck() {
        ConfigDocument d = file("a {\n x = 1\n}\na/y = 2\na/x = 3\n");
        assertEquals(1, d.nodes().size());
        ConfigSection a = section(d.nodes().get(0));
        assertEquals(List.of("x", "y"), keys(a.children()));
        assertEquals(3L, a.requireInt("x"));
        assertEquals(List.of(new ConfigWarning(5, "Ignoring duplicate config value: a/x")), d.warnings());
    }

    @Test
    void pathKeyMakesNewSectionsWithoutDuplicateCheck() {
        ConfigDocument d = onDisk("a { x = 1 }\na/y = 2\n");
        assertEquals(List.of("a", "a"), keys(d.nodes()));
        assertEquals(List.of("y"), keys(section(d.nodes().get(1)).children()));
    }

    @Test
    void pathKeysSkipLeadingAndRepeatedSlashes() {
        ConfigSection a = section(file("/a//b = 1").nodes().get(0));
        assertEquals("a", a.key());
        assertEquals(1L, a.requireInt("b"));
    }

    @Test
    void quotedPathKeyIsAPathToo() {
        ConfigSection a = section(file("\"a/b\" = [1, 2]").nodes().get(0));
        assertEquals(array(integer(1), integer(2)), a.value("b").orElseThrow());
    }

    @Test
    void pathKeyWithSectionBody() {
        ConfigSection a = section(file("a/b { c = 1 }").nodes().get(0));
        assertEquals(1L, a.section("b").orElseThrow().requireInt("c"));
    }

    @Test
    void keyEndingInSlashIsRefused() {
        ConfigSyntaxException e = fails("x = 1\n  a/ = 1\n");
        assertEquals("key 'a/' ends with '/' (expected a name after it)", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertEquals("key '/' ends with '/' (expected a name after it)", fails("/ = 1").getMessage());
    }
}
