package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.MetadataException;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSectionBuilderTest {
    @Test
    void eachNodeTakesTheNextLine() {
        ConfigSection s = ConfigSectionBuilder.section("segment1").integer("a", 1).string("b", "x").real("c", 1.5)
                .build();
        assertEquals(List.of(new ConfigEntry("a", new ConfigValue.Int(1), 2),
                new ConfigEntry("b", ConfigValue.Str.of("x"), 3), new ConfigEntry("c", new ConfigValue.Real(1.5), 4)),
                s.children());
        assertEquals("segment1", s.key());
        assertEquals(1, s.line());
        assertEquals(5, s.endLine());
    }

    @Test
    void aSegmentBeginsAsLvm2WritesOne() {
        ConfigSection s = ConfigSectionBuilder.segment("segment2", 8, 4, "striped").atLine(30).integer("stripe_count", 1)
                .build();
        assertEquals(List.of(new ConfigEntry("start_extent", new ConfigValue.Int(8), 31),
                new ConfigEntry("extent_count", new ConfigValue.Int(4), 32),
                new ConfigEntry("type", ConfigValue.Str.of("striped"), 34),
                new ConfigEntry("stripe_count", new ConfigValue.Int(1), 35)), s.children());
        assertEquals(30, s.line());
        assertEquals(36, s.endLine());
    }

    @Test
    void nestedSectionsTakeTheirLinesWhereTheyStand() {
        ConfigSectionBuilder settings = ConfigSectionBuilder.section("policy_settings").atLine(99).integer("m", 2);
        ConfigSection s = ConfigSectionBuilder.section("seg").integer("a", 1).section(settings).integer("z", 3).build();
        ConfigSection nested = s.section("policy_settings").orElseThrow();
        assertEquals(3, nested.line());
        assertEquals(4, nested.lineOf("m"));
        assertEquals(5, nested.endLine());
        assertEquals(6, s.lineOf("z"));
        assertEquals(7, s.endLine());
        assertEquals(1, ConfigSectionBuilder.section("empty").build().line());
        assertEquals(2, ConfigSectionBuilder.section("empty").build().endLine());
    }

    @Test
    void aNestedSectionIsTakenAsItIsWhenAdded() {
        ConfigSectionBuilder child = ConfigSectionBuilder.section("c").integer("a", 1);
        ConfigSectionBuilder parent = ConfigSectionBuilder.section("p").section(child);
        child.integer("b", 2);
        assertEquals(1, parent.build().section("c").orElseThrow().children().size());
        parent.section(parent);
        assertEquals(2, parent.build().sections().size());
    }

    @Test
    void arraysTakeStringsNumbersAndValues() {
        ConfigSection s = ConfigSectionBuilder.section("s").array("stripes", "pv0", 0, "pv1", 8L, 1.5, ConfigValue.Str.of("v"))
                .array("empty").build();
        assertEquals(new ConfigValue.Array(List.of(ConfigValue.Str.of("pv0"), new ConfigValue.Int(0),
                ConfigValue.Str.of("pv1"), new ConfigValue.Int(8), new ConfigValue.Real(1.5), ConfigValue.Str.of("v"))),
                s.value("stripes").orElseThrow());
        assertEquals(new ConfigValue.Array(List.of()), s.value("empty").orElseThrow());
        assertEquals("an array element must be a String, Integer, Long, Double or ConfigValue, not java.lang.Character",
                assertThrows(IllegalArgumentException.class, () -> ConfigSectionBuilder.section("s").array("a", 'c'))
                        .getMessage());
    }

    @Test
    void errorsOfTheApiNameTheLinesCounted() {
        ConfigSection s = ConfigSectionBuilder.segment("segment1", 0, 8, "mirror").string("mirror_count", "2").build();
        MetadataException e = assertThrows(MetadataException.class, () -> s.requireInt("mirror_count"));
        assertEquals(6, e.line());
    }

    @Test
    void eachBuildMakesNewNodesAndBadInputIsRefused() {
        ConfigSectionBuilder b = ConfigSectionBuilder.section("s").integer("a", 1);
        assertNotSame(b.build(), b.build());
        assertEquals(b.build().children(), b.build().children());
        assertThrows(IllegalArgumentException.class, () -> b.integer("", 1));
        assertThrows(IllegalArgumentException.class, () -> b.atLine(0));
        assertThrows(NullPointerException.class, () -> b.value("k", null));
    }
}
