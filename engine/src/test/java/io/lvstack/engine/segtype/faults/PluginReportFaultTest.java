package io.lvstack.engine.segtype.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Call;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A report whose segment fields come from a failing plugin: the error names it, the graph is untouched. */
class PluginReportFaultTest {

    static Stream<Arguments> fields() {
        return Stream.of(Arguments.of(Call.DISPLAY_NAME, "segtype"), Arguments.of(Call.STRIPE_SIZE, "stripe_size"),
                Arguments.of(Call.REGION_SIZE, "region_size"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fields")
    void aFailingFieldFailsTheReport(Call call, String field) {
        FaultyVg f = new FaultyVg("mirror", Corpus.DIR.resolve("mirror_disklog.vg"));
        String before = f.state();
        f.faulty.type.arm(call, 1, Kind.RUNTIME);
        LvstackException e = assertThrows(LvstackException.class,
                () -> ReportBuilder.build(f.vg, ReportKind.LVS, "lv_name," + field, null, true));
        f.faulty.type.disarm();
        assertEquals(f.faulty.plugin() + " failed in " + call.method + " of LV vgm1/m segment 1 (LE 0-5): "
                + PluginFaults.thrown(call, Kind.RUNTIME, 1), e.getMessage());
        assertEquals(before, f.state());
    }

    /** {@code lv_attr} asks the types around the LV to describe it: a failing one names itself and the LV. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lv_attr", "lv_layout", "lv_role", "mirror_log"})
    void aFailingDescriptionFailsTheReport(String field) {
        FaultyVg f = new FaultyVg("mirror", Corpus.DIR.resolve("mirror_disklog.vg"));
        String before = f.state();
        f.faulty.type.arm(Call.DESCRIBE, 1, Kind.RUNTIME);
        LvstackException e = assertThrows(LvstackException.class,
                () -> ReportBuilder.build(f.vg, ReportKind.LVS, "lv_name," + field, null, true));
        f.faulty.type.disarm();
        assertEquals(f.faulty.plugin() + " failed in describe of vgm1/m: "
                + PluginFaults.thrown(Call.DESCRIBE, Kind.RUNTIME, 1), e.getMessage());
        assertEquals(before, f.state());
    }
}
