package io.lvstack.benchmarks;

import io.lvstack.api.SegmentType;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.segtype.striped.StripedFields;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two paths next to {@link LinkBenchmark}'s that are not O(1), measured in the same VG (a layer
 * LV with {@code users} users, each a one-extent LV of its own):
 *
 * <ul>
 *   <li>{@link #linkFromUsedLv}: linking a segment <em>of</em> an LV with many users. The cycle
 *       check ({@code StackEditor.refuseCycle}, {@code Stack.pathUp}) walks every LV above the
 *       user, so it is O(ancestors of the user): here all {@code users} LVs.
 *   <li>{@link #createLinkRemoveLv}: creating a user LV and removing it again. {@code
 *       StackEditor.removeLv} finds the LV with {@code List.indexOf}, O(LVs in the VG).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LinearPathsBenchmark {
    @Param({"10", "10000", "100000"})
    public int users;

    private VolumeGroup vg;
    private SegmentType striped;
    private LogicalVolume layer;
    /** An LV with one extent on the PV and no users, that the layer links down to. */
    private LogicalVolume below;
    private int created;

    @Setup(Level.Trial)
    public void setUp() {
        Engine engine = Lvstack.engine();
        striped = engine.segmentTypes().byName("striped");
        vg = engine.newVolumeGroup("vg", VgProperties.simple(Ids.of("vg", 0), Ids.EXTENT_SIZE));
        PhysicalVolume pv = vg.change(ed -> ed.addPv(PvProperties.simple(Ids.of("pv", 0), "/dev/bench",
                Ids.PE_START, users + 1L, Ids.PE_START + (users + 1L) * Ids.EXTENT_SIZE)));
        layer = vg.change(ed -> {
            LogicalVolume l = ed.createLv("layer", Ids.of("lv", 0), Set.of(), List.of(), LvProperties.NONE);
            Segment s = ed.addSegment(l, striped, new StripedFields(0), 0, users, 1, List.of());
            ed.setPvArea(s, 0, pv, 0);
            return l;
        });
        for (int i = 0; i < users; i++) {
            int le = i;
            vg.apply(ed -> {
                LogicalVolume u = ed.createLv("u" + le, Ids.of("lv", le + 1), Set.of(), List.of(),
                        LvProperties.NONE);
                Segment s = ed.addSegment(u, striped, new StripedFields(0), 0, 1, 1, List.of());
                ed.setLvArea(s, 0, layer, le);
            });
        }
        below = vg.change(ed -> {
            LogicalVolume b = ed.createLv("below", Ids.of("lv", users + 1), Set.of(), List.of(), LvProperties.NONE);
            Segment s = ed.addSegment(b, striped, new StripedFields(0), 0, 1, 1, List.of());
            ed.setPvArea(s, 0, pv, users);
            return b;
        });
        check();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        check();
    }

    private void check() {
        if (layer.userCount() != users || layer.segments().size() != 1 || below.userCount() != 0
                || vg.lvs().size() != users + 2) {
            throw new IllegalStateException("the VG did not end as it started");
        }
    }

    /** Gives the layer a second segment linked to {@code below}, then removes it. */
    @Benchmark
    public int linkFromUsedLv() {
        Segment s = vg.change(ed -> {
            Segment seg = ed.addSegment(layer, striped, new StripedFields(0), users, 1, 1, List.of());
            ed.setLvArea(seg, 0, below, 0);
            return seg;
        });
        vg.apply(ed -> ed.removeSegment(s));
        return below.userCount();
    }

    /** Creates an LV whose segment links to the layer, then removes the LV. */
    @Benchmark
    public int createLinkRemoveLv() {
        int n = created++;
        LogicalVolume lv = vg.change(ed -> {
            LogicalVolume l = ed.createLv("new" + n, Ids.of("nw", n), Set.of(), List.of(), LvProperties.NONE);
            Segment seg = ed.addSegment(l, striped, new StripedFields(0), 0, 1, 1, List.of());
            ed.setLvArea(seg, 0, layer, n % users);
            return l;
        });
        vg.apply(ed -> ed.removeLv(lv));
        return layer.userCount();
    }
}
