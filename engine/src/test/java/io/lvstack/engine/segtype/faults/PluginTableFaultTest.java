package io.lvstack.engine.segtype.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.dm.DmDevice;
import io.lvstack.engine.dm.DmTables;
import io.lvstack.engine.dm.TableBuilder;
import io.lvstack.engine.dm.TableOptions;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Call;
import io.lvstack.engine.segtype.faults.FaultySegmentType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables whose lines come from a failing plugin, or from one without a target: the LV is named, the rest built. */
class PluginTableFaultTest {

    @Test
    void aFailingTargetLineCostsThatLvItsTableOnly() {
        for (Kind kind : Kind.values()) {
            FaultyVg f = new FaultyVg("mirror", Corpus.DIR.resolve("mirror_disklog.vg"));
            String before = f.state();
            f.faulty.type.arm(Call.TARGET_LINE, 1, kind);
            DmTables t = TableBuilder.build(f.vg, TableOptions.defaults());
            f.faulty.type.disarm();
            assertEquals(List.of("vgm1-m_mlog", "vgm1-m_mimage_0", "vgm1-m_mimage_1", "vgm1-other"),
                    t.devices().stream().map(DmDevice::name).toList(), kind.name());
            assertEquals(List.of("vgm1/m: " + f.faulty.plugin() + " failed in targetLine of LV vgm1/m segment 1 (LE 0-5): "
                    + PluginFaults.thrown(Call.TARGET_LINE, kind, 1)), t.problems(), kind.name());
            assertEquals(before, f.state());
        }
    }

    @Test
    void aLoadedTypeWithoutTargetSaysSo() {
        FaultyVg f = new FaultyVg("mirror", Corpus.DIR.resolve("mirror_mirroredlog.vg"));
        f.faulty.type.targetless(true);
        DmTables t = TableBuilder.build(f.vg, TableOptions.defaults());
        assertEquals(List.of("vgm4/m_mlog: segment 1 is of type mirror, which has no device-mapper target",
                "vgm4/m: needs vgm4/m_mlog, whose table could not be built"), t.problems());
        assertEquals(List.of("vgm4-m_mlog_mimage_0", "vgm4-m_mlog_mimage_1", "vgm4-m_mimage_0", "vgm4-m_mimage_1"),
                t.devices().stream().map(DmDevice::name).toList());
    }
}
