package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordingLvTraitsTest {
    private final RecordingLvTraits traits = new RecordingLvTraits();

    @Test
    void nothingSaidIsNothingShown() {
        assertEquals(List.of(), traits.calls());
        assertEquals('-', traits.attr(LvTraits.VOLUME_TYPE));
        assertEquals("", traits.layout());
        assertEquals("public", traits.role());
        assertEquals(Map.of(), traits.fields());
        assertEquals(Set.of(), traits.vgCounts());
    }

    @Test
    void theHighestPriorityWinsAndTheFirstOfEquals() {
        traits.attr(0, 'i', 15);
        traits.attr(0, 'm', 40);
        traits.attr(0, 'M', 40);
        traits.attr(6, 'm', 30);
        assertEquals('m', traits.attr(0));
        assertEquals('m', traits.attr(6));
        assertEquals('-', traits.attr(8));
        assertEquals(List.of("attr 0 i 15", "attr 0 m 40", "attr 0 M 40", "attr 6 m 30"), traits.calls());
    }

    @Test
    void onlyTheFourTypeCharactersCanBeSet() {
        assertEquals("lv_attr character 3 is not one a segment type sets (0, 6, 7 or 8)",
                assertThrows(IllegalArgumentException.class, () -> traits.attr(3, 'x', 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> traits.attr(9));
        assertEquals(List.of(), traits.calls());
    }

    @Test
    void layoutWordsBeatFallbackWords() {
        traits.fallbackLayout("linear");
        assertEquals("linear", traits.layout());
        traits.layout("cache");
        traits.layout("pool");
        traits.layout("cache");
        assertEquals("cache,pool", traits.layout());
        assertEquals(List.of("fallbackLayout linear", "layout cache", "layout pool", "layout cache"), traits.calls());
    }

    @Test
    void rolesFollowPublicOrPrivate() {
        traits.role("mirror");
        traits.role("image");
        assertEquals("public,mirror,image", traits.role());
        traits.privateLv();
        assertEquals("private,mirror,image", traits.role());
        assertEquals(List.of("role mirror", "role image", "privateLv"), traits.calls());
    }

    @Test
    void fieldsKeepTheirFirstValueAndCountsTheirNames() {
        FakeLv log = FakeLv.named("m_mlog");
        traits.field("mirror_log", new FieldValue.Lv(log));
        traits.field("mirror_log", new FieldValue.Text("later"));
        traits.field("move_pv", new FieldValue.Pv(FakePv.named("pv1")));
        traits.field("size", new FieldValue.Size(64));
        traits.field("n", new FieldValue.Number(3));
        traits.countInVg("snap_count");
        traits.countInVg("snap_count");
        assertEquals(new FieldValue.Lv(log), traits.fields().get("mirror_log"));
        assertEquals(List.of("mirror_log", "move_pv", "size", "n"), List.copyOf(traits.fields().keySet()));
        assertEquals(Set.of("snap_count"), traits.vgCounts());
        assertEquals(List.of("field mirror_log = LV m_mlog", "field mirror_log = \"later\"", "field move_pv = PV pv1",
                "field size = 64 sectors", "field n = 3", "countInVg snap_count", "countInVg snap_count"),
                traits.calls());
    }

    @Test
    void describesAnLvWithAType() {
        ToyType toy = new ToyType();
        FakeLv top = FakeLv.named("top");
        FakeLv log = FakeLv.named("log");
        top.addSegment(toy, new ToyFields(64), 8, 0).attach(ToyType.LOG, log);
        RecordingLvTraits t = RecordingLvTraits.describe(toy, top);
        assertEquals(List.of("layout toy", "attr 0 t 40", "field toy_log = LV log"), t.calls());
        assertEquals("toy", t.layout());
    }
}
