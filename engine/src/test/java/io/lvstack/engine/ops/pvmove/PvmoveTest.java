package io.lvstack.engine.ops.pvmove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataHeader;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.FirstFreeAllocator;
import io.lvstack.engine.ops.OpsFixture;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.PvRange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pvmove against the corpus: {@code ops/pvmove.before.vg} is {@code pvmove.vg} (written by LVM2
 * during a move) taken back by hand to its pre-move state: a on pv0:0-2, b on pv0:3-4, c on pv1.
 */
class PvmoveTest {
    static final Path BEFORE = OpsFixture.DIR.resolve("pvmove.before.vg");
    static final Path COMPLETED = OpsFixture.DIR.resolve("pvmove.completed.vg");
    static final Path DURING = Corpus.DIR.resolve("pvmove.vg");
    static final String ID = "W00000-0000-0000-0000-0000-0000-000001";

    private final Engine engine = OpsFixture.engine();
    private final Pvmove pvmove = new Pvmove(engine, new FirstFreeAllocator());
    private final ImportedVg before = OpsFixture.read(engine, BEFORE);
    private final VolumeGroup vg = before.vg();
    private final MetadataHeader header = before.header();

    private LogicalVolume setUpWholePv0ToPv3() {
        return pvmove.setUp(vg, PvmoveSpec.wholePv(vg.pvs().get(0), List.of(vg.pvs().get(3)), 1024, ID,
                LvProperties.NONE));
    }

    /** LVM2's pvmove.vg plus the allocation policy real pvmove gives its LV (the corpus file was written by hand). */
    static String expectedDuring() {
        String corpus = OpsFixture.text(DURING);
        String marker = "\t\t\tstatus = [\"READ\", \"WRITE\", \"PVMOVE\", \"LOCKED\"]\n\t\t\tflags = []\n";
        return corpus.replace(marker, marker + "\t\t\tallocation_policy = \"contiguous\"\n");
    }

    @Test
    void setUpGivesLvm2sPvmoveState() {
        LogicalVolume layer = setUpWholePv0ToPv3();
        assertEquals("pvmove0", layer.name());
        OpsFixture.assertValid(vg);
        assertEquals(expectedDuring(), OpsFixture.write(engine, vg, OpsFixture.read(engine, DURING).header()));
    }

    @Test
    void expectedStateDiffersFromCorpusOnlyInAllocationPolicy() {
        String corpus = OpsFixture.text(DURING);
        String ours = expectedDuring();
        assertEquals(corpus.lines().count() + 1, ours.lines().count());
        assertEquals(corpus, ours.replace("\t\t\tallocation_policy = \"contiguous\"\n", ""));
    }

    @Test
    void completeMapsUsersOntoTheDestination() {
        LogicalVolume layer = setUpWholePv0ToPv3();
        List<LogicalVolume> changed = pvmove.complete(vg, layer);
        assertEquals(List.of("a", "b"), changed.stream().map(LogicalVolume::name).toList());
        OpsFixture.assertValid(vg);
        OpsFixture.assertTextOf(COMPLETED, OpsFixture.write(engine, vg, header));
        assertEquals(0, vg.pvs().get(0).extents().allocatedCount());
    }

    @Test
    void abortGivesBackThePreMoveState() {
        LogicalVolume layer = setUpWholePv0ToPv3();
        pvmove.abort(vg, layer);
        OpsFixture.assertValid(vg);
        OpsFixture.assertTextOf(BEFORE, OpsFixture.write(engine, vg, header));
        assertEquals(0, vg.pvs().get(3).extents().allocatedCount());
    }

    /** pvmove /dev/loop4:1-3: a and b are split at the range's edges; only the middle moves. */
    @Test
    void rangeSplitsUsersAtItsEdges() {
        LogicalVolume layer = pvmove.setUp(vg, new PvmoveSpec(List.of(new PvRange(vg.pvs().get(0), 1, 3)),
                List.of(vg.pvs().get(3)), AllocPolicy.CONTIGUOUS, 1024, ID, LvProperties.NONE, null));
        OpsFixture.assertValid(vg);
        // Both texts were restored by real LVM2 (lvm2-oracle): accepted, and re-exported identically.
        OpsFixture.assertTextOf(OpsFixture.DIR.resolve("pvmove.range.during.vg"),
                OpsFixture.write(engine, vg, header));
        assertEquals(List.of("pv0:0+1", "pvmove0:0+2"), layout(vg.lv("a")));
        assertEquals(List.of("pvmove0:2+1", "pv0:4+1"), layout(vg.lv("b")));
        assertEquals(List.of("pv0:1+2|pv3:0", "pv0:3+1|pv3:2"), layout(layer));

        pvmove.complete(vg, layer);
        OpsFixture.assertValid(vg);
        assertEquals(List.of("pv0:0+1", "pv3:0+2"), layout(vg.lv("a")));
        assertEquals(List.of("pv3:2+1", "pv0:4+1"), layout(vg.lv("b")));
        OpsFixture.assertTextOf(OpsFixture.DIR.resolve("pvmove.range.completed.vg"),
                OpsFixture.write(engine, vg, header));
        assertEquals(false, vg.lv("a").has(LvStatus.LOCKED));
        assertEquals(null, vg.lv("pvmove0"));
    }

    @Test
    void abortOfARangeReMergesTheSplitSegments() {
        LogicalVolume layer = pvmove.setUp(vg, new PvmoveSpec(List.of(new PvRange(vg.pvs().get(0), 1, 3)),
                List.of(vg.pvs().get(3)), AllocPolicy.CONTIGUOUS, 1024, ID, LvProperties.NONE, null));
        pvmove.abort(vg, layer);
        OpsFixture.assertValid(vg);
        OpsFixture.assertTextOf(BEFORE, OpsFixture.write(engine, vg, header));
    }

    @Test
    void destinationRangesLimitTheAllocation() {
        LogicalVolume layer = pvmove.setUp(vg, PvmoveSpec.toRanges(List.of(PvRange.whole(vg.pvs().get(0))),
                List.of(new PvRange(vg.pvs().get(3), 10, 2), new PvRange(vg.pvs().get(3), 20, 11)),
                AllocPolicy.NORMAL, 1024, ID, LvProperties.NONE, null));
        OpsFixture.assertValid(vg);
        // the first-free test allocator fills the given ranges in order; nothing lands outside them
        assertEquals(List.of("pv0:0+2|pv3:10", "pv0:2+1|pv3:20", "pv0:3+2|pv3:21"), layout(layer));
        assertEquals(List.of(vg.pvs().get(3)), PvmoveSpec.toRanges(List.of(PvRange.whole(vg.pvs().get(0))),
                List.of(new PvRange(vg.pvs().get(3), 10, 2), new PvRange(vg.pvs().get(3), 20, 11)),
                AllocPolicy.NORMAL, 1024, ID, LvProperties.NONE, null).destinations());
    }

    @Test
    void destinationRangesMustBeOnDestinationPvs() {
        LvstackException e = assertThrows(LvstackException.class, () -> new PvmoveSpec(
                List.of(PvRange.whole(vg.pvs().get(0))), List.of(vg.pvs().get(2)), AllocPolicy.CONTIGUOUS, 1024, ID,
                LvProperties.NONE, null, List.of(new PvRange(vg.pvs().get(3), 0, 5))));
        assertEquals("Destination range on /dev/loop7 is not on a destination PV", e.getMessage());
    }

    @Test
    void destinationsAreUsedInTheGivenOrder() {
        LogicalVolume layer = pvmove.setUp(vg, new PvmoveSpec(List.of(PvRange.whole(vg.pvs().get(0))),
                List.of(vg.pvs().get(2), vg.pvs().get(3)), AllocPolicy.CONTIGUOUS, 1024, ID, LvProperties.NONE, null));
        OpsFixture.assertValid(vg);
        assertEquals(List.of("pvmove0:0+3"), layout(vg.lv("a")));
        assertEquals(List.of("pv0:0+3|pv2:0", "pv0:3+2|pv2:3"), layout(layer));
        pvmove.complete(vg, layer);
        OpsFixture.assertValid(vg);
        assertEquals(List.of("pv2:0+3"), layout(vg.lv("a")));
        assertEquals(List.of("pv2:3+2"), layout(vg.lv("b")));
    }

    /** Only pv1:2-3 is free once d fills the rest of pv1, so a's 3 extents go 2 to pv1 and 1 to pv3. */
    private void fillPv1() {
        vg.apply(ed -> {
            LogicalVolume d = ed.createLv("d", "DDDDDD-0000-0000-0000-0000-0000-000000",
                    java.util.EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE), List.of(), LvProperties.NONE);
            var seg = ed.addSegment(d, vg.lv("c").segments().get(0).type(), vg.lv("c").segments().get(0).fields(), 0,
                    27, 1, List.of());
            ed.setPvArea(seg, 0, vg.pvs().get(1), 4);
        });
    }

    /** Destination space in two runs: the user segment crossing the run boundary is split to match. */
    @Test
    void splitAcrossTwoDestinationRuns() {
        fillPv1();
        LogicalVolume layer = pvmove.setUp(vg, new PvmoveSpec(List.of(PvRange.whole(vg.pvs().get(0))),
                List.of(vg.pvs().get(1), vg.pvs().get(3)), AllocPolicy.CONTIGUOUS, 1024, ID, LvProperties.NONE, null));
        OpsFixture.assertValid(vg);
        assertEquals(List.of("pvmove0:0+2", "pvmove0:2+1"), layout(vg.lv("a")));
        assertEquals(List.of("pv0:0+2|pv1:2", "pv0:2+1|pv3:0", "pv0:3+2|pv3:1"), layout(layer));
        pvmove.complete(vg, layer);
        OpsFixture.assertValid(vg);
        assertEquals(List.of("pv1:2+2", "pv3:0+1"), layout(vg.lv("a")));
        assertEquals(List.of("pv3:1+2"), layout(vg.lv("b")));
    }

    /** A 2-stripe LV s (pv0:10-13, pv1:10-13): LE boundaries are area offsets times the stripe count. */
    private LogicalVolume addStriped() {
        return OpsFixture.addTwoStripeLv(engine, vg, "s", "SSSSSS-0000-0000-0000-0000-0000-000000", 4, 10);
    }

    @Test
    void rangeInsideAStripedLvSplitsAtStripeMultiples() {
        LogicalVolume s = addStriped();
        String before = OpsFixture.write(engine, vg, header);
        LogicalVolume layer = pvmove.setUp(vg, new PvmoveSpec(List.of(new PvRange(vg.pvs().get(0), 11, 2)),
                List.of(vg.pvs().get(3)), AllocPolicy.CONTIGUOUS, 1024, ID, LvProperties.NONE, null));
        OpsFixture.assertValid(vg);
        assertEquals(List.of("pv0:10+1|pv1:10", "pvmove0:0+2|pv1:11", "pv0:13+1|pv1:13"), layout(s));
        assertEquals(List.of(0L, 2L, 6L), s.segments().stream().map(x -> x.le()).toList());
        assertEquals(List.of("pv0:11+2|pv3:0"), layout(layer));
        // Restored by real LVM2 (lvm2-oracle): accepted and re-exported identically.
        OpsFixture.assertTextOf(OpsFixture.DIR.resolve("pvmove.striped.during.vg"),
                OpsFixture.write(engine, vg, header));

        pvmove.abort(vg, layer);
        OpsFixture.assertValid(vg);
        assertEquals(before, OpsFixture.write(engine, vg, header));
    }

    @Test
    void aMoveInProgressIsFoundByItsSourcePv() {
        assertEquals(java.util.Optional.empty(), Pvmove.inProgress(vg, vg.pvs().get(0)));
        LogicalVolume layer = setUpWholePv0ToPv3();
        assertEquals(java.util.Optional.of(layer), Pvmove.inProgress(vg, vg.pvs().get(0)));
        assertEquals(java.util.Optional.empty(), Pvmove.inProgress(vg, vg.pvs().get(3)));
        LvstackException e = assertThrows(LvstackException.class, () -> pvmove.setUp(vg, PvmoveSpec.wholePv(
                vg.pvs().get(0), List.of(vg.pvs().get(2)), 1024, "OTHER0-0000-0000-0000-0000-0000-000000",
                LvProperties.NONE)));
        assertEquals("All data on source PV skipped. It contains locked, hidden or non-top level LVs only.",
                e.getMessage());
        pvmove.complete(vg, layer);
        assertEquals(java.util.Optional.empty(), Pvmove.inProgress(vg, vg.pvs().get(0)));
    }

    @Test
    void nothingToMoveIsRefused() {
        String text = OpsFixture.write(engine, vg, header);
        LvstackException e = assertThrows(LvstackException.class, () -> pvmove.setUp(vg,
                PvmoveSpec.wholePv(vg.pvs().get(2), List.of(vg.pvs().get(3)), 1024, ID, LvProperties.NONE)));
        assertEquals("No data to move for vgp1.", e.getMessage());
        assertEquals(text, OpsFixture.write(engine, vg, header));
    }

    @Test
    void noRoomIsRefusedAndRolledBack() {
        fillPv1();
        String text = OpsFixture.write(engine, vg, header);
        LvstackException e = assertThrows(LvstackException.class, () -> pvmove.setUp(vg,
                new PvmoveSpec(List.of(PvRange.whole(vg.pvs().get(0))), List.of(vg.pvs().get(1)),
                        AllocPolicy.CONTIGUOUS, 1024, ID, LvProperties.NONE, null)));
        // LVM2's last line, after its allocator's reason
        assertEquals("Failed to convert pvmove LV to mirrored.", e.getMessage());
        assertEquals("Insufficient free space: 5 extents needed, but only 2 available", e.getCause().getMessage());
        assertEquals(text, OpsFixture.write(engine, vg, header));
    }

    @Test
    void sourceAsDestinationIsRefused() {
        LvstackException e = assertThrows(LvstackException.class,
                () -> PvmoveSpec.wholePv(vg.pvs().get(0), List.of(vg.pvs().get(0)), 1024, ID, LvProperties.NONE));
        assertEquals("Source PV /dev/loop4 cannot be a destination", e.getMessage());
    }

    @Test
    void completingAnOrdinaryLvIsRefused() {
        LvstackException e = assertThrows(LvstackException.class, () -> pvmove.complete(vg, vg.lv("a")));
        assertEquals("Logical volume a is not a pvmove LV", e.getMessage());
    }

    @Test
    void noDestinationMeansEveryOtherAllocatablePv() {
        LogicalVolume layer = pvmove.setUp(vg, PvmoveSpec.wholePv(vg.pvs().get(0), List.of(), 1024, ID,
                LvProperties.NONE));
        // pv1 comes first among the others; c holds pv1:0-1.
        assertEquals(List.of("pv0:0+3|pv1:2", "pv0:3+2|pv1:5"), layout(layer));
        OpsFixture.assertValid(vg);
    }

    /** Each segment as {@code first-area-target:start+areaLen}, further areas as {@code |target:start}. */
    static List<String> layout(LogicalVolume lv) {
        return lv.segments().stream().map(s -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.areaCount(); i++) {
                var a = s.areaOrNull(i);
                String where = a instanceof io.lvstack.api.model.Area.OnPv p ? "pv" + lv.vg().pvs().indexOf(p.pv()) + ":" + p.pe()
                        : a instanceof io.lvstack.api.model.Area.OnLv l ? l.lv().name() + ":" + l.le() : "-";
                b.append(i == 0 ? where + "+" + s.areaLen() : "|" + where);
            }
            return b.toString();
        }).toList();
    }
}
