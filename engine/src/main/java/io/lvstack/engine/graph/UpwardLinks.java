package io.lvstack.engine.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LVM2's {@code segs_using_this_lv}: the segments that reference one LV, each with the number of
 * references it holds. A hash map keyed by segment identity makes adding and removing a
 * reference O(1) however many users there are (LVM2 walks a list); insertion order is kept so
 * that reports and messages list users in the order LVM2 would.
 */
final class UpwardLinks {
    private final Map<Segment, int[]> counts = new LinkedHashMap<>();

    /** Adds one reference from {@code user}; returns the new count. */
    int add(Segment user) {
        int[] c = counts.get(user);
        if (c == null) {
            counts.put(user, new int[] {1});
            return 1;
        }
        return ++c[0];
    }

    /** Removes one reference from {@code user}; returns the new count. */
    int remove(Segment user) {
        int[] c = counts.get(user);
        if (c == null) {
            throw new IllegalStateException("segment " + user + " is not a user");
        }
        if (--c[0] == 0) {
            counts.remove(user);
            return 0;
        }
        return c[0];
    }

    int count(Segment user) {
        int[] c = counts.get(user);
        return c == null ? 0 : c[0];
    }

    int size() {
        return counts.size();
    }

    /** A snapshot of users and counts, in link order. */
    Map<Segment, Integer> snapshot() {
        Map<Segment, Integer> out = new LinkedHashMap<>();
        counts.forEach((s, c) -> out.put(s, c[0]));
        return Collections.unmodifiableMap(out);
    }

    Iterable<Segment> users() {
        return counts.keySet();
    }
}
