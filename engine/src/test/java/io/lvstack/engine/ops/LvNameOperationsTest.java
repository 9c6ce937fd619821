package io.lvstack.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.NameRefusal;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * lvcreate and lvrename refuse names as LVM2 2.03.16 does, and change nothing then. Each message
 * is what real LVM2 printed for the same VG, restored from the corpus file with vgcfgrestore on
 * loop devices (activation off), and the status it exited with.
 */
class LvNameOperationsTest {
    private static final Engine ENGINE = Lvstack.engine();
    private static final MetadataFormat FORMAT = new MetadataFormat(ENGINE);

    private static VolumeGroup read(String file) {
        return FORMAT.read(Corpus.DIR.resolve(file)).vg();
    }

    private static String text(VolumeGroup vg) {
        return FORMAT.write(vg, FORMAT.read(Corpus.DIR.resolve("alloc.step1.vg")).header(), MetadataFormat.Form.FILE);
    }

    private static void assertRefused(VolumeGroup vg, String message, int status, Runnable op) {
        String before = text(vg);
        NameRefusal e = assertThrows(NameRefusal.class, op::run);
        assertEquals(message, e.getMessage());
        assertEquals(status, e.lvmStatus(), message);
        assertEquals(before, text(vg));
    }

    private static void create(VolumeGroup vg, String name) {
        new LvCreate(ENGINE, new LvmAllocator(), new LvStamp(1795573870L, "vm")).run(vg,
                new LvCreate.Request(name, LvSize.ofSize("4M"), 1, null, AllocPolicy.INHERIT, List.of(), null));
    }

    @Test
    void lvcreateRefusesBadAndReservedNames() {
        VolumeGroup vg = read("holes.step1.vg");
        assertRefused(vg, "Logical volume name \"bad name\" is invalid.", 3, () -> create(vg, "bad name"));
        assertRefused(vg, "Names including \"_mlog\" are reserved. Please choose a different LV name.", 3,
                () -> create(vg, "foo_mlog"));
        // LVM2 (VG vg): lvcreate -n <124 d> vg: Internal error: LV name "vg/ddd..." length 129 is not supported.
        String d = "d".repeat(123);
        assertRefused(vg, "Internal error: LV name \"vg4/" + d + "\" length 129 is not supported.", 5,
                () -> create(vg, d));
        create(vg, "b".repeat(121));
        create(vg, "a.b+c-d_e");
        assertTrue(Checker.check(vg).valid(), () -> Checker.check(vg).problems().toString());
    }

    /** lvrename vgm3 db NEW on mirror_3way.vg (db, db_mimage_0..2, db_mlog). */
    @Test
    void lvrenameRefusesSubLvNamesThatBreakLvm2sRules() {
        VolumeGroup vg = read("mirror_3way.vg");
        LvRename rename = new LvRename();
        String x122 = "x".repeat(122);
        assertRefused(vg, "New logical volume name \"" + x122 + "\" may not exceed 121 characters.", 3,
                () -> rename.run(vg, "db", x122));
        String x121 = "x".repeat(121);
        assertRefused(vg, "Cannot rename \"db_mimage_0\". New logical volume name \"" + x121 + "_mimage_0\" is invalid.",
                5, () -> rename.run(vg, "db", x121));
        // LVM2 names every LV too long, in the VG's order; lvstack the first
        String x116 = "x".repeat(116);
        assertRefused(vg, "Internal error: LV name \"vgm3/" + x116 + "_mimage_0\" length 132 is not supported.", 5,
                () -> rename.run(vg, "db", x116));
        String x112 = "x".repeat(112);
        assertRefused(vg, "Internal error: LV name \"vgm3/" + x112 + "_mimage_0\" length 128 is not supported.", 5,
                () -> rename.run(vg, "db", x112));
        assertRefused(vg, "Names including \"_mlog\" are reserved. Please choose a different LV name.", 3,
                () -> rename.run(vg, "db", "foo_mlog"));
        String before = text(vg);
        LvstackException e = assertThrows(LvstackException.class, () -> rename.run(vg, "db_mlog", "newlog"));
        assertEquals("Cannot rename internal LV \"db_mlog\".", e.getMessage());
        e = assertThrows(LvstackException.class, () -> rename.run(vg, "db_mimage_0", "newimg"));
        assertEquals("Cannot rename internal LV \"db_mimage_0\".", e.getMessage());
        assertEquals(before, text(vg));
        String y111 = "y".repeat(111);
        assertEquals(List.of("  Renamed \"db\" to \"" + y111 + "\" in volume group \"vgm3\""), rename.run(vg, "db", y111));
        assertEquals(List.of(y111, y111 + "_mimage_0", y111 + "_mimage_1", y111 + "_mimage_2", y111 + "_mlog"),
                vg.lvs().stream().map(l -> l.name()).toList());
        assertTrue(Checker.check(vg).valid(), () -> Checker.check(vg).problems().toString());
    }

    /** LVM2 renames an LV only with every LV below it named after it. */
    @Test
    void lvrenameRefusesAStackOfLvsNotNamedAfterTheirUser() {
        VolumeGroup shared = read("shared_lower.vg");
        assertRefused(shared, "Cannot rename \"up1\": name format not recognized for internal LV \"low\"", 5,
                () -> new LvRename().run(shared, "up1", "top1"));
        LvstackException e = assertThrows(LvstackException.class, () -> new LvRename().run(shared, "low", "bottom"));
        assertEquals("Cannot rename internal LV \"low\".", e.getMessage());
        VolumeGroup striped = read("stripe_on_lvs.vg");
        assertRefused(striped, "Cannot rename \"st\": name format not recognized for internal LV \"ua\"", 5,
                () -> new LvRename().run(striped, "st", "st2"));
    }
}
