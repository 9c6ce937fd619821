package io.lvstack.engine.report;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Work done once per report row. Rows are independent (fields only read the graph, formatting
 * only reads values), so large reports use every core; small ones are not worth a thread.
 */
final class RowWork {
    /** From this many rows on, rows are worked on in parallel. */
    static final int PARALLEL_ROWS = 2000;

    private RowWork() {
    }

    /** Runs {@code body} for each row index below {@code rows}, in no particular order. */
    static void forEachRow(int rows, IntConsumer body) {
        IntStream range = IntStream.range(0, rows);
        (rows >= PARALLEL_ROWS ? range.parallel() : range).forEach(body);
    }
}
