package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Engine;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataSourceException;
import io.lvstack.engine.text.ParseOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads the metadata a command names (a file, or standard input for {@code -}). Parsing needs no
 * engine, so the engine is assembled on the other core meanwhile: on a large VG the two take
 * about as long as each other.
 */
final class MetadataInput {
    /** What a command works on: the format (for writing back), the VG read, and the bytes it was read from. */
    record Loaded(MetadataFormat format, ImportedVg vg, byte[] bytes) {
    }

    private MetadataInput() {
    }

    static Loaded read(EngineOptions options, String file) {
        CompletableFuture<Engine> engine = CompletableFuture.supplyAsync(options::engine);
        MetadataFormat.Parsed parsed = parse(options, file, engine);
        MetadataFormat format = new MetadataFormat(join(engine));
        return new Loaded(format, format.read(parsed), parsed.bytes());
    }

    /** Reads for checking: every problem, an unreadable text being one. */
    static CheckReport check(EngineOptions options, Path file) {
        CompletableFuture<Engine> engine = CompletableFuture.supplyAsync(options::engine);
        MetadataFormat.Parsed parsed;
        try {
            parsed = parse(options, file.toString(), engine);
        } catch (MetadataSourceException e) {
            join(engine);
            return Checker.unreadable(e);
        }
        return new Checker(new MetadataFormat(join(engine))).check(parsed);
    }

    private static MetadataFormat.Parsed parse(EngineOptions options, String file, CompletableFuture<Engine> engine) {
        try {
            ParseOptions limits = MetadataFormat.parseOptions(options.configuration());
            if (!"-".equals(file)) {
                return MetadataFormat.parse(Path.of(file), limits);
            }
            return MetadataFormat.parse(MetadataFormat.bounded(System.in, "<stdin>", limits), "<stdin>", limits);
        } catch (IOException e) {
            join(engine);
            throw new LvstackException("<stdin>: cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            // An engine that cannot be assembled is the error to report first, as before parsing.
            join(engine);
            throw e;
        }
    }

    private static Engine join(CompletableFuture<Engine> engine) {
        try {
            return engine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
