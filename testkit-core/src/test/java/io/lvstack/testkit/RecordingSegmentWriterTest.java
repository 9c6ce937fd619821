package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingSegmentWriterTest {
    private final FakeSegment seg = FakeLv.named("top").addSegment(new ToyType(), new ToyFields(1024), 8, 3);
    private final RecordingSegmentWriter out = new RecordingSegmentWriter(seg);

    @Test
    void everyCallIsALineAndANode() {
        ConfigSection verbatim = ConfigSectionBuilder.section("settings").integer("a", 1).build();
        out.integer("count", 2);
        out.integer("stripe_count", 1, "linear");
        out.size("region_size", 1024);
        out.string("log", "say \"hi\" \\ bye");
        out.verbatim(verbatim);
        assertEquals(List.of("count = 2", "stripe_count = 1  # linear", "region_size = 1024 (size)",
                "log = \"say \\\"hi\\\" \\\\ bye\"", "settings (verbatim)"), out.lines());
        assertEquals(List.of(new ConfigEntry("count", new ConfigValue.Int(2), 0),
                new ConfigEntry("stripe_count", new ConfigValue.Int(1), 0),
                new ConfigEntry("region_size", new ConfigValue.Int(1024), 0),
                new ConfigEntry("log", ConfigValue.Str.of("say \"hi\" \\ bye"), 0), verbatim), out.nodes());
    }

    @Test
    void areasNameFakePvsByNameOtherPvsByIdAndLvsByName() {
        seg.setPvArea(0, FakePv.named("pv0").setId("uuid-0"), 5);
        seg.setPvArea(1, new io.lvstack.api.model.PvView() {
            @Override
            public String id() {
                return "uuid-1";
            }

            @Override
            public String device() {
                return "";
            }

            @Override
            public long peStart() {
                return 0;
            }

            @Override
            public long peCount() {
                return 10;
            }
        }, 0);
        seg.setLvArea(2, FakeLv.named("lower"), 8);
        out.areas("legs");
        assertEquals(List.of("legs = [\"pv0\", 5, \"uuid-1\", 0, \"lower\", 8]"), out.lines());
        assertEquals(List.of(new ConfigEntry("legs", new ConfigValue.Array(List.of(ConfigValue.Str.of("pv0"),
                new ConfigValue.Int(5), ConfigValue.Str.of("uuid-1"), new ConfigValue.Int(0),
                ConfigValue.Str.of("lower"), new ConfigValue.Int(8))), 0)), out.nodes());
    }

    @Test
    void anUnassignedAreaCannotBeWritten() {
        seg.setLvArea(0, FakeLv.named("a"), 0);
        assertEquals("LV top segment at LE 0 has unassigned area 1, which metadata cannot express",
                assertThrows(LvstackException.class, () -> out.areas("legs")).getMessage());
        assertEquals(List.of(), out.lines());
    }

    @Test
    void encodesASegmentWithItsOwnType() {
        for (int i = 0; i < 3; i++) {
            seg.setLvArea(i, FakeLv.named("leg" + i), 0);
        }
        seg.attach(ToyType.LOG, FakeLv.named("log"));
        assertEquals(List.of("toy_count = 3", "toy_log = \"log\"", "region = 1024 (size)",
                "legs = [\"leg0\", 0, \"leg1\", 0, \"leg2\", 0]"), RecordingSegmentWriter.encode(seg).lines());
    }
}
