package io.lvstack.cli;

import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import java.nio.file.Path;

/** Reads the metadata a command names: a file, or standard input for {@code -}. */
final class MetadataInput {
    private MetadataInput() {
    }

    static ImportedVg read(MetadataFormat format, String file) {
        return "-".equals(file) ? format.read(System.in, "<stdin>") : format.read(Path.of(file));
    }
}
