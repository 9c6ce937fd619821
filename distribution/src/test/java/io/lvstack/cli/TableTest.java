package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void padsEachColumnToItsWidestCellButNotTheLast() {
        StringWriter s = new StringWriter();
        new Table(List.of("A", "BB", "C"))
                .add(List.of("long", "x", "tail"))
                .add(List.of("y", "wider", "z"))
                .print(new PrintWriter(s, true));
        assertEquals(List.of(
                "A     BB     C",
                "long  x      tail",
                "y     wider  z"), s.toString().lines().toList());
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        Table t = new Table(List.of("A", "B"));
        assertThrows(IllegalArgumentException.class, () -> t.add(List.of("only one")));
    }
}
