package io.lvstack.benchmarks;

import io.lvstack.api.model.Area;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.LinkedList;
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
 * Link and unlink cost against the number of users of one LV. LVM2 keeps an LV's users in a list
 * ({@code segs_using_this_lv}) and walks it on every unlink, which is quadratic for a pvmove
 * layer used by thousands of segments; lvstack keys them by segment and must not care how many
 * there are.
 *
 * <p>The VG: one PV, a {@code layer} LV of {@code users} extents on it, and {@code users} LVs
 * {@code u0, u1, ...} of one extent each, whose only (one-area striped, so linear) segment maps
 * onto LE {@code i} of the layer. Every operation goes through the public path, {@link
 * VolumeGroup#apply} and the {@link io.lvstack.engine.graph.StackEditor}, journal included.
 *
 * <p>Users are taken in passes over a {@link UserOrder shuffled order}: every user is hit once
 * per pass, and the order does not repeat from one pass to the next. A fixed cyclic order would
 * let even a list-based implementation look O(1): unlinking and re-appending users in a fixed
 * order leaves the next one at the head of the list. {@link #lvm2ListModel} shows what the same
 * access pattern costs with LVM2's list.
 *
 * <p>{@link LinkBenchmarkFixedVg} is the control that keeps the VG size constant. Run: {@code java
 * -jar benchmarks/target/benchmarks.jar LinkBenchmark}; see docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class LinkBenchmark {
    /** Users of the layer LV. */
    @Param({"10", "100000"})
    public int users;

    private BenchStacks stacks;
    private LogicalVolume layer;
    private Segment[] userSegments;
    /** An LV that exists but has no segment between operations, for {@link #addLinkRemoveSegment}. */
    private LogicalVolume newcomer;
    private UserOrder order;
    /** LVM2's {@code segs_using_this_lv} of the layer, as a list, for {@link #lvm2ListModel}. */
    private LinkedList<Segment> lvm2List;

    @Setup(Level.Trial)
    public void setUp() {
        stacks = new BenchStacks(Lvstack.engine());
        PhysicalVolume pv = stacks.addPv(users);
        layer = stacks.lvOnPv("layer", Ids.of("lv", 0), users, pv, 0);
        userSegments = new Segment[users];
        for (int i = 0; i < users; i++) {
            userSegments[i] = stacks.userOf("u" + i, Ids.of("lv", i + 1), layer, i);
        }
        newcomer = stacks.emptyLv("newcomer", Ids.of("lv", users + 1));
        order = new UserOrder(users);
        lvm2List = new LinkedList<>(List.of(userSegments));
        check();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        check();
    }

    /** The graph must end as it started: every user linked once, at its own LE. */
    private void check() {
        if (layer.userCount() != users) {
            throw new IllegalStateException("layer has " + layer.userCount() + " users, expected " + users);
        }
        for (int i = 0; i < users; i++) {
            Segment s = userSegments[i];
            if (layer.userCount(s) != 1 || !(s.areaOrNull(0) instanceof Area.OnLv a) || a.lv() != layer
                    || a.le() != i) {
                throw new IllegalStateException("user " + i + " is not linked to the layer at LE " + i);
            }
        }
        if (!newcomer.segments().isEmpty()) {
            throw new IllegalStateException("newcomer kept a segment");
        }
        if (lvm2List.size() != users) {
            throw new IllegalStateException("the list model lost users");
        }
    }

    /** Unlinks one user's area from the layer and links it again, in one atomic change. */
    @Benchmark
    public int unlinkRelink() {
        int i = order.next();
        return stacks.unlinkRelink(userSegments[i], layer, i);
    }

    /**
     * Adds a new segment, linked to the layer, to an LV that had none, then removes it: the layer
     * briefly has {@code users + 1} users. Two changes, as a tool would make them.
     */
    @Benchmark
    public int addLinkRemoveSegment() {
        return stacks.addLinkRemoveSegment(newcomer, 0, layer, order.next());
    }

    /**
     * Not lvstack: what {@link #unlinkRelink}'s bookkeeping costs when the users are a list, as
     * in LVM2 ({@code remove_seg_from_segs_using_this_lv} walks the list from its head, {@code
     * add_seg_to_segs_using_this_lv} appends). The negative control: it shows that this
     * benchmark's access pattern does expose an O(users) unlink.
     */
    @Benchmark
    public int lvm2ListModel() {
        Segment s = userSegments[order.next()];
        if (!lvm2List.remove(s)) {
            throw new IllegalStateException("not a user: " + s);
        }
        lvm2List.addLast(s);
        return lvm2List.size();
    }
}
