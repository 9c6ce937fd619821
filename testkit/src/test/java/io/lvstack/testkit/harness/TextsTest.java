package io.lvstack.testkit.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void equalTextsHaveNoDifference() {
        assertNull(Texts.firstDifference("a\nb\n", "a\nb\n"));
        Texts.assertSame("x", "", "");
    }

    @Test
    void theFirstDifferingLineIsNamed() {
        assertEquals("line 2: expected <b> but was <c>", Texts.firstDifference("a\nb\nx\n", "a\nc\ny\n"));
        assertEquals("line 3: expected <> but was <more>", Texts.firstDifference("a\nb\n", "a\nb\nmore"));
        assertEquals("line 2: expected <> but was (end of text)", Texts.firstDifference("a\n", "a"));
        assertEquals("t differs: line 1: expected <a> but was <b>",
                assertThrows(AssertionError.class, () -> Texts.assertSame("t", "a", "b")).getMessage());
    }
}
