package io.lvstack.engine.text;

import static io.lvstack.engine.text.Texts.array;
import static io.lvstack.engine.text.Texts.integer;
import static io.lvstack.engine.text.Texts.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** libdm's compact form ({@code dm_config_write_node} without format flags). */
class CompactWriterTest {

    private static String write(ConfigNode node, String indent) {
        StringBuilder out = new StringBuilder();
        CompactWriter.write(node, indent, out);
        return out.toString();
    }

    private static ConfigEntry e(String key, ConfigValue v) {
        return new ConfigEntry(key, v, 0);
    }

    @Test
    void scalars() {
        assertEquals("stripe_count=1\n", write(e("stripe_count", integer(1)), ""));
        assertEquals("n=-9223372036854775808\n", write(e("n", integer(Long.MIN_VALUE)), ""));
        assertEquals("f=1.500000\n", write(e("f", new ConfigValue.Real(1.5)), ""));
        assertEquals("s=\"text\"\n", write(e("s", str("text")), ""));
        assertEquals("s=\"raw\"\n", write(e("s", new ConfigValue.Str("raw", true)), ""));
    }

    @Test
    void stringsAreEscaped() {
        assertEquals("b=[\"x\\\"y\",2]\n", write(e("b", array(str("x\"y"), integer(2))), ""));
        assertEquals("p=\"a\\\\b\"\n", write(e("p", str("a\\b")), ""));
        assertEquals("p=\"tab\there\\\\n\"\n", write(e("p", str("tab\there\\n")), ""));
    }

    @Test
    void arrays() {
        assertEquals("stripes=[\"pv0\",0,\"pv1\",4]\n",
                write(e("stripes", array(str("pv0"), integer(0), str("pv1"), integer(4))), "\t\t\t\t"
                ).substring(4));
        assertEquals("flags=[]\n", write(e("flags", array()), ""));
        assertEquals("m=[1,2.000000,\"x\"]\n",
                write(e("m", array(integer(1), new ConfigValue.Real(2), str("x"))), ""));
    }

    @Test
    void singleElementArrayIsWrittenAsItsElement() {
        assertEquals("mirrors=\"lv_mimage_0\"\n", write(e("mirrors", array(str("lv_mimage_0"))), ""));
    }

    @Test
    void keysWithHashQuoteOrBangAreQuoted() {
        assertEquals("\"a#b\"=1\n", write(e("a#b", integer(1)), ""));
        assertEquals("\"a\\\"b\"=1\n", write(e("a\"b", integer(1)), ""));
        assertEquals("\"!x\"=1\n", write(e("!x", integer(1)), ""));
        assertEquals("a b=1\n", write(e("a b", integer(1)), ""));
    }

    @Test
    void sectionsNestWithTabsAfterTheCallersIndent() {
        ConfigSection inner = new ConfigSection("inner", List.of(e("x", integer(1))), 0);
        ConfigSection outer = new ConfigSection("outer", List.of(e("a", str("b")), inner, e("c", array())), 0);
        assertEquals("\t\t\touter {\n"
                + "\t\t\t\ta=\"b\"\n"
                + "\t\t\t\tinner {\n"
                + "\t\t\t\t\tx=1\n"
                + "\t\t\t\t}\n"
                + "\t\t\t\tc=[]\n"
                + "\t\t\t}\n", write(outer, "\t\t\t"));
        assertEquals("e {\n}\n", write(new ConfigSection("e", List.of(), 0), ""));
    }

    @Test
    void writesSiblingsInOrder() {
        StringBuilder out = new StringBuilder();
        CompactWriter.writeAll(List.of(e("stripe_count", integer(1)), e("stripes", array(str("pv0"), integer(0)))),
                "\t", out);
        assertEquals("\tstripe_count=1\n\tstripes=[\"pv0\",0]\n", out.toString());
    }

    @Test
    void indentationStopsGrowingAt32Levels() {
        ConfigNode n = e("leaf", integer(0));
        for (int i = 0; i < 40; i++) {
            n = new ConfigSection("s", List.of(n), 0);
        }
        String[] lines = write(n, "").split("\n");
        assertEquals("\t".repeat(32) + "leaf=0", lines[40]);
        assertEquals("\t".repeat(32) + "s {", lines[39]);
        assertEquals("\t".repeat(31) + "s {", lines[31]);
    }

    @Test
    void deepTreesDoNotOverflowTheStack() {
        ConfigNode n = e("leaf", integer(0));
        for (int i = 0; i < 100_000; i++) {
            n = new ConfigSection("s", List.of(n), 0);
        }
        StringBuilder out = new StringBuilder();
        CompactWriter.write(n, "", out);
        assertEquals(200_001, out.chars().filter(c -> c == '\n').count());
    }

    @Test
    void outputParsesBack() {
        String text = "seg {\n type = \"frobnicate\"\n data = [\"a\\\"b\", 'c\\d', 1, 2.5]\n sub { k = -1 }\n}\n";
        ConfigDocument d = Texts.file(text);
        StringBuilder out = new StringBuilder();
        CompactWriter.writeAll(d.nodes(), "", out);
        assertEquals("seg {\n\ttype=\"frobnicate\"\n\tdata=[\"a\\\"b\",\"c\\\\d\",1,2.500000]\n\tsub {\n\t\tk=-1\n\t}\n}\n",
                out.toString());
        ConfigDocument again = ConfigParser.parse(out.toString().getBytes(StandardCharsets.UTF_8), "w",
                ParseOptions.fileForm());
        ConfigParserCorpusTest.assertSameTree(d.nodes(), again.nodes());
    }

    @Test
    void floatsPrintLikeCPrintf() {
        assertEquals("0.000000", PercentF.format(0));
        assertEquals("-0.000000", PercentF.format(-0.0));
        assertEquals("-0.000000", PercentF.format(-1e-9));
        assertEquals("1.500000", PercentF.format(1.5));
        assertEquals("0.007812", PercentF.format(0.0078125));
        assertEquals("0.000000", PercentF.format(5e-7));
        assertEquals("0.000001", PercentF.format(5.000001e-7));
        assertEquals("100000000000000000000.000000", PercentF.format(1e20));
        assertEquals("inf", PercentF.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PercentF.format(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PercentF.format(Double.NaN));
    }
}
