package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.UnknownReferences;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Refuses writes to stacks that hold segments of a type no loaded plugin provides. Such a
 * segment is kept as text: the engine cannot tell what removing, renaming or resizing an LV
 * means to it (a thin pool's data LV left behind, a snapshot naming an origin that was renamed),
 * so LVM2 would be handed metadata it refuses or that silently loses data. An LV is refused when
 * it holds such a segment, when one lies anywhere below it, or when one uses it or an LV below
 * it, directly or further up. LVs outside such stacks stay writable.
 */
public final class WriteGuard {
    private WriteGuard() {
    }

    /**
     * Throws when {@code lv}'s stack holds an unknown segment type.
     *
     * @param action what is refused, as the message's verb: "remove", "rename", "resize", ...
     */
    public static void check(LogicalVolume lv, String action) {
        VolumeGroup vg = lv.vg();
        if (vg.unknownSegmentTypes().isEmpty()) {
            return;
        }
        LogicalVolume holder = unknownHolder(lv, UnknownReferences.of(vg));
        if (holder == null) {
            return;
        }
        String types = String.join(", ", unknownTypes(holder));
        throw new LvstackException("Cannot " + action + " " + lv.fullName() + ": "
                + (holder == lv ? "it holds segments of type " + types + ", which"
                        : "it is in a stack with " + holder.fullName() + ", which holds segments of type " + types
                                + " that")
                + " no loaded segment-type plugin provides.");
    }

    /** The LV holding the unknown segment {@code lv}'s stack contains, {@code lv} itself first, or null. */
    private static LogicalVolume unknownHolder(LogicalVolume lv, UnknownReferences refs) {
        List<LogicalVolume> below = closure(lv, refs::children);
        for (LogicalVolume each : below) {
            if (holdsUnknown(each)) {
                return each;
            }
        }
        // An unknown segment naming lv or an LV below it: a pool's data LV, a snapshot's origin.
        for (LogicalVolume each : below) {
            Set<Segment> users = refs.namedBy(each);
            if (!users.isEmpty()) {
                return users.iterator().next().lv();
            }
        }
        for (LogicalVolume up : closure(lv, refs::users)) {
            if (holdsUnknown(up)) {
                return up;
            }
        }
        return null;
    }

    /** {@code start} and every LV reached from it through {@code next}, breadth first. */
    private static List<LogicalVolume> closure(LogicalVolume start, Function<LogicalVolume, Set<LogicalVolume>> next) {
        Set<LogicalVolume> seen = new LinkedHashSet<>(List.of(start));
        ArrayDeque<LogicalVolume> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (LogicalVolume n : next.apply(todo.poll())) {
                if (seen.add(n)) {
                    todo.add(n);
                }
            }
        }
        return new ArrayList<>(seen);
    }

    private static boolean holdsUnknown(LogicalVolume lv) {
        return lv.segments().stream().anyMatch(UnknownReferences::isUnknown);
    }

    private static Set<String> unknownTypes(LogicalVolume lv) {
        Set<String> out = new LinkedHashSet<>();
        for (Segment seg : lv.segments()) {
            if (UnknownReferences.isUnknown(seg)) {
                out.add(seg.type().name());
            }
        }
        return out;
    }
}
