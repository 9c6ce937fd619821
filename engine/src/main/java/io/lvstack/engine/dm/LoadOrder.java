package io.lvstack.engine.dm;

import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The order in which LVM2 loads the tables of a stack: every LV after the LVs it uses. LVM2's
 * {@code _add_segment_to_dtree} walks each segment's log (and other role LVs) first, then its
 * LV areas in order, and libdm preloads children before parents; this is the same depth-first
 * walk, without recursion so that a deep stack cannot overflow the thread's stack.
 *
 * <p>This is the order of LVs as metadata links them. {@link TableBuilder} orders devices by
 * what their tables name, which is the same order for LVs of one device each, and takes
 * {@link #of(LogicalVolume)} to choose the LVs one LV's activation brings.
 */
public final class LoadOrder {
    private LoadOrder() {
    }

    /**
     * Every LV of {@code vg}: the walk starts from each LV no segment uses, in metadata order, so
     * hidden sub-LVs come right before the first LV that uses them.
     */
    public static List<LogicalVolume> of(VolumeGroup vg) {
        Walk walk = new Walk();
        for (LogicalVolume lv : vg.lvs()) {
            if (lv.userCount() == 0) {
                walk.from(lv);
            }
        }
        // Only a cyclic stack leaves LVs unreached; they still come out once each.
        for (LogicalVolume lv : vg.lvs()) {
            walk.from(lv);
        }
        return walk.order;
    }

    /**
     * {@code lv} and every LV below it. As in LVM2 ({@code track_pvmove_deps}), a pvmove LV brings
     * the LVs that use it along: they are being moved, and their tables name the pvmove device.
     */
    public static List<LogicalVolume> of(LogicalVolume lv) {
        Walk walk = new Walk();
        walk.followPvmoveUsers = true;
        walk.from(lv);
        return walk.order;
    }

    /** The LVs {@code lv}'s tables name, in the order LVM2 adds them: per segment, roles then areas. */
    static List<LogicalVolume> uses(LogicalVolume lv) {
        List<LogicalVolume> out = new ArrayList<>();
        for (Segment s : lv.segments()) {
            out.addAll(s.references().values());
            for (int i = 0; i < s.areaCount(); i++) {
                if (s.areaOrNull(i) instanceof Area.OnLv on) {
                    out.add((LogicalVolume) on.lv());
                }
            }
        }
        return out;
    }

    /**
     * Adds {@code root} and what it reaches through {@code children} to {@code out}, each after
     * its children, skipping what {@code seen} holds (and adding to it): the same depth-first walk
     * as the LVs', for the devices of layered LVs.
     */
    static <T> void depthFirst(T root, Function<T, List<T>> children, Set<T> seen, List<T> out) {
        if (!seen.add(root)) {
            return;
        }
        Deque<Step<T>> stack = new ArrayDeque<>();
        stack.push(new Step<>(root, children.apply(root)));
        while (!stack.isEmpty()) {
            Step<T> top = stack.peek();
            if (top.next < top.children.size()) {
                T child = top.children.get(top.next++);
                if (seen.add(child)) {
                    stack.push(new Step<>(child, children.apply(child)));
                }
                continue;
            }
            stack.pop();
            out.add(top.node);
        }
    }

    private static final class Step<T> {
        final T node;
        final List<T> children;
        int next;

        Step(T node, List<T> children) {
            this.node = node;
            this.children = children;
        }
    }

    private static final class Walk {
        final List<LogicalVolume> order = new ArrayList<>();
        final Set<LogicalVolume> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        final Deque<LogicalVolume> roots = new ArrayDeque<>();
        boolean followPvmoveUsers;

        void from(LogicalVolume root) {
            roots.add(root);
            while (!roots.isEmpty()) {
                walk(roots.poll());
            }
        }

        private void walk(LogicalVolume root) {
            if (!seen.add(root)) {
                return;
            }
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(root, uses(root)));
            while (!stack.isEmpty()) {
                Frame top = stack.peek();
                if (top.next < top.children.size()) {
                    LogicalVolume child = top.children.get(top.next++);
                    if (seen.add(child)) {
                        stack.push(new Frame(child, uses(child)));
                    }
                    continue;
                }
                stack.pop();
                order.add(top.lv);
                if (followPvmoveUsers && top.lv.has(LvStatus.PVMOVE)) {
                    for (Segment user : top.lv.users()) {
                        roots.add(user.lv());
                    }
                }
            }
        }
    }

    private static final class Frame {
        final LogicalVolume lv;
        final List<LogicalVolume> children;
        int next;

        Frame(LogicalVolume lv, List<LogicalVolume> children) {
            this.lv = lv;
            this.children = children;
        }
    }
}
