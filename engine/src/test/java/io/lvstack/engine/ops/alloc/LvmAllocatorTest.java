package io.lvstack.engine.ops.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allocator on its own. Linear and striped choices are checked against real LVM2 by the step
 * parity test; here the parts no corpus step shows: mirror legs with a log, unallocatable PVs,
 * ranges, and the refusals.
 */
class LvmAllocatorTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());

    /** alloc.step1: four PVs of 31 extents, pv1 0-9 used. */
    private static VolumeGroup vg() {
        return FORMAT.read(Corpus.DIR.resolve("alloc.step1.vg")).vg();
    }

    private static String show(Allocation a) {
        StringBuilder b = new StringBuilder();
        for (Allocation.Chunk c : a.chunks()) {
            b.append(c.length()).append(':');
            c.areas().forEach(r -> b.append(' ').append(r.pv().name()).append('@').append(r.start()));
            b.append('\n');
        }
        a.log().forEach(r -> b.append("log ").append(r.pv().name()).append('@').append(r.start()).append('+')
                .append(r.count()).append('\n'));
        return b.toString();
    }

    @Test
    void mirrorLegsOnDifferentPvsAndTheLogOnAThird() {
        VolumeGroup vg = vg();
        Allocation a = new LvmAllocator().allocate(vg, new AllocationRequest(2, 5, 1, AllocPolicy.NORMAL, List.of(),
                null, "m"));
        assertEquals("5: /dev/loop4@0 /dev/loop5@10\nlog /dev/loop7@0+1\n", show(a));
    }

    @Test
    void unallocatablePvsAreSkippedAndRangesHonoured() {
        VolumeGroup vg = vg();
        PhysicalVolume pv0 = vg.pvs().get(0);
        PvProperties p = pv0.properties();
        vg.apply(ed -> ed.setPvProperties(pv0, new PvProperties(p.id(), p.device(), p.deviceIdType(), p.deviceId(),
                List.of(), p.flags(), p.tags(), p.devSize(), p.peStart(), p.peCount(), p.baStart(), p.baSize())));
        Allocation a = new LvmAllocator().allocate(vg, new AllocationRequest(1, 4, 0, AllocPolicy.NORMAL, List.of(
                new PvRange(pv0, 0, 31), new PvRange(vg.pvs().get(2), 5, 2), new PvRange(vg.pvs().get(3), 20, 3)),
                null, "x"));
        // The largest area first (pv3's 3), then the rest from pv2.
        assertEquals("3: /dev/loop7@20\n1: /dev/loop6@5\n", show(a));
    }

    /** What real LVM2 2.03.16 chose for {@code lvcreate -l 70 --alloc anywhere} on holes.step11. */
    @Test
    void anywhereTakesAreasAsLvm2DoesOnAFragmentedVg() {
        VolumeGroup vg = FORMAT.read(Corpus.DIR.resolve("holes.step11.vg")).vg();
        Allocation a = new LvmAllocator().allocate(vg, new AllocationRequest(1, 70, 0, AllocPolicy.ANYWHERE,
                List.of(), null, "big"));
        assertEquals("31: /dev/loop7@0\n19: /dev/loop5@12\n11: /dev/loop6@20\n8: /dev/loop4@12\n1: /dev/loop4@5\n",
                show(a));
    }

    @Test
    void refusalsSayWhatIsMissing() {
        VolumeGroup vg = vg();
        LvstackException few = assertThrows(LvstackException.class, () -> new LvmAllocator().allocate(vg,
                new AllocationRequest(3, 40, 0, AllocPolicy.NORMAL, List.of(), null, "big")));
        assertEquals("Insufficient free space: 120 extents needed, but only 114 available", few.getMessage());
        LvstackException contiguous = assertThrows(LvstackException.class, () -> new LvmAllocator().allocate(vg,
                new AllocationRequest(1, 32, 0, AllocPolicy.CONTIGUOUS, List.of(), null, "long")));
        assertEquals("Insufficient suitable contiguous allocatable extents for logical volume long: 32 more"
                + " required", contiguous.getMessage());
        LvstackException stripes = assertThrows(LvstackException.class, () -> new LvmAllocator().allocate(vg,
                new AllocationRequest(2, 2, 0, AllocPolicy.NORMAL, List.of(PvRange.whole(vg.pvs().get(0))), null,
                        "s")));
        assertEquals("Insufficient suitable allocatable extents for logical volume s: 4 more required",
                stripes.getMessage());
    }
}
