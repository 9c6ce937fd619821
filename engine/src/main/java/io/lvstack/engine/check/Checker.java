package io.lvstack.engine.check;

import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataSourceException;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates a volume group completely and reports every problem, not only the first: what
 * reading found (references that could not be made, warnings), then LVM2's rules and lvstack's
 * own over the graph ({@link VgChecker}). A text that cannot be read at all (a syntax error, an
 * unknown status word) is one problem.
 */
public final class Checker {
    private final MetadataFormat format;

    public Checker(MetadataFormat format) {
        this.format = format;
    }

    /** Reads and checks a metadata file. */
    public CheckReport check(Path file) {
        return check(() -> format.readCollecting(file));
    }

    /** Checks a text already parsed (see {@link MetadataFormat#parse}). */
    public CheckReport check(MetadataFormat.Parsed parsed) {
        return check(() -> format.readCollecting(parsed));
    }

    /** Turns a located failure of {@code parse} into the one problem of the report. */
    public static CheckReport unreadable(MetadataSourceException e) {
        String where = e.source() + (e.line() > 0 ? ":" + e.line() + (e.column() > 0 ? ":" + e.column() : "") : "");
        return new CheckReport("", List.of(Problem.error(where, e.detail())));
    }

    private CheckReport check(java.util.function.Supplier<MetadataFormat.CheckedRead> reading) {
        MetadataFormat.CheckedRead read;
        try {
            read = reading.get();
        } catch (MetadataSourceException e) {
            return unreadable(e);
        }
        return report(read.vg(), read.problems(), read.reportedAreas());
    }

    /** Checks a graph, for example after an operation. */
    public static CheckReport check(VolumeGroup vg) {
        return new CheckReport(vg.name(), VgChecker.check(vg, Set.of()));
    }

    private static CheckReport report(ImportedVg vg, List<Problem> readProblems,
            Set<VgChecker.SegmentArea> reported) {
        List<Problem> all = new ArrayList<>();
        for (String w : vg.warnings()) {
            all.add(Problem.warning(vg.vg().name(), w));
        }
        all.addAll(readProblems);
        all.addAll(VgChecker.check(vg.vg(), reported));
        return new CheckReport(vg.vg().name(), all);
    }
}
