package io.lvstack.engine.segtype.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Call;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checking a VG while a plugin's validate fails at every call in turn: the failure is one error
 * at its segment, naming the plugin; the check goes on (no other problem is lost or invented)
 * and the graph is untouched.
 */
class PluginValidateFaultTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachFailingValidateIsOneProblemAtItsSegment(Kind kind) {
        FaultyVg f = new FaultyVg("striped", Corpus.DIR.resolve("mirror_disklog.vg"));
        String before = f.state();
        List<String> reportedAt = new ArrayList<>();
        for (int n = 1;; n++) {
            f.faulty.type.arm(Call.VALIDATE, n, kind);
            List<Problem> problems = Checker.check(f.vg).problems();
            boolean fired = f.faulty.type.seen() >= n;
            f.faulty.type.disarm();
            assertEquals(before, f.state(), "after a fault at validate call " + n);
            if (!fired) {
                assertEquals(List.of(), problems);
                break;
            }
            assertEquals(1, problems.size(), problems.toString());
            Problem p = problems.get(0);
            assertEquals(Problem.error(p.where(), f.faulty.plugin() + " failed in validate: "
                    + PluginFaults.thrown(Call.VALIDATE, kind, n)), p);
            reportedAt.add(p.where());
        }
        assertEquals(stripedSegments(f), new TreeSet<>(reportedAt));
        assertEquals(reportedAt.size(), new TreeSet<>(reportedAt).size(), reportedAt.toString());
    }

    /** Where the checker places a problem of each striped segment. */
    private static TreeSet<String> stripedSegments(FaultyVg f) {
        TreeSet<String> out = new TreeSet<>();
        for (LogicalVolume lv : f.vg.lvs()) {
            for (Segment s : lv.segments()) {
                if (s.type() == f.faulty.type) {
                    out.add(lv.fullName() + " segment " + s.number());
                }
            }
        }
        return out;
    }
}
