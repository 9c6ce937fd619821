package io.lvstack.benchmarks;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.List;
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

    private BenchStacks stacks;
    private VolumeGroup vg;
    private LogicalVolume layer;
    /** An LV with one extent on the PV and no users, that the layer links down to. */
    private LogicalVolume below;
    private int created;

    @Setup(Level.Trial)
    public void setUp() {
        stacks = new BenchStacks(Lvstack.engine());
        vg = stacks.vg;
        PhysicalVolume pv = stacks.addPv(users + 1L);
        layer = stacks.lvOnPv("layer", Ids.of("lv", 0), users, pv, 0);
        for (int i = 0; i < users; i++) {
            stacks.userOf("u" + i, Ids.of("lv", i + 1), layer, i);
        }
        below = stacks.lvOnPv("below", Ids.of("lv", users + 1), 1, pv, users);
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
        return stacks.addLinkRemoveSegment(layer, users, below, 0);
    }

    /** Creates an LV whose segment links to the layer, then removes the LV. */
    @Benchmark
    public int createLinkRemoveLv() {
        int n = created++;
        Segment seg = stacks.userOf("new" + n, Ids.of("nw", n), layer, n % users);
        vg.apply(ed -> ed.removeLv(seg.lv()));
        return layer.userCount();
    }
}
