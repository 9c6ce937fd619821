package io.lvstack.benchmarks;

import io.lvstack.api.model.Area;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
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

    private BenchStacks stacks;
    private LogicalVolume[] layers;
    private Segment[] userSegments;
    private LogicalVolume newcomer;
    private UserOrder order;

    @Setup(Level.Trial)
    public void setUp() {
        if (users <= 0 || TOTAL % users != 0) {
            throw new IllegalArgumentException("users must divide " + TOTAL + ", not " + users);
        }
        stacks = new BenchStacks(Lvstack.engine());
        PhysicalVolume pv = stacks.addPv(TOTAL);
        int layerCount = TOTAL / users;
        layers = new LogicalVolume[layerCount];
        int lvNumber = 0;
        for (int k = 0; k < layerCount; k++) {
            layers[k] = stacks.lvOnPv("layer" + k, Ids.of("lv", lvNumber++), users, pv, (long) k * users);
        }
        userSegments = new Segment[TOTAL];
        for (int i = 0; i < TOTAL; i++) {
            userSegments[i] = stacks.userOf("u" + i, Ids.of("lv", lvNumber++), layerOf(i), leOf(i));
        }
        newcomer = stacks.emptyLv("newcomer", Ids.of("lv", lvNumber));
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
        return stacks.unlinkRelink(userSegments[i], layerOf(i), leOf(i));
    }

    /** {@link LinkBenchmark#addLinkRemoveSegment}, linking where user {@code i} links. */
    @Benchmark
    public int addLinkRemoveSegment() {
        int i = order.next();
        return stacks.addLinkRemoveSegment(newcomer, 0, layerOf(i), leOf(i));
    }
}
