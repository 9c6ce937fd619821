package io.lvstack.engine.format;

import io.lvstack.api.LvstackException;
import io.lvstack.api.MetadataException;
import io.lvstack.engine.Engine;
import io.lvstack.engine.assembly.ConfigKeys;
import io.lvstack.engine.assembly.ConfigLayers;
import io.lvstack.engine.assembly.Settings;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.check.VgChecker;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.text.ConfigDocument;
import io.lvstack.engine.text.ConfigParser;
import io.lvstack.engine.text.ConfigSyntaxException;
import io.lvstack.engine.text.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * LVM2's text metadata format: reads metadata into a {@link VolumeGroup} and writes it back
 * exactly as LVM2 would. Read from a path, a stream, bytes or a string; write to a path
 * (atomically), a stream or a string. Every failure is an {@link LvstackException} whose message
 * names the source, line and column.
 */
public final class MetadataFormat {
    /** The two renderings of metadata text. */
    public enum Form {
        /** What {@code vgcfgbackup} writes: indented, commented, header first. */
        FILE,
        /** What LVM2 keeps in a PV's metadata area: no indentation or comments, header last. */
        ON_DISK
    }

    private final Engine engine;
    private final ParseOptions options;
    private final ZoneId zone;

    /** Configuration key: the largest metadata input read, in bytes. */
    public static final String MAX_BYTES = ConfigKeys.INPUT_MAX_BYTES.key();
    /** Configuration key: how deep sections may nest. */
    public static final String MAX_DEPTH = ConfigKeys.INPUT_MAX_DEPTH.key();

    /** The format with the limits of the engine's configuration and the local time zone. */
    public MetadataFormat(Engine engine) {
        this(engine, parseOptions(engine.configLayers()), ZoneId.systemDefault());
    }

    /**
     * The parser rules and limits a configuration asks for (file-form duplicate rules); a limit
     * its type does not allow is refused as the engine's build refuses it.
     */
    public static ParseOptions parseOptions(ConfigLayers config) {
        return ParseOptions.fileForm()
                .withMaxBytes(Integer.parseInt(Settings.checked(config, ConfigKeys.INPUT_MAX_BYTES).strip()))
                .withMaxDepth(Integer.parseInt(Settings.checked(config, ConfigKeys.INPUT_MAX_DEPTH).strip()));
    }

    /**
     * A metadata text read and parsed, not yet imported: parsing needs no engine, so a tool can
     * parse while the engine is being assembled, then {@link #read(Parsed)}.
     */
    public record Parsed(String source, byte[] bytes, ConfigDocument document) {
    }

    /** Reads and parses {@code path} under {@code options}; every failure names the file. */
    public static Parsed parse(Path path, ParseOptions options) {
        return parse(bytesOf(path, options), path.toString(), options);
    }

    public static Parsed parse(byte[] bytes, String sourceName, ParseOptions options) {
        try {
            return new Parsed(sourceName, bytes, ConfigParser.parse(bytes, sourceName, options));
        } catch (ConfigSyntaxException e) {
            throw new MetadataSourceException(sourceName, e.line(), e.column(), e.getMessage(), e);
        }
    }

    /** Imports a parsed text. */
    public ImportedVg read(Parsed parsed) {
        return importing(parsed.source(), () -> new VgImporter(engine, parsed.bytes(), false).read(parsed.document()));
    }

    private MetadataFormat(Engine engine, ParseOptions options, ZoneId zone) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = options;
        this.zone = zone;
    }

    /** The time zone of date comments; LVM2 uses the local one. */
    public MetadataFormat withZone(ZoneId zoneId) {
        return new MetadataFormat(engine, options, zoneId);
    }

    /** Parser rules and limits (duplicate keys, nesting depth, input size). */
    public MetadataFormat withParseOptions(ParseOptions parseOptions) {
        return new MetadataFormat(engine, parseOptions, zone);
    }

    public ImportedVg read(Path path) {
        return read(parse(path, options));
    }

    /** The bytes of a metadata file, with located errors for what the file system says. */
    private static byte[] bytesOf(Path path, ParseOptions options) {
        String name = path.toString();
        try {
            if (Files.isDirectory(path)) {
                throw new MetadataSourceException(name, 0, 0, "is a directory, not a metadata file", null);
            }
            long size = Files.size(path);
            if (size > options.maxBytes()) {
                throw new MetadataSourceException(name, 0, 0, "input is " + size + " bytes, over the limit of "
                        + options.maxBytes(), null);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return size > 0 ? sized(in, (int) size, name, options) : bounded(in, name, options);
            }
        } catch (NoSuchFileException e) {
            throw new MetadataSourceException(name, 0, 0, "no such file", null);
        } catch (AccessDeniedException e) {
            throw new MetadataSourceException(name, 0, 0, "permission denied", null);
        } catch (FileSystemException e) {
            // Its message repeats the path; the reason alone (e.g. "File name too long") is what is new.
            throw new MetadataSourceException(name, 0, 0, "cannot read: "
                    + (e.getReason() != null ? e.getReason() : e.getMessage()), null);
        } catch (IOException e) {
            throw new MetadataSourceException(name, 0, 0, "cannot read: " + e.getMessage(), null);
        }
    }

    public ImportedVg read(InputStream in, String sourceName) {
        try {
            return read(bounded(in, sourceName, options), sourceName);
        } catch (IOException e) {
            throw new MetadataSourceException(sourceName, 0, 0, "cannot read: " + e.getMessage(), null);
        }
    }

    /**
     * Reads a file that says it holds {@code size} bytes straight into one array of that size: a
     * stream of unknown length is read in pieces and copied, which costs a second copy of the
     * text. A file that changed meanwhile is read as it is now, within the limit.
     */
    private static byte[] sized(InputStream in, int size, String sourceName, ParseOptions options) throws IOException {
        byte[] bytes = new byte[size];
        int n = in.readNBytes(bytes, 0, size);
        if (n < size) {
            return Arrays.copyOf(bytes, n);
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = bounded(in, sourceName, options.withMaxBytes(Math.max(0, options.maxBytes() - size - 1)));
        byte[] all = Arrays.copyOf(bytes, size + 1 + rest.length);
        all[size] = (byte) next;
        System.arraycopy(rest, 0, all, size + 1, rest.length);
        return all;
    }

    /**
     * Reads a stream of unknown length (a device, a pipe or a /proc file says size 0 and may never
     * end), at most one byte past {@code options.maxBytes()}.
     *
     * @throws MetadataSourceException when the stream holds more than the limit
     */
    public static byte[] bounded(InputStream in, String sourceName, ParseOptions options) throws IOException {
        byte[] bytes = in.readNBytes(options.maxBytes() + 1);
        if (bytes.length > options.maxBytes()) {
            throw new MetadataSourceException(sourceName, 0, 0, "input is over the limit of " + options.maxBytes()
                    + " bytes", null);
        }
        return bytes;
    }

    public ImportedVg read(String text, String sourceName) {
        return read(text.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    public ImportedVg read(byte[] bytes, String sourceName) {
        return read(parse(bytes, sourceName, options));
    }

    /**
     * A read that goes on past references that cannot be made, for checking: what was read,
     * the problems met, and the areas left unassigned because of them.
     */
    public record CheckedRead(ImportedVg vg, List<Problem> problems, Set<VgChecker.SegmentArea> reportedAreas) {
    }

    /** Reads {@code path} for {@link io.lvstack.engine.check.Checker}: see {@link CheckedRead}. */
    public CheckedRead readCollecting(Path path) {
        return readCollecting(parse(path, options));
    }

    /** {@link #readCollecting(Path)} of a parsed text. */
    public CheckedRead readCollecting(Parsed parsed) {
        VgImporter importer = new VgImporter(engine, parsed.bytes(), true);
        ImportedVg vg = importing(parsed.source(), () -> importer.read(parsed.document()));
        return new CheckedRead(vg, importer.problems(), importer.reportedAreas());
    }

    /** Runs an import, turning every failure into a located, one-line error. */
    private static ImportedVg importing(String sourceName, java.util.function.Supplier<ImportedVg> body) {
        try {
            return body.get();
        } catch (MetadataSourceException e) {
            throw e;
        } catch (MetadataException e) {
            throw new MetadataSourceException(sourceName, e.line(), 0, e.getMessage(), e);
        } catch (LvstackException e) {
            throw new MetadataSourceException(sourceName, 0, 0, e.getMessage(), e);
        } catch (RuntimeException e) {
            // A plugin that fails while decoding: name it; the half-read graph is dropped.
            throw new MetadataSourceException(sourceName, 0, 0, "a segment-type plugin failed: " + e, e);
        }
    }

    /** The text of {@code vg} in {@code form}. */
    public String write(VolumeGroup vg, MetadataHeader header, Form form) {
        return new VgExporter(zone, "lvstack version " + io.lvstack.engine.Lvstack.version())
                .write(vg, header, form == Form.FILE);
    }

    public void write(VolumeGroup vg, MetadataHeader header, Form form, OutputStream out) {
        try {
            out.write(write(vg, header, form).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code path} atomically: it holds either its old content or the complete new one. */
    public void write(VolumeGroup vg, MetadataHeader header, Form form, Path path) {
        AtomicFile.write(path, write(vg, header, form).getBytes(StandardCharsets.UTF_8));
    }
}
