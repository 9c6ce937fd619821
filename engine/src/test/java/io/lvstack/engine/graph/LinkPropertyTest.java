package io.lvstack.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.SegmentType;
import io.lvstack.engine.check.LinkConsistency;
import io.lvstack.segtype.mirror.MirrorFields;
import io.lvstack.segtype.mirror.MirrorSegmentType;
import io.lvstack.segtype.striped.StripedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Random sequences of every kind of reference change. After each operation, whether it
 * succeeded or was refused, the downward references and the upward links must agree exactly,
 * counts included; a refused operation must leave the graph exactly as it was.
 */
class LinkPropertyTest {
    static final int OPERATIONS_PER_TRY = 1_000;
    static final int TRIES = 12;

    private int succeeded;
    private int refused;

    @Property(tries = TRIES, seed = "20261125")
    void linksAndReferencesAlwaysAgree(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random rnd = new Random(seed);
        StackFixture f = new StackFixture();
        for (int op = 0; op < OPERATIONS_PER_TRY; op++) {
            String before = f.dump();
            try {
                step(f, rnd);
                succeeded++;
            } catch (GraphException e) {
                refused++;
                assertEquals(before, f.dump(), "refused operation changed the graph: " + e.getMessage());
            }
            List<String> problems = LinkConsistency.problems(f.vg);
            assertEquals(List.of(), problems, "after operation " + op + " with seed " + seed);
        }
        // Both outcomes must be exercised, or the property proves little.
        org.junit.jupiter.api.Assertions.assertTrue(succeeded > OPERATIONS_PER_TRY / 4, "succeeded " + succeeded);
        org.junit.jupiter.api.Assertions.assertTrue(refused > 10, "refused " + refused);
    }

    private static void step(StackFixture f, Random rnd) {
        VolumeGroup vg = f.vg;
        List<LogicalVolume> lvs = vg.lvs();
        List<Segment> segs = new ArrayList<>();
        for (LogicalVolume lv : lvs) {
            segs.addAll(lv.segments());
        }
        int kind = lvs.size() < 3 ? 0 : rnd.nextInt(11);
        switch (kind) {
            case 0 -> f.lv("lv" + rnd.nextInt(1_000_000), rnd.nextBoolean());
            case 1 -> {
                LogicalVolume lv = pick(lvs, rnd);
                SegmentType type = rnd.nextInt(4) == 0 ? f.mirror : f.striped;
                int areas = 1 + rnd.nextInt(3);
                long len = areas * (1 + rnd.nextInt(6));
                vg.apply(ed -> ed.addSegment(lv, type, type == f.mirror ? new MirrorFields(512, null)
                        : new StripedFields(areas == 1 ? 0 : 128), lv.extentCount(), len, areas, List.of()));
            }
            case 2 -> {
                Segment s = pick(segs, rnd);
                vg.apply(ed -> ed.setPvArea(s, rnd.nextInt(s.areaCount()), f.pv(rnd.nextInt(4)), rnd.nextInt(1000)));
            }
            case 3, 4 -> {
                Segment s = pick(segs, rnd);
                LogicalVolume target = pick(lvs, rnd);
                vg.apply(ed -> ed.setLvArea(s, rnd.nextInt(s.areaCount()), target, rnd.nextInt(5)));
            }
            case 5 -> {
                Segment s = pick(segs, rnd);
                vg.apply(ed -> ed.releaseArea(s, rnd.nextInt(s.areaCount())));
            }
            case 6 -> {
                Segment to = pick(segs, rnd);
                Segment from = pick(segs, rnd);
                vg.apply(ed -> ed.moveArea(to, rnd.nextInt(to.areaCount()), from, rnd.nextInt(from.areaCount())));
            }
            case 7 -> {
                Segment s = pick(segs, rnd);
                vg.apply(ed -> ed.splitSegment(s, 1 + rnd.nextInt((int) Math.max(1, s.len()))));
            }
            case 8 -> {
                Segment s = pick(segs, rnd);
                LogicalVolume target = pick(lvs, rnd);
                vg.apply(ed -> ed.attach(s, MirrorSegmentType.LOG, target));
            }
            case 9 -> {
                Segment s = pick(segs, rnd);
                vg.apply(ed -> ed.detach(s, MirrorSegmentType.LOG));
            }
            default -> {
                if (rnd.nextBoolean()) {
                    vg.apply(ed -> ed.removeSegment(pick(segs, rnd)));
                } else {
                    vg.apply(ed -> ed.removeLv(pick(lvs, rnd)));
                }
            }
        }
    }

    private static <T> T pick(List<T> list, Random rnd) {
        if (list.isEmpty()) {
            throw new GraphException("nothing to pick");
        }
        return list.get(rnd.nextInt(list.size()));
    }
}
