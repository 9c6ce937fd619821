package io.lvstack.cli;

import io.lvstack.engine.ops.LvSize;
import picocli.CommandLine.Option;

/** {@code -L SIZE} or {@code -l EXTENTS}, as lvcreate, lvextend and lvreduce take them. */
final class SizeOptions {
    @Option(names = {"-L", "--size"}, paramLabel = "[+|-]SIZE",
            description = "Size with a unit (k, m, g, t, ...; MiB by default); + or - for a change (lvextend, lvreduce).")
    String size;

    @Option(names = {"-l", "--extents"}, paramLabel = "[+|-]EXTENTS", description = "Size in extents.")
    String extents;

    /** The size asked for: exactly one of the two, not zero. */
    LvSize size() {
        return SizeArgs.of(size, extents);
    }
}
