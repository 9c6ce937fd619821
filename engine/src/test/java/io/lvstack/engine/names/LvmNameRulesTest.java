package io.lvstack.engine.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.engine.names.LvmNameRules.NameError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LVM2's name rules, each expected message as LVM2 2.03.16 printed it on loop devices (activation
 * off, as ../shared/docs/lvm2-lab.md shows): {@code lvcreate -an -Zn -L 4M -n NAME vg} and
 * {@code lvrename vg lv NAME} in a VG {@code vg}.
 */
class LvmNameRulesTest {
    static final String LONG_200 = "a".repeat(200);

    @Test
    void validateNameFollowsLvm2sOrderOfRules() {
        Map<String, NameError> cases = new LinkedHashMap<>();
        cases.put("", NameError.EMPTY);
        cases.put("-x", NameError.HYPHEN);
        cases.put("-", NameError.HYPHEN);
        cases.put("-bad name", NameError.HYPHEN); // the hyphen is looked at first
        cases.put(".", NameError.DOTS);
        cases.put("..", NameError.DOTS);
        cases.put("bad name", NameError.CHARSET);
        cases.put("x/y", NameError.CHARSET);
        cases.put("a\"b", NameError.CHARSET);
        cases.put("\u00e9", NameError.CHARSET);
        cases.put("a".repeat(128), NameError.LENGTH);
        cases.put(LONG_200, NameError.LENGTH);
        cases.put("a".repeat(127), null);
        cases.put("...", null);
        cases.put(".x", null);
        cases.put("a.b+c-d_e", null);
        cases.put("snapshot", null); // reserved words are valid names: LVM2 writes them itself
        cases.put("foo_mlog", null);
        cases.forEach((name, error) -> assertEquals(error, LvmNameRules.validate(name), name));
        assertEquals("Name contains invalid character, valid set includes: [a-zA-Z0-9.-_+].",
                NameError.CHARSET.message());
        assertEquals("Name length exceeds maximum limit of 127.", NameError.LENGTH.message());
    }

    @Test
    void reservedPrefixesAndStringsInLvm2sWords() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("snapshot", "Names starting \"snapshot\" are reserved. Please choose a different LV name.");
        cases.put("snapshot1", "Names starting \"snapshot\" are reserved. Please choose a different LV name.");
        cases.put("pvmove0", "Names starting \"pvmove\" are reserved. Please choose a different LV name.");
        cases.put("foo_mlog", "Names including \"_mlog\" are reserved. Please choose a different LV name.");
        cases.put("foo_mimage_0", "Names including \"_mimage\" are reserved. Please choose a different LV name.");
        cases.put("foo_rimage_1", "Names including \"_rimage\" are reserved. Please choose a different LV name.");
        cases.put("foo_tmeta", "Names including \"_tmeta\" are reserved. Please choose a different LV name.");
        cases.put("foo_cdata", "Names including \"_cdata\" are reserved. Please choose a different LV name.");
        cases.put("lvol0_pmspare", "Names including \"_pmspare\" are reserved. Please choose a different LV name.");
        cases.put("x_vorigin", "Names including \"_vorigin\" are reserved. Please choose a different LV name.");
        // the first word of LVM2's list wins, not the first in the name
        cases.put("_mlog_pvmove", "Names including \"_mlog\" are reserved. Please choose a different LV name.");
        cases.put("a_cdata_wcorig", "Names including \"_cdata\" are reserved. Please choose a different LV name.");
        // prefixes only at the start; substrings anywhere
        cases.put("mysnapshot", null);
        cases.put("lv_pvmove", null);
        cases.put("_rimagex", "Names including \"_rimage\" are reserved. Please choose a different LV name.");
        cases.put("a.b+c-d_e", null);
        cases.put("mlog", null);
        cases.forEach((name, message) -> assertEquals(message, LvmNameRules.restriction(name), name));
        for (String word : new String[] {"_cdata", "_cmeta", "_corig", "_cpool", "_cvol", "_wcorig", "_mimage",
                "_mlog", "_rimage", "_rmeta", "_tdata", "_tmeta", "_vdata", "_imeta", "_iorig", "_pmspare",
                "_vorigin"}) {
            assertEquals("Names including \"" + word + "\" are reserved. Please choose a different LV name.",
                    LvmNameRules.restriction("x" + word + "_1"), word);
        }
    }

    /** {@code lvcreate -n NAME}: invalid first, then reserved; both exit 3 in LVM2. */
    @Test
    void lvcreateNameParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("bad name", "Logical volume name \"bad name\" is invalid.");
        cases.put("a\"b", "Logical volume name \"a\"b\" is invalid.");
        cases.put(".", "Logical volume name \".\" is invalid.");
        cases.put("..", "Logical volume name \"..\" is invalid.");
        cases.put("-x", "Logical volume name \"-x\" is invalid.");
        cases.put("", "Logical volume name \"\" is invalid.");
        cases.put(LONG_200, "Logical volume name \"" + LONG_200 + "\" is invalid.");
        cases.put("snapshot", "Names starting \"snapshot\" are reserved. Please choose a different LV name.");
        cases.put("pvmove0", "Names starting \"pvmove\" are reserved. Please choose a different LV name.");
        cases.put("foo_rimage_1", "Names including \"_rimage\" are reserved. Please choose a different LV name.");
        cases.forEach((name, message) -> {
            NameRefusal e = assertThrows(NameRefusal.class, () -> LvmNameRules.requireNewLvNameParam(name), name);
            assertEquals(message, e.getMessage());
            assertEquals(NameRefusal.EINVALID_CMD_LINE, e.lvmStatus());
        });
        LvmNameRules.requireNewLvNameParam("a.b+c-d_e");
        LvmNameRules.requireNewLvNameParam("a".repeat(127)); // the VG-LV length is vg_validate's, later
    }

    /** {@code lvrename vg lv NEW}: LVM2 checks the room VG-LV leaves before anything else. */
    @Test
    void lvrenameNewNameParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(LONG_200, "New logical volume name \"" + LONG_200 + "\" may not exceed 123 characters.");
        cases.put("d".repeat(124), "New logical volume name \"" + "d".repeat(124) + "\" may not exceed 123 characters.");
        cases.put("", "New logical volume name may not be blank");
        cases.put("snapshot1", "Names starting \"snapshot\" are reserved. Please choose a different LV name.");
        cases.put("lvol0_pmspare", "Names including \"_pmspare\" are reserved. Please choose a different LV name.");
        cases.put("bad name", "New logical volume name \"bad name\" is invalid");
        cases.put(".", "New logical volume name \".\" is invalid");
        cases.put(" ", "New logical volume name \" \" is invalid");
        cases.put("lv", "Old and new logical volume names must differ");
        cases.forEach((name, message) -> {
            NameRefusal e = assertThrows(NameRefusal.class, () -> LvmNameRules.requireRenameParams("vg", "lv", name),
                    name);
            assertEquals(message, e.getMessage());
            assertEquals(NameRefusal.EINVALID_CMD_LINE, e.lvmStatus());
        });
        // 123 characters pass here; vg_validate then refuses vg/ + 123 (length 128) at the write
        LvmNameRules.requireRenameParams("vg", "lv", "c".repeat(123));
        // LVM2's room is unsigned: a VG name of 126 or 127 characters leaves no limit at all
        LvmNameRules.requireRenameParams("v".repeat(127), "lv", "x".repeat(10));
    }

    /** vgcreate NAME PV: LVM2 prints the reason, then {@code New volume group name "bad vg" is invalid.}, exit 3. */
    @Test
    void newVgNames() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("bad vg", "New volume group name \"bad vg\" is invalid. Name contains invalid character, valid set"
                + " includes: [a-zA-Z0-9.-_+].");
        cases.put("-vg", "New volume group name \"-vg\" is invalid. Name cannot start with hyphen.");
        cases.put("v".repeat(128), "New volume group name \"" + "v".repeat(128) + "\" is invalid. Name length exceeds"
                + " maximum limit of 127.");
        cases.forEach((name, message) -> {
            NameRefusal e = assertThrows(NameRefusal.class, () -> LvmNameRules.requireNewVgName(name), name);
            assertEquals(message, e.getMessage());
            assertEquals(NameRefusal.EINVALID_CMD_LINE, e.lvmStatus());
        });
        LvmNameRules.requireNewVgName("snapshot"); // reserved words are LV names' only
        LvmNameRules.requireNewVgName("v".repeat(127));
    }

    /** vg_validate: {@code Internal error: LV name "vg/ccc..." length 128 is not supported.}, exit 5. */
    @Test
    void theDeviceNameMustStayUnderNameLen() {
        assertNull(LvmNameRules.lengthProblem("vg", "b".repeat(122)));
        assertEquals("LV name \"vg/" + "c".repeat(123) + "\" length 128 is not supported.",
                LvmNameRules.lengthProblem("vg", "c".repeat(123)));
        assertEquals("LV name \"vg4/" + LONG_200 + "\" length 206 is not supported.",
                LvmNameRules.lengthProblem("vg4", LONG_200));
        // strlen counts bytes
        assertEquals("LV name \"vg/" + "\u00e9".repeat(62) + "\" length 129 is not supported.",
                LvmNameRules.lengthProblem("vg", "\u00e9".repeat(62)));
        NameRefusal e = assertThrows(NameRefusal.class, () -> LvmNameRules.requireFits("vg", "e".repeat(127)));
        assertEquals("Internal error: LV name \"vg/" + "e".repeat(127) + "\" length 132 is not supported.",
                e.getMessage());
        assertEquals(NameRefusal.ECMD_FAILED, e.lvmStatus());
        LvmNameRules.requireFits("vg", "b".repeat(122));
    }
}
