package io.lvstack.engine.text;

import static io.lvstack.engine.text.Texts.fails;
import static io.lvstack.engine.text.Texts.file;
import static io.lvstack.engine.text.Texts.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Refused input: messages, positions and limits. */
class ConfigParserErrorTest {

    private static final String MALFORMED =
            " (expected decimal or octal digits with at most one '.'; hex and exponents are not allowed)";

    private static void assertError(String text, String message, int line, int column) {
        ConfigSyntaxException e = fails(text);
        assertEquals(message, e.getMessage());
        assertEquals(line, e.line(), "line");
        assertEquals(column, e.column(), "column");
    }

    @Test
    void aKeyHoldingALineBreakIsQuotedOnOneLine() {
        // Found by fuzzing (FuzzTargetsInputs/parser/crash-690d9ea9...): a quoted key that runs over
        // lines was copied raw into the message, which must be one line.
        assertError("\"a\nb\" x", "unexpected 'x' (expected '=' or '{' after key 'a\\x0ab'); the string opened at line 1 runs "
                + "to line 2: is its closing quote missing?", 2, 4);
    }

    @Test
    void hexIsRefused() {
        assertError("a = 0x10", "malformed number '0x10'" + MALFORMED, 1, 5);
    }

    @Test
    void exponentIsRefused() {
        assertError("a = 1e3", "malformed number '1e3'" + MALFORMED, 1, 5);
    }

    @Test
    void octalWithDigitEightIsRefused() {
        assertError("a = 08", "integer 08 is not valid (a leading 0 makes it octal, which has no digits 8 or 9)", 1, 5);
        assertError("a = -0779", "integer -0779 is not valid (a leading 0 makes it octal, which has no digits 8 or 9)",
                1, 5);
    }

    @Test
    void numbersMustStandAlone() {
        assertError("a = 1.2.3", "malformed number '1.2.3'" + MALFORMED, 1, 5);
        assertError("a = 1b=2", "malformed number '1b'" + MALFORMED, 1, 5);
        assertError("a = -", "malformed number '-'" + MALFORMED, 1, 5);
        assertError("a = [.]", "malformed number '.'" + MALFORMED, 1, 6);
        assertError("a = -x", "malformed number '-x'" + MALFORMED, 1, 5);
    }

    @Test
    void integersOutOfRange() {
        assertError("a = 9223372036854775808", "integer 9223372036854775808 is out of range (64-bit)", 1, 5);
        assertError("a = -9223372036854775809", "integer -9223372036854775809 is out of range (64-bit)", 1, 5);
        assertError("a = 99999999999999999999", "integer 99999999999999999999 is out of range (64-bit)", 1, 5);
        assertError("a = [1, -99999999999999999999]", "integer -99999999999999999999 is out of range (64-bit)", 1, 9);
        assertError("a = 01000000000000000000000", "integer 01000000000000000000000 is out of range (64-bit)", 1, 5);
    }

    @Test
    void floatsOutOfRange() {
        String big = "1" + "0".repeat(400) + ".0";
        assertError("a = " + big, "float " + big.substring(0, 40) + "... is out of range (64-bit double)", 1, 5);
        String tiny = "0." + "0".repeat(400) + "1";
        assertError("a = " + tiny, "float " + tiny.substring(0, 40) + "... is out of range (64-bit double)", 1, 5);
    }

    @Test
    void missingValue() {
        assertError("s {\n\ta = }", "unexpected '}' (expected a value)", 2, 6);
        assertError("a = {", "unexpected '{' (expected a value)", 1, 5);
        assertError("a =", "unexpected end of input (expected a value)", 1, 4);
    }

    @Test
    void missingCommaBetweenNumbers() {
        // "2]" is one word, as in libdm: after an element no number may start
        assertError("a = [1 2]", "unexpected '2]' (expected ',' or ']')", 1, 8);
        assertError("a = [\"x\" bare ]", "unexpected 'bare' (expected ',' or ']')", 1, 10);
    }

    @Test
    void bareWordSwallowsClosingBracket() {
        assertError("a = [1, bare]\nb = 2\n", "unexpected 'b' (expected ',' or ']'); the bare word 'bare]'"
                + " took the ']' as part of itself: put a space before ']'", 2, 1);
    }

    @Test
    void arraysDoNotNest() {
        assertError("a = [[1]]", "unexpected '[' (expected a value or ']')", 1, 6);
        assertError("a = [,]", "unexpected ',' (expected a value or ']')", 1, 6);
        assertError("a = [1,,2]", "unexpected ',' (expected a value or ']')", 1, 8);
        assertError("a = [1,", "unexpected end of input (expected a value or ']')", 1, 8);
    }

    @Test
    void badKeys() {
        assertError("}", "unexpected '}' (expected a key)", 1, 1);
        assertError("[ = 1", "unexpected '[' (expected a key)", 1, 1);
        assertError("s { = }", "unexpected '=' (expected a key or '}')", 1, 5);
        assertError("a = 1 = 2", "unexpected '=' (expected a key)", 1, 7);
        assertError("a b", "unexpected 'b' (expected '=' or '{' after key 'a')", 1, 3);
        assertError("\"\" = 1", "empty key (expected a name)", 1, 1);
        assertError("s {\n  '' { }\n}", "empty key (expected a name)", 2, 3);
    }

    @Test
    void unclosedSection() {
        assertError("vg {\n\tlv {\n\t\ta = 1\n\t}\n", "unexpected end of input (expected '}' to close section 'vg'"
                + " opened at line 1)", 5, 1);
    }

    @Test
    void unterminatedStrings() {
        assertError("a = \"abc", "unterminated string (no closing '\"' before the end of input)", 1, 5);
        assertError("a = \"abc\\", "unterminated string (no closing '\"' before the end of input)", 1, 5);
        assertError("x {\n\ty = \"multi\n\tz = 3\n}", "unterminated string (no closing '\"' before the end of input)",
                2, 6);
        assertError("a = 'abc", "unterminated string (no closing \"'\" before the end of input)", 1, 5);
        assertError("\"key", "unterminated string (no closing '\"' before the end of input)", 1, 1);
        // a NUL ends the input, also inside a string
        assertError("a = \"ab\0cd\"", "unterminated string (no closing '\"' before the end of input)", 1, 5);
    }

    @Test
    void missingQuoteHint() {
        assertError("vg {\n\tid = \"abc\n\tseqno = 3\n\tformat = \"lvm2\"\n\tstatus = 1\n}\n",
                "unexpected 'status' (expected '=' or '{' after key 'lvm2\"'); the string opened at line 2 runs to"
                        + " line 4: is its closing quote missing?", 5, 2);
    }

    @Test
    void invalidUtf8() {
        byte[] text = {'a', ' ', '=', ' ', '"', 'x', (byte) 0xff, '"'};
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class,
                () -> ConfigParser.parse(text, "t", ParseOptions.fileForm()));
        assertEquals("invalid UTF-8 (byte 0xff) in string \"x\\xff\"", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(7, e.column());
        assertEquals(6, e.offset());
        byte[] key = {(byte) 0xc3, '(', ' ', '=', ' ', '1'};
        e = assertThrows(ConfigSyntaxException.class, () -> ConfigParser.parse(key, "t", ParseOptions.fileForm()));
        assertEquals("invalid UTF-8 (byte 0xc3) in '\\xc3('", e.getMessage());
        // overlong encodings and surrogates are not UTF-8 either
        for (byte[] bad : new byte[][] {{(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}}) {
            byte[] t = new byte[bad.length + 4];
            t[0] = 'a';
            t[1] = '=';
            t[2] = '"';
            System.arraycopy(bad, 0, t, 3, bad.length);
            t[t.length - 1] = '"';
            assertThrows(ConfigSyntaxException.class, () -> ConfigParser.parse(t, "t", ParseOptions.fileForm()));
        }
    }

    @Test
    void invalidUtf8InCommentsIsIgnored() {
        byte[] text = {'#', (byte) 0xff, '\n', 'a', '=', '1'};
        assertEquals(integer(1), ConfigParser.parse(text, "t", ParseOptions.fileForm()).value("a").orElseThrow());
    }

    @Test
    void columnsCountCharactersNotBytes() {
        assertError("s { ключ = }", "unexpected '}' (expected a value)", 1, 12);
        assertError("a = 1\n\t\tb c", "unexpected 'c' (expected '=' or '{' after key 'b')", 2, 5);
    }

    @Test
    void errorOffsetsAndLvm2Lines() {
        ConfigSyntaxException e = fails("a = \"x\ny\"\nb c");
        assertEquals(3, e.line());
        assertEquals(2, e.lvm2Line());
        assertEquals(12, e.offset());
    }

    @Test
    void describeNamesSourceLineAndColumn() {
        ConfigSyntaxException e = fails("a = }");
        assertEquals("vg.conf:1:5: unexpected '}' (expected a value)", e.describe("vg.conf"));
    }

    @Test
    void depth128IsAcceptedAnd129Refused() {
        assertEquals(1, file(nested(128)).nodes().size());
        ConfigSyntaxException e = fails(nested(129));
        assertEquals("sections nest deeper than 128 levels", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(129 * 4 - 1, e.column());
    }

    @Test
    void pathKeysCountTowardsDepth() {
        String deepPath = "a/".repeat(128) + "b = 1";
        assertEquals(1, file(deepPath).nodes().size());
        ConfigSyntaxException e = fails("a/".repeat(129) + "b = 1");
        assertEquals("sections nest deeper than 128 levels", e.getMessage());
        assertEquals(1, e.column());
        e = fails("a/".repeat(128) + "b { }");
        assertEquals("sections nest deeper than 128 levels", e.getMessage());
    }

    @Test
    void depthLimitIsAnOption() {
        ParseOptions shallow = ParseOptions.fileForm().withMaxDepth(2);
        byte[] three = nested(3).getBytes(StandardCharsets.UTF_8);
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class,
                () -> ConfigParser.parse(three, "t", shallow));
        assertEquals("sections nest deeper than 2 levels", e.getMessage());
    }

    @Test
    void veryDeepInputFailsCleanly() {
        String deep = "x {".repeat(1_000_000);
        ConfigSyntaxException e = fails(deep);
        assertEquals("sections nest deeper than 128 levels", e.getMessage());
        ParseOptions unlimited = ParseOptions.fileForm().withMaxDepth(Integer.MAX_VALUE);
        String balanced = "x {".repeat(200_000) + "}".repeat(200_000);
        ConfigDocument d = ConfigParser.parse(balanced.getBytes(StandardCharsets.UTF_8), "t", unlimited);
        assertEquals(1, d.nodes().size());
    }

    @Test
    void sizeLimitIsCheckedFirst() {
        ParseOptions small = ParseOptions.fileForm().withMaxBytes(10);
        byte[] text = "a = 1\nb = 2\n".getBytes(StandardCharsets.UTF_8);
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class, () -> ConfigParser.parse(text, "t", small));
        assertEquals("input is 12 bytes, over the limit of 10", e.getMessage());
        assertEquals(0, e.line());
        assertEquals("big.vg: input is 12 bytes, over the limit of 10", e.describe("big.vg"));
        assertEquals(2, ConfigParser.parse(text, "t", small.withMaxBytes(12)).nodes().size());
    }

    @Test
    void defaultSizeLimitIs64MiB() {
        assertEquals(67108864, ParseOptions.fileForm().maxBytes());
        byte[] huge = new byte[70_000_000];
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class,
                () -> ConfigParser.parse(huge, "t", ParseOptions.onDiskForm()));
        assertEquals("input is 70000000 bytes, over the limit of 67108864", e.getMessage());
    }

    @Test
    void optionsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ParseOptions(true, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ParseOptions(true, 1, -1));
        assertTrue(ParseOptions.fileForm().duplicateCheck());
        assertEquals(128, ParseOptions.onDiskForm().maxDepth());
    }

    private static String nested(int depth) {
        return "x { ".repeat(depth) + "}".repeat(depth);
    }
}
