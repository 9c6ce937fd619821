package io.lvstack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What each setting type allows and says it allows, and defaults that must fit their type. */
class SettingTest {
    private static List<Boolean> accepts(SettingType type, String... values) {
        return Stream.of(values).map(type::accepts).toList();
    }

    @Test
    void eachTypeSaysWhatItAllowsAndAllowsJustThat() {
        assertEquals("true or false", SettingType.bool().allowed());
        assertEquals(List.of(true, true, true, false, false, false), accepts(SettingType.bool(), "true", " FALSE ",
                "True", "yes", "1", ""));
        assertEquals("skip", SettingType.oneOf("skip").allowed());
        assertEquals("skip or fail", SettingType.oneOf("skip", "fail").allowed());
        assertEquals("a, b or c", SettingType.oneOf("a", "b", "c").allowed());
        assertEquals(List.of(true, false, false), accepts(SettingType.oneOf("skip", "fail"), "fail", "Fail", "skip "));
        assertEquals("a whole number from 1 to 10", SettingType.integer(1, 10).allowed());
        assertEquals(List.of(true, true, true, false, false, false, false), accepts(SettingType.integer(1, 10), "1",
                "10", " 5 ", "0", "11", "5.0", "99999999999999999999"));
        assertEquals("a power of two from 8 to 64", SettingType.powerOfTwo(8, 64).allowed());
        assertEquals(List.of(true, true, false, false, false, false), accepts(SettingType.powerOfTwo(8, 64), "8",
                "64", "4", "128", "24", "x"));
        assertEquals(List.of(true, true), accepts(SettingType.text(), "", "any, thing"));
        assertEquals("a comma-separated list", SettingType.list().allowed());
    }

    @Test
    void aDefaultMustBeAValueOfItsType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Setting("size", SettingType.powerOfTwo(8, 64), "100", "A size."));
        assertEquals("setting size: default '100' is not a power of two from 8 to 64", e.getMessage());
        // Empty: no default.
        assertEquals("", new Setting("dirs", SettingType.list(), "", "Directories.").defaultValue());
        assertEquals(new Setting("segtype.x.size", SettingType.text(), "1", "A size.").key(),
                new Setting("size", SettingType.text(), "1", "A size.").prefixed("segtype.x.").key());
    }
}
