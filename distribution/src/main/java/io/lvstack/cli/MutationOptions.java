package io.lvstack.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --file IN} and {@code --output OUT}, shared by every command that changes metadata, with
 * the activation-only options LVM2 scripts pass to such commands, which are accepted and ignored.
 */
final class MutationOptions {
    static final String MIXIN = "mutationOptions";

    @Option(names = "--file", required = true, paramLabel = "IN",
            description = "The metadata file to change (as vgcfgbackup writes it).")
    Path file;

    @Option(names = "--output", paramLabel = "OUT",
            description = "Writes the result to OUT; without it IN is rewritten atomically and its previous version"
                    + " kept as IN.archive/VG_NNNNN.vg.")
    Path output;

    @Mixin
    ActivationOptions activation;
}
