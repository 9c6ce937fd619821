package io.lvstack.benchmarks;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
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
 * The control for {@link LinkBenchmark}: the same two operations, but in a VG whose size does
 * not change with the parameter. It always holds {@value #TOTAL} user segments, split among
 * {@code TOTAL / users} layer LVs of {@code users} users each, and the operations take all
 * {@value #TOTAL} of them in shuffled passes ({@link UserOrder}). So both parameter values touch the same amount of memory, and
 * the only thing that differs is how many users the LV being linked or unlinked has.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class LinkBenchmarkFixedVg {
    /** User segments in the VG, whatever {@link #users} is. */
    static final int TOTAL = 100_000;

    /** Users of each layer LV; must divide {@value #TOTAL}. */
    @Param({"10", "100000"})
    public int users;

    private VolumeGroup vg;
    private SegmentType striped;
    private LogicalVolume[] layers;
    private Segment[] userSegments;
    private LogicalVolume newcomer;
    private UserOrder order;

    @Setup(Level.Trial)
    public void setUp() {
        if (users <= 0 || TOTAL % users != 0) {
            throw new IllegalArgumentException("users must divide " + TOTAL + ", not " + users);
        }
        Engine engine = Lvstack.engine();
        striped = engine.segmentTypes().byName("striped");
        vg = engine.newVolumeGroup("vg", VgProperties.simple(Ids.of("vg", 0), Ids.EXTENT_SIZE));
        PhysicalVolume pv = vg.change(ed -> ed.addPv(PvProperties.simple(Ids.of("pv", 0), "/dev/bench",
                Ids.PE_START, TOTAL, Ids.PE_START + (long) TOTAL * Ids.EXTENT_SIZE)));
        int layerCount = TOTAL / users;
        layers = new LogicalVolume[layerCount];
        int lvNumber = 0;
        for (int k = 0; k < layerCount; k++) {
            int n = k;
            String id = Ids.of("lv", lvNumber++);
            layers[k] = vg.change(ed -> {
                LogicalVolume l = ed.createLv("layer" + n, id, Set.of(), List.of(), LvProperties.NONE);
                Segment s = ed.addSegment(l, striped, new StripedFields(0), 0, users, 1, List.of());
                ed.setPvArea(s, 0, pv, (long) n * users);
                return l;
            });
        }
        userSegments = new Segment[TOTAL];
        for (int i = 0; i < TOTAL; i++) {
            int u = i;
            String id = Ids.of("lv", lvNumber++);
            userSegments[i] = vg.change(ed -> {
                LogicalVolume lv = ed.createLv("u" + u, id, Set.of(), List.of(), LvProperties.NONE);
                Segment s = ed.addSegment(lv, striped, new StripedFields(0), 0, 1, 1, List.of());
                ed.setLvArea(s, 0, layerOf(u), leOf(u));
                return s;
            });
        }
        String id = Ids.of("lv", lvNumber);
        newcomer = vg.change(ed -> ed.createLv("newcomer", id, Set.of(), List.of(), LvProperties.NONE));
        order = new UserOrder(TOTAL);
        check();
    }

    /** User {@code i} maps onto layer {@code i % layers}, so consecutive users hit different layers. */
    private LogicalVolume layerOf(int i) {
        return layers[i % layers.length];
    }

    private long leOf(int i) {
        return i / layers.length;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        check();
    }

    private void check() {
        for (LogicalVolume l : layers) {
            if (l.userCount() != users) {
                throw new IllegalStateException(l + " has " + l.userCount() + " users, expected " + users);
            }
        }
        for (int i = 0; i < TOTAL; i++) {
            Segment s = userSegments[i];
            if (layerOf(i).userCount(s) != 1 || !(s.areaOrNull(0) instanceof Area.OnLv a) || a.lv() != layerOf(i)
                    || a.le() != leOf(i)) {
                throw new IllegalStateException("user " + i + " is not linked where it should be");
            }
        }
        if (!newcomer.segments().isEmpty()) {
            throw new IllegalStateException("newcomer kept a segment");
        }
    }

    /** {@link LinkBenchmark#unlinkRelink}, taking all {@value #TOTAL} users in shuffled passes. */
    @Benchmark
    public int unlinkRelink() {
        int i = order.next();
        Segment s = userSegments[i];
        LogicalVolume layer = layerOf(i);
        long le = leOf(i);
        vg.apply(ed -> {
            ed.releaseArea(s, 0);
            ed.setLvArea(s, 0, layer, le);
        });
        return layer.userCount();
    }

    /** {@link LinkBenchmark#addLinkRemoveSegment}, linking where user {@code i} links. */
    @Benchmark
    public int addLinkRemoveSegment() {
        int i = order.next();
        LogicalVolume layer = layerOf(i);
        long le = leOf(i);
        Segment s = vg.change(ed -> {
            Segment seg = ed.addSegment(newcomer, striped, new StripedFields(0), 0, 1, 1, List.of());
            ed.setLvArea(seg, 0, layer, le);
            return seg;
        });
        vg.apply(ed -> ed.removeSegment(s));
        return layer.userCount();
    }
}
