package io.lvstack.engine.text;

import static io.lvstack.engine.text.Texts.array;
import static io.lvstack.engine.text.Texts.entry;
import static io.lvstack.engine.text.Texts.file;
import static io.lvstack.engine.text.Texts.integer;
import static io.lvstack.engine.text.Texts.section;
import static io.lvstack.engine.text.Texts.str;
import static io.lvstack.engine.text.Texts.valueOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accepted forms of section 1.3 "Config-tree grammar". */
class ConfigParserGrammarTest {

    @Test
    void decimalIntegers() {
        assertEquals(integer(42), valueOf("a = 42"));
        assertEquals(integer(42), valueOf("a = +42"));
        assertEquals(integer(-42), valueOf("a = -42"));
        assertEquals(integer(0), valueOf("a = 0"));
    }

    @Test
    void leadingZeroIsOctal() {
        assertEquals(integer(8), valueOf("a = 010"));
        assertEquals(integer(-8), valueOf("a = -010"));
        assertEquals(integer(0), valueOf("a = 00"));
        assertEquals(integer(511), valueOf("a = 0777"));
    }

    @Test
    void minusZeroIsZero() {
        assertEquals(integer(0), valueOf("a = -0"));
    }

    @Test
    void sixtyFourBitBounds() {
        assertEquals(integer(Long.MAX_VALUE), valueOf("a = 9223372036854775807"));
        assertEquals(integer(Long.MIN_VALUE), valueOf("a = -9223372036854775808"));
        assertEquals(integer(Long.MAX_VALUE), valueOf("a = 0777777777777777777777"));
        assertEquals(integer(Long.MIN_VALUE), valueOf("a = -01000000000000000000000"));
    }

    @Test
    void floats() {
        assertEquals(new ConfigValue.Real(1.5), valueOf("a = 1.5"));
        assertEquals(new ConfigValue.Real(0.5), valueOf("a = .5"));
        assertEquals(new ConfigValue.Real(5.0), valueOf("a = 5."));
        assertEquals(new ConfigValue.Real(-0.25), valueOf("a = -.25"));
        assertEquals(new ConfigValue.Real(8.5), valueOf("a = 08.5"));
        assertEquals(new ConfigValue.Real(0.5), valueOf("a = +.5"));
        assertEquals(new ConfigValue.Real(-5.0), valueOf("a = -5."));
        assertEquals(new ConfigValue.Real(-0.0), valueOf("a = -0.0"));
        assertEquals(array(new ConfigValue.Real(1.25), integer(2)), valueOf("a = [1.25,2]"));
    }

    @Test
    void doubleQuotedStringsUnescapeOnlyQuoteAndBackslash() {
        assertEquals(str("x\"y"), valueOf("a = \"x\\\"y\""));
        assertEquals(str("x\\y"), valueOf("a = \"x\\\\y\""));
        assertEquals(str("\\n\\t"), valueOf("a = \"\\n\\t\""));
        assertEquals(str("\\\""), valueOf("a = \"\\\\\\\"\""));
        assertEquals(str(""), valueOf("a = \"\""));
        assertEquals(str("two\nlines"), valueOf("a = \"two\nlines\""));
    }

    @Test
    void singleQuotedStringsAreRaw() {
        assertEquals(new ConfigValue.Str("a\\\"b", true), valueOf("a = 'a\\\"b'"));
        assertEquals(new ConfigValue.Str("say \"hi\"", true), valueOf("a = 'say \"hi\"'"));
        assertEquals(new ConfigValue.Str("", true), valueOf("a = ''"));
    }

    @Test
    void bareWordsAreStringsAndSwallowPunctuation() {
        assertEquals(str("linear"), valueOf("a = linear"));
        assertEquals(str("b,c"), valueOf("a = b,c"));
        assertEquals(str("x\"y"), valueOf("a = x\"y"));
        assertEquals(str("bare]"), valueOf("a = bare]"));
        assertEquals(array(integer(1), str("bare")), valueOf("a = [1, bare ]"));
    }

    @Test
    void nonAsciiStrings() {
        assertEquals(str("größe ✓"), valueOf("a = \"größe ✓\""));
        assertEquals(str("日本"), valueOf("a = 日本"));
        ConfigNode n = file("ключ = 1").nodes().get(0);
        assertEquals("ключ", n.key());
    }

    @Test
    void arrays() {
        assertEquals(array(str("a"), str("b")), valueOf("a = [\"a\", \"b\"]"));
        assertEquals(array(integer(1), integer(2)), valueOf("a = [1,2,]"));
        assertEquals(array(integer(1), str("x"), new ConfigValue.Real(2.5)), valueOf("a = [1, \"x\", 2.5]"));
        assertEquals(array(), valueOf("a = []"));
        assertEquals(array(), valueOf("a = [ ]"));
        assertEquals(array(integer(7)), valueOf("a = [7]"));
        assertEquals(array(str("pv0"), integer(0), str("pv1"), integer(4)),
                valueOf("stripes = [\n\t\"pv0\", 0,\n\t\"pv1\", 4\n]"));
    }

    @Test
    void commasAreOptionalBeforeQuotedStrings() {
        assertEquals(array(str("a"), str("b")), valueOf("a = [\"a\" \"b\"]"));
        assertEquals(array(str("a"), new ConfigValue.Str("b", true)), valueOf("a = [\"a\" 'b']"));
        assertEquals(array(integer(1), str("b")), valueOf("a = [1 \"b\"]"));
    }

    @Test
    void sectionsNestAndKeepOrder() {
        ConfigDocument d = file("vg {\n  id = \"x\"\n  pvs {\n    pv0 { dev = 1 }\n  }\n  seqno = 3\n}\n");
        ConfigSection vg = section(d.nodes().get(0));
        assertEquals(List.of("id", "pvs", "seqno"), vg.children().stream().map(ConfigNode::key).toList());
        assertEquals(1L, vg.section("pvs").orElseThrow().section("pv0").orElseThrow().requireInt("dev"));
        assertEquals(1, vg.line());
        assertEquals(2, vg.lineOf("id"));
        assertEquals(6, vg.lineOf("seqno"));
    }

    @Test
    void sectionsKnowTheLineOfTheirClosingBrace() {
        ConfigDocument d = file("vg {\n\tseg {\n\t\ta = 1\n\t}\n\te { }\n}\np/q = 1\n");
        ConfigSection vg = section(d.nodes().get(0));
        assertEquals(6, vg.endLine());
        assertEquals(4, vg.section("seg").orElseThrow().endLine());
        assertEquals(5, vg.section("e").orElseThrow().endLine());
        // a section made by a path key has no brace of its own
        assertEquals(7, section(d.nodes().get(1)).endLine());
        // merged sections end where the last of them does
        assertEquals(4, section(file("s {\n}\ns {\n}\n").nodes().get(0)).endLine());
    }

    @Test
    void emptySection() {
        ConfigSection s = section(file("a { }").nodes().get(0));
        assertTrue(s.children().isEmpty());
    }

    @Test
    void noWhitespaceNeeded() {
        ConfigSection s = section(file("a{b=1 c=[1,2]d=\"x\"e{}}").nodes().get(0));
        assertEquals(List.of("b", "c", "d", "e"), s.children().stream().map(ConfigNode::key).toList());
    }

    @Test
    void quotedKeys() {
        ConfigDocument d = file("\"a b\" = 1\n'c=d' = 2\n\"e\\\"f\" { }\n");
        assertEquals(List.of("a b", "c=d", "e\"f"), d.nodes().stream().map(ConfigNode::key).toList());
    }

    @Test
    void keysMayStartWithDigitsAndHoldBrackets() {
        ConfigDocument d = file("1abc = 1\nx[0] = 2\n-k = 3\n");
        assertEquals(List.of("1abc", "x[0]", "-k"), d.nodes().stream().map(ConfigNode::key).toList());
    }

    @Test
    void commentsWhereverWhitespaceIs() {
        String text = "# head\nvg # after key\n{ # after brace\n"
                + "a # before =\n= # after =\n[ # after [\n1 # after element\n, # after comma\n2 ] # after ]\n"
                + "b=1# touching\n} # after close\n# trailing comment without newline";
        ConfigSection vg = section(file(text).nodes().get(0));
        assertEquals(array(integer(1), integer(2)), vg.value("a").orElseThrow());
        assertEquals(integer(1), vg.value("b").orElseThrow());
    }

    @Test
    void hashInsideStringsIsNotAComment() {
        assertEquals(str("a # b"), valueOf("a = \"a # b\""));
        assertEquals(str("a"), valueOf("a = a#b"));
    }

    @Test
    void allCWhitespace() {
        assertEquals(integer(1), valueOf("\r\n\u000b\u000ca\t=\r1\r\n"));
    }

    @Test
    void nulEndsTheInput() {
        ConfigDocument d = file("a = 1\n\0garbage { = ] ");
        assertEquals(1, d.nodes().size());
        assertEquals(integer(1), valueOf("a = 1\0"));
        assertEquals(str("x"), valueOf("a = x\0y"));
    }

    @Test
    void lineNumbersCountLinesInsideStrings() {
        ConfigDocument d = file("a = \"one\ntwo\"\nb = 1\n");
        assertEquals(3, d.nodes().get(1).line());
    }

    @Test
    void emptyInput() {
        assertTrue(file("").nodes().isEmpty());
        assertTrue(file("  # only a comment\n\n").nodes().isEmpty());
    }

    @Test
    void creationTimeOutOfRangeIsRepairedAsLibdmDoes() {
        ConfigDocument d = file("creation_time = 99999999999999999999\nlv { creation_time = -99999999999999999999 }\n");
        assertEquals(integer(1527120000), entry(d.nodes().get(0)).value());
        assertEquals(1527120000L, section(d.nodes().get(1)).requireInt("creation_time"));
        assertEquals(List.of(new ConfigWarning(1,
                "Invalid creation_time found in metadata (repaired with next metadata update).")), d.warnings());
    }
}
