package io.lvstack.engine.report;

import java.util.function.Function;

/**
 * One report field, after LVM2's {@code columns.h}: its name, heading, minimum width, what it
 * describes and how to compute it. Text is left-aligned, numbers and sizes right-aligned.
 */
record Field(String name, String heading, int width, Level level, Function<ReportRow, Value> value) {
    /** What a field describes; segment fields make a report one row per segment. */
    enum Level { VG, LV, SEGMENT, PV, PVSEG }
}
