package io.lvstack.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lvstack.api.LvstackException;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.disk.DiskVg;
import io.lvstack.engine.disk.DiskVgReader;
import io.lvstack.engine.dm.DmTables;
import io.lvstack.engine.dm.TableBuilder;
import io.lvstack.engine.dm.TableOptions;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataSourceException;
import io.lvstack.engine.picture.DotWriter;
import io.lvstack.engine.picture.StackPicture;
import io.lvstack.engine.picture.StackTree;
import io.lvstack.engine.report.Report;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import io.lvstack.engine.text.ConfigDocument;
import io.lvstack.engine.text.ConfigParser;
import io.lvstack.engine.text.ConfigSyntaxException;
import io.lvstack.engine.text.ParseOptions;
import java.time.ZoneOffset;

/**
 * Coverage-guided fuzz targets (Jazzer) for the paths hostile metadata text goes through: the
 * parser, the importer, the checker, the reports, and the tables and pictures of the stack. Each accepts only lvstack's documented error
 * type ({@link LvstackException} and its subclasses, docs/ARCHITECTURE.md "Errors") and only when
 * it is lvstack's own: a documented error that merely wraps another runtime exception (the
 * importer turns a failing plugin into "a segment-type plugin failed: ...") hides a bug and is a
 * finding too. Anything else propagates, and Jazzer reports it.
 *
 * <p>Without {@code JAZZER_FUZZ} (a plain {@code mvn verify}) each target runs once on the empty
 * input and on every file in {@code FuzzTargetsInputs/} (the whole LVM2 corpus, {@code bad/}
 * included as {@code bad-*.vg}) and {@code FuzzTargetsInputs/<target>/} (inputs that once failed).
 * {@code -Pfuzz} fuzzes them; see docs/RELIABILITY.md, "Hostile input: coverage-guided fuzzing".
 */
class FuzzTargets {
    private static final String SOURCE = "fuzz.vg";
    /** The default engine: every segment type on the class path (linear, striped, mirror). */
    private static final Engine ENGINE = Lvstack.engine();
    private static final MetadataFormat FORMAT = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC);
    /** The limits the engine's configuration sets, as the tool parses with. */
    private static final ParseOptions OPTIONS = MetadataFormat.parseOptions(ENGINE.configLayers());
    private static final Checker CHECKER = new Checker(FORMAT);
    /** How {@code MetadataFormat} words a non-lvstack exception it wraps (the checker keeps only the words). */
    private static final String WRAPPED = "a segment-type plugin failed: ";
    /** The columns of the corpus's {@code lvs -a} and {@code pvs --segments} reports. */
    private static final String LVS_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,"
            + "seg_pe_ranges,stripes,stripe_size,region_size,mirror_log,lv_attr";
    private static final String PVSEGS_FIELDS = "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Units SECTORS = Units.parse("s", true);

    /** The config parser on raw bytes, in both forms (file: duplicate check; on disk: siblings). */
    @FuzzTest
    void parser(byte[] input) {
        parseOne(input, ParseOptions.fileForm());
        parseOne(input, ParseOptions.onDiskForm());
    }

    private static void parseOne(byte[] input, ParseOptions options) {
        try {
            ConfigDocument doc = ConfigParser.parse(input, SOURCE, options);
            if (doc.nodes() == null || doc.warnings() == null) {
                throw new AssertionError("a parsed document without nodes or warnings");
            }
        } catch (ConfigSyntaxException e) {
            ownError(e);
        }
    }

    /** Parsing and importing with the default engine, as {@code MetadataFormat.read} does. */
    @FuzzTest
    void importer(byte[] input) {
        try {
            ImportedVg vg = FORMAT.read(input, SOURCE);
            if (vg.vg() == null) {
                throw new AssertionError("an import without a volume group");
            }
        } catch (LvstackException e) {
            ownError(e);
        }
    }

    /** The collecting read and every check, as {@code lvstack check} does: no input may escape it. */
    @FuzzTest
    void checker(byte[] input) {
        CheckReport report;
        try {
            report = CHECKER.check(MetadataFormat.parse(input, SOURCE, OPTIONS));
        } catch (MetadataSourceException e) {
            ownError(e);
            report = Checker.unreadable(e);
        }
        for (Problem p : report.problems()) {
            if (p.message().startsWith(WRAPPED)) {
                throw new AssertionError("the checker hid a foreign exception: " + p);
            }
        }
        if (report.valid() != report.errors().isEmpty()) {
            throw new AssertionError("valid() disagrees with errors(): " + report);
        }
    }

    /** Read, then {@code lvs -a} and {@code pvs --segments} in the corpus's columns and the defaults, plain and JSON. */
    @FuzzTest
    void report(byte[] input) {
        ImportedVg vg = readOrNull(input);
        if (vg == null) {
            return;
        }
        render(ReportBuilder.build(vg.vg(), ReportKind.LVS, LVS_FIELDS, null, true), SECTORS);
        render(ReportBuilder.build(vg.vg(), ReportKind.LVS, null, null, true), Units.human());
        render(ReportBuilder.build(vg.vg(), ReportKind.PVSEGS, PVSEGS_FIELDS, null, false), SECTORS);
        render(ReportBuilder.build(vg.vg(), ReportKind.PVS, null, null, false), Units.human());
    }

    /**
     * Read, then the device-mapper tables of every LV, the picture as DOT and the lvs tree. A
     * table that cannot be built is a per-LV message, never an exception; for a VG the checker
     * passes (the only VGs the tool builds tables for) each message is one line.
     */
    @FuzzTest
    void stack(byte[] input) {
        ImportedVg vg = readOrNull(input);
        if (vg == null) {
            return;
        }
        DmTables tables = TableBuilder.build(vg.vg(), TableOptions.defaults());
        // every LV vgchange -ay activates has its devices or a problem, but a pool its type makes no
        // device of (a cache pool)
        java.util.Set<String> accounted = new java.util.HashSet<>();
        tables.devices().forEach(d -> accounted.add(d.lv().fullName()));
        for (String p : tables.problems()) {
            if (!accounted.add(p.substring(0, Math.max(0, p.indexOf(": "))))) {
                throw new AssertionError("an LV with both tables and a problem, or two problems: " + tables);
            }
        }
        for (io.lvstack.engine.graph.LogicalVolume lv : TableBuilder.activated(vg.vg())) {
            if (!accounted.contains(lv.fullName()) && (lv.segments().isEmpty()
                    || !lv.segments().get(0).type().has(io.lvstack.api.SegmentCapability.POOL))) {
                throw new AssertionError("an LV with neither table nor problem: " + lv.fullName() + " " + tables);
            }
        }
        boolean valid = Checker.check(vg.vg()).errors().isEmpty();
        for (String p : tables.problems()) {
            if (p.isEmpty() || valid && !oneLine(p)) {
                throw new AssertionError("a table problem without a one-line message: " + p);
            }
        }
        tables.render();
        DotWriter.write(StackPicture.of(vg.vg()));
        StackTree.write(vg.vg(), Units.human(), true);
    }

    /** The image a {@link #device} input is written to: the reader works on files, as it does on devices. */
    private static final java.nio.file.Path DEVICE_IMAGE = deviceImage();

    private static java.nio.file.Path deviceImage() {
        try {
            java.nio.file.Path p = java.nio.file.Files.createTempFile("lvstack-fuzz-", ".img");
            p.toFile().deleteOnExit();
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The bytes as a PV image: label, PV header, metadata area header, the circular buffer and its
     * checksums, then the metadata text; a device that cannot be read is a one-line message. An
     * input whose length is odd is read as it is; an even one gets its checksums recomputed first
     * ({@link ChecksumFixer}), so mutations get past them to the headers and the text.
     */
    @FuzzTest
    void device(byte[] input) throws java.io.IOException {
        java.nio.file.Files.write(DEVICE_IMAGE, input.length % 2 == 0 ? ChecksumFixer.fix(input) : input);
        DiskVg vg;
        try {
            vg = new DiskVgReader(FORMAT, OPTIONS).read(java.util.List.of(DEVICE_IMAGE), java.util.List.of(), null);
        } catch (LvstackException e) {
            ownError(e);
            return;
        }
        for (Problem p : vg.problems()) {
            if (!oneLine(p.message())) {
                throw new AssertionError("a device problem without a one-line message: " + p);
            }
        }
    }

    /** The VG the text holds, or null when reading refused it with lvstack's own error (checked). */
    private static ImportedVg readOrNull(byte[] input) {
        try {
            return FORMAT.read(input, SOURCE);
        } catch (LvstackException e) {
            ownError(e);
            return null;
        }
    }

    /** A message a user can read on one line: not empty, no control characters. */
    private static boolean oneLine(String message) {
        return message != null && !message.isEmpty() && message.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static void render(Report report, Units units) {
        ReportFormat.basic(report, units, ReportFormat.Basic.DEFAULT);
        String json = ReportFormat.json(report, units);
        JsonNode rows;
        try {
            rows = JSON.readTree(json).path("report").path(0).path(report.kind().object());
        } catch (JsonProcessingException e) {
            throw new AssertionError("a JSON report that is not JSON: " + e.getOriginalMessage() + "\n" + json, e);
        }
        if (!rows.isArray() || rows.size() != report.rows().size()) {
            throw new AssertionError("a JSON report without its " + report.rows().size() + " rows:\n" + json);
        }
    }

    /**
     * Accepts a documented error only with a one-line message and no foreign exception inside it;
     * otherwise rethrows what it hides, as the finding.
     */
    private static void ownError(LvstackException e) {
        String message = e.getMessage();
        if (!oneLine(message)) {
            throw new AssertionError("a documented error without a one-line message: " + message, e);
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (!(c instanceof LvstackException)) {
                throw new AssertionError("a documented error caused by a foreign exception", e);
            }
        }
    }
}
