package io.lvstack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LvstackExceptionTest {
    @Test
    void aMessageQuotingALineBreakStaysOnOneLine() {
        // Found by fuzzing: a quoted key holding a newline made a two-line parser message.
        assertEquals("after key ' 64\\x0a\\x09stripes' (expected '=')",
                new LvstackException("after key ' 64\n\tstripes' (expected '=')").getMessage());
        assertEquals("a\\x0db\\x7fc\\u0085d\\u2028e", new LvstackException("a\rb\u007fc\u0085d\u2028e", null).getMessage());
    }

    @Test
    void anOrdinaryMessageIsUnchanged() {
        String m = "vg0/lv1 segment 1: extent 7 is past the end of pv0 (size 6) – é";
        assertSame(m, LvstackException.oneLine(m));
        assertEquals(m, new LvstackException(m).getMessage());
        assertNull(new LvstackException(null).getMessage());
    }
}
