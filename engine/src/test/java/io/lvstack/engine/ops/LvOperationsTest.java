package io.lvstack.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each operation on corpus inputs: LVM2's resulting metadata exactly, the checker clean, and atomic under faults. */
class LvOperationsTest {
    private static final Engine ENGINE = Lvstack.engine();
    private static final MetadataFormat FORMAT = new MetadataFormat(ENGINE);
    private static final LvStamp STAMP = new LvStamp(1795573870L, "vm");

    private static VolumeGroup read(String file) {
        return FORMAT.read(Corpus.DIR.resolve(file)).vg();
    }

    /** The VG section as LVM2 wrote {@code file}, LV ids, creation times and hosts aside. */
    private static String expected(String file) {
        return comparable(Corpus.readString(Corpus.DIR.resolve(file)));
    }

    /** The VG as LVM2 writes it, after the checker has passed it. */
    private static String text(VolumeGroup vg) {
        assertTrue(Checker.check(vg).valid(), () -> "checker: " + Checker.check(vg).problems());
        return FORMAT.write(vg, FORMAT.read(Corpus.DIR.resolve("alloc.step1.vg")).header(), MetadataFormat.Form.FILE);
    }

    /** The VG as comparable text; the full text goes to real LVM2 under -Plvm2, as {@code ops/NAME}. */
    private static String actual(String name, VolumeGroup vg) {
        String text = text(vg);
        io.lvstack.engine.Lvm2Acceptance.check("ops/LvOperationsTest/" + name, text);
        return comparable(text);
    }

    static String comparable(String text) {
        StringBuilder b = new StringBuilder();
        boolean inVg = false;
        boolean inLvs = false;
        for (String l : text.split("\n", -1)) {
            inVg |= l.matches("^\\S+ \\{$");
            inLvs |= l.equals("\tlogical_volumes {");
            String t = l.trim();
            if (inVg && !t.startsWith("creation_time =") && !t.startsWith("creation_host =")
                    && !(inLvs && t.startsWith("id ="))) {
                b.append(l).append('\n');
            }
        }
        return b.toString();
    }

    private static LvCreate create() {
        return new LvCreate(ENGINE, new LvmAllocator(), STAMP);
    }

    private static LvCreate.Request linear(String name, String size) {
        return new LvCreate.Request(name, LvSize.ofSize(size), 1, null, AllocPolicy.INHERIT,
                List.of(), null);
    }

    @Test
    void lvcreateWithAllocAnywhereGivesStep2() {
        VolumeGroup vg = read("alloc.step1.vg");
        List<String> out = create().run(vg, new LvCreate.Request("any", LvSize.ofSize("24M"), 1, null,
                AllocPolicy.ANYWHERE, List.of(), null));
        assertEquals(List.of("  Logical volume \"any\" created."), out);
        assertEquals(expected("alloc.step2.vg"), actual("alloc.step2.vg", vg));
    }

    @Test
    void lvcreateStripedGivesStriped() {
        VolumeGroup vg = read("striped.step1.vg");
        create().run(vg, new LvCreate.Request("s3", LvSize.ofSize("96M"), 3, 256L, AllocPolicy.INHERIT, List.of(),
                null));
        assertEquals(expected("striped.step2.vg"), actual("striped.step2.vg", vg));
    }

    @Test
    void lvcreateRoundsUpToExtentsAndStripes() {
        VolumeGroup vg = read("striped.step1.vg");
        List<String> out = create().run(vg, new LvCreate.Request("odd", LvSize.ofSize("10M"), 2, null,
                AllocPolicy.INHERIT, List.of(), null));
        assertEquals(List.of("  Rounding up size to full physical extent 12.00 MiB",
                "  Using default stripesize 64.00 KiB.",
                "  Rounding size 12.00 MiB (3 extents) up to stripe boundary size 16.00 MiB (4 extents).",
                "  Logical volume \"odd\" created."), out);
        assertEquals(4, vg.lv("odd").extentCount());
    }

    @Test
    void lvcreateWithoutStripeSizeTakesTheConfiguredOne() {
        Engine engine = Lvstack.builder().set("segtype.striped.stripe_size", 256).build();
        VolumeGroup vg = new MetadataFormat(engine).read(Corpus.DIR.resolve("striped.step1.vg")).vg();
        LvCreate create = new LvCreate(engine, new LvmAllocator(), STAMP);
        List<String> out = create.run(vg, new LvCreate.Request("conf", LvSize.ofSize("8M"), 2, null,
                AllocPolicy.INHERIT, List.of(), null));
        assertEquals(List.of("  Using default stripesize 128.00 KiB.", "  Logical volume \"conf\" created."), out);
        assertEquals(256, stripeSize(vg, "conf"));
        // -I wins over the setting, and one stripe has no stripe size.
        create.run(vg, new LvCreate.Request("given", LvSize.ofSize("8M"), 2, 32L, AllocPolicy.INHERIT, List.of(),
                null));
        assertEquals(32, stripeSize(vg, "given"));
        create.run(vg, linear("one", "8M"));
        assertEquals(0, stripeSize(vg, "one"));
    }

    private static long stripeSize(VolumeGroup vg, String lv) {
        io.lvstack.engine.graph.Segment seg = vg.lv(lv).segments().get(0);
        return seg.type().stripeSize(seg);
    }

    @Test
    void lvcreateWithoutSpaceSaysSoAndChangesNothing() {
        VolumeGroup vg = read("alloc.step1.vg");
        String before = comparable(text(vg));
        LvstackException e = assertThrows(LvstackException.class, () -> create().run(vg, linear("huge", "1G")));
        assertEquals("Volume group \"vg6\" has insufficient free space (114 extents): 256 required.", e.getMessage());
        assertEquals(before, comparable(text(vg)));
        LvstackException ext = assertThrows(LvstackException.class, () -> new LvResize(io.lvstack.engine.Lvstack.engine(), new LvmAllocator())
                .extend(vg, "first", LvSize.ofSize("+1G"), AllocPolicy.INHERIT, List.of()));
        assertEquals("Insufficient free space: 256 extents needed, but only 114 available", ext.getMessage());
        assertEquals(before, comparable(text(vg)));
    }

    @Test
    void lvextendOntoNamedPvGivesMultisegStep3() {
        VolumeGroup vg = read("multiseg.step2.vg");
        List<PvRange> pvs = List.of(PvRange.whole(vg.pvs().get(1)));
        List<String> out = new LvResize(io.lvstack.engine.Lvstack.engine(), new LvmAllocator()).extend(vg, "a", LvSize.ofSize("+32M"),
                AllocPolicy.INHERIT, pvs);
        assertEquals(List.of("  Size of logical volume vg2/a changed from 32.00 MiB (8 extents) to 64.00 MiB (16"
                + " extents).", "  Logical volume vg2/a successfully resized."), out);
        assertEquals(expected("multiseg.step3.vg"), actual("multiseg.step3.vg", vg));
    }

    /** Messages as real LVM2 2.03.16 printed them for the same commands on holes.step11. */
    @Test
    void sizesAreRoundedAsLvm2RoundsThem() {
        VolumeGroup vg = read("holes.step11.vg");
        assertEquals(List.of("  Rounding up size to full physical extent 8.00 MiB", "  Logical volume \"a\" created."),
                create().run(vg, linear("a", "5M")));
        LvResize resize = new LvResize(io.lvstack.engine.Lvstack.engine(), new LvmAllocator());
        assertEquals(List.of("  Rounding size to boundary between physical extents: 4.00 MiB.",
                "  Size of logical volume vg4/a changed from 8.00 MiB (2 extents) to 12.00 MiB (3 extents).",
                "  Logical volume vg4/a successfully resized."),
                resize.extend(vg, "a", LvSize.ofSize("+3M"), AllocPolicy.INHERIT, List.of()));
        List<String> said = new ArrayList<>();
        LvstackException e = assertThrows(LvstackException.class, () -> resize.reduce(vg, "a", LvSize.ofSize("-1M"),
                said));
        assertEquals("New size (3 extents) matches existing size (3 extents).", e.getMessage());
        assertEquals(List.of("  Rounding size to boundary between physical extents: 0   ."), said);
        assertEquals(List.of("  Rounding size to boundary between physical extents: 4.00 MiB.",
                "  Size of logical volume vg4/a changed from 12.00 MiB (3 extents) to 8.00 MiB (2 extents).",
                "  Logical volume vg4/a successfully resized."), resize.reduce(vg, "a", LvSize.ofSize("-5M")));
        assertTrue(Checker.check(vg).valid());
    }

    @Test
    void lvreduceCutsFromTheEnd() {
        VolumeGroup vg = read("holes.step9.vg");
        new LvResize(io.lvstack.engine.Lvstack.engine(), new LvmAllocator()).reduce(vg, "v5", LvSize.ofSize("24M"));
        assertEquals(expected("holes.step10.vg"), actual("holes.step10.vg", vg));
    }

    @Test
    void lvremoveGivesHolesStep7AndRefusesUnknownLv() {
        VolumeGroup vg = read("holes.step6.vg");
        assertEquals(List.of("  Logical volume \"v2\" successfully removed."), new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "v2"));
        assertEquals(expected("holes.step7.vg"), actual("holes.step7.vg", vg));
        LvstackException e = assertThrows(LvstackException.class, () -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "v2"));
        assertEquals("Failed to find logical volume \"vg4/v2\"", e.getMessage());
    }

    @Test
    void lvremoveRefusesAnLvInUse() {
        VolumeGroup vg = read("mirror_disklog.vg");
        String leg = vg.lvs().stream().filter(l -> l.name().contains("_mimage_0")).findFirst().orElseThrow().name();
        LvstackException e = assertThrows(LvstackException.class, () -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, leg));
        assertEquals("Can't remove logical volume vgm1/" + leg + " used by a mirror.", e.getMessage());
        LvstackException log = assertThrows(LvstackException.class, () -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "m_mlog"));
        assertEquals("Can't remove logical volume vgm1/m_mlog used as mirror log.", log.getMessage());
        VolumeGroup stacked = read("stripe_on_lvs.vg");
        LvstackException lower = assertThrows(LvstackException.class, () -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(stacked, "ua"));
        assertEquals("Can't remove logical volume vgs1/ua used by LV vgs1/st segment 1 (LE 0-7) (1 reference)",
                lower.getMessage());
    }

    @Test
    void lvremoveOfAStripeOnLvsLeavesTheLowerLvsAndHiddenLvsAreNotResized() {
        VolumeGroup vg = read("stripe_on_lvs.vg");
        LvstackException e = assertThrows(LvstackException.class, () -> new LvResize(io.lvstack.engine.Lvstack.engine(), new LvmAllocator()).extend(vg,
                "ua", LvSize.ofExtents("+2"), AllocPolicy.INHERIT, List.of()));
        assertEquals("Can't resize internal logical volume vgs1/ua.", e.getMessage());
        new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "st");
        assertEquals(List.of("ua", "ub"), vg.lvs().stream().map(l -> l.name()).toList());
        assertTrue(Checker.check(vg).valid());
    }

    @Test
    void lvrenameAndLvchangeGiveAttrsSteps() {
        VolumeGroup vg = read("attrs.step7.vg");
        assertEquals(List.of("  Renamed \"ra\" to \"renamed\" in volume group \"vg5\""),
                new LvRename().run(vg, "ra", "renamed"));
        assertEquals(expected("attrs.step8.vg"), actual("attrs.step8.vg", vg));
        VolumeGroup vg6 = read("attrs.step6.vg");
        assertEquals(List.of("  Logical volume vg5/ra changed."),
                new LvChange(null, List.of("db", "tier1"), List.of()).run(vg6, "ra"));
        assertEquals(expected("attrs.step7.vg"), actual("attrs.step7.vg", vg6));
        VolumeGroup vg3 = read("attrs.step3.vg");
        new LvChange("r", List.of(), List.of()).run(vg3, "ro");
        assertEquals(expected("attrs.step4.vg"), actual("attrs.step4.vg", vg3));
    }

    @Test
    void lvrenameRenamesMirrorSubLvs() {
        VolumeGroup vg = read("mirror_disklog.vg");
        String top = vg.lvs().stream().filter(l -> l.name().endsWith("_mlog")).findFirst().orElseThrow().name()
                .replace("_mlog", "");
        new LvRename().run(vg, top, "renamed");
        assertTrue(vg.lv("renamed_mlog") != null && vg.lv("renamed_mimage_0") != null
                && vg.lv("renamed_mimage_1") != null);
        assertTrue(Checker.check(vg).valid());
    }

    @Test
    void pvchangeAndVgchangeGiveTheirSteps() {
        VolumeGroup vg = read("alloc.step4.vg");
        assertEquals(List.of("  Physical volume \"/dev/loop6\" changed",
                "  1 physical volume changed / 0 physical volumes not changed"),
                new PvChange(false, List.of(), List.of()).run(vg, List.of(vg.pvs().get(2))));
        assertEquals(expected("alloc.step5.vg"), actual("alloc.step5.vg", vg));
        VolumeGroup vg2 = read("attrs.step1.vg");
        new PvChange(null, List.of("fast"), List.of()).run(vg2, List.of(vg2.pvs().get(0)));
        assertEquals(expected("attrs.step2.vg"), actual("attrs.step2.vg", vg2));
    }

    // ---------------------------------------------------------------- faults

    @Test
    void lvremoveOfAMirrorIsAtomicUnderLinkFaults() {
        VolumeGroup vg = read("mirror_disklog.vg");
        String top = vg.lvs().get(0).name();
        assertTrue(FaultInjection.untilSuccess(Corpus.DIR.resolve("mirror_disklog.vg"), (e, v) -> {
        }, (e, v) -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(v, top)) > 0, "the operation made no link event");
    }

    /** An allocation whose Nth area lands on used extents makes the Nth area fail inside the change. */
    @Test
    void createAndExtendAreAtomicWhenAnyAreaFails() {
        for (String op : List.of("create", "extend")) {
            for (int n = 0; ; n++) {
                VolumeGroup vg = read("multiseg.step4.vg");
                String before = comparable(text(vg));
                int fail = n;
                int[] areas = {0};
                LvmAllocator real = new LvmAllocator();
                io.lvstack.engine.ops.alloc.ExtentAllocator broken = (v, r) -> {
                    Allocation a = real.allocate(v, r);
                    List<Allocation.Chunk> chunks = new ArrayList<>();
                    for (Allocation.Chunk c : a.chunks()) {
                        List<PvRange> rs = new ArrayList<>();
                        for (PvRange p : c.areas()) {
                            // Extent 0 of loop4 is used by LV a: the area is refused.
                            rs.add(areas[0]++ == fail ? new PvRange(vg.pvs().get(0), 0, p.count()) : p);
                        }
                        chunks.add(new Allocation.Chunk(c.length(), rs));
                    }
                    return new Allocation(chunks, a.log());
                };
                try {
                    if (op.equals("create")) {
                        new LvCreate(ENGINE, broken, STAMP).run(vg, linear("c", "200M"));
                    } else {
                        new LvResize(io.lvstack.engine.Lvstack.engine(), broken).extend(vg, "b", LvSize.ofSize("+40M"), AllocPolicy.INHERIT, List.of());
                    }
                } catch (RuntimeException e) {
                    assertEquals(before, comparable(text(vg)), op + " failing at area " + n);
                    continue;
                }
                assertTrue(n > 0, op + ": no area was made");
                break;
            }
        }
    }
}
