package io.lvstack.engine.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LVM2's {@code segs_using_this_lv}: the segments that reference one LV, each with the number of
 * references it holds. A hash map keyed by segment identity makes adding and removing a
 * reference O(1) however many users there are (LVM2 walks a list); insertion order is kept so
 * that reports and messages list users in link order.
 *
 * <p>An entry whose count drops to zero stays as a tombstone until the change commits
 * ({@link #purge}), so that undoing the removal puts the user back in its old place rather than
 * at the end: a rolled-back change leaves the order exactly as it was.
 */
final class UpwardLinks {
    // Most LVs are used by no segment: they share the empty map and list until their first link.
    private Map<Segment, int[]> counts = Map.of();
    private int live;
    private List<Segment> tombstones = List.of();

    /** Adds one reference from {@code user}; returns the new count. */
    int add(Segment user) {
        int[] c = counts.get(user);
        if (c == null) {
            if (counts.isEmpty()) {
                counts = new LinkedHashMap<>();
            }
            counts.put(user, new int[] {1});
            live++;
            return 1;
        }
        if (c[0]++ == 0) {
            live++;
        }
        return c[0];
    }

    /** Removes one reference from {@code user}; returns the new count (0 leaves a tombstone). */
    int remove(Segment user) {
        int[] c = counts.get(user);
        if (c == null || c[0] == 0) {
            throw new IllegalStateException("segment " + user + " is not a user");
        }
        if (--c[0] == 0) {
            live--;
            if (tombstones.isEmpty()) {
                tombstones = new ArrayList<>(1);
            }
            tombstones.add(user);
        }
        return c[0];
    }

    /** Drops tombstones still at zero; called when the change that made them commits. O(tombstones). */
    void purge() {
        for (Segment s : tombstones) {
            int[] c = counts.get(s);
            if (c != null && c[0] == 0) {
                counts.remove(s);
            }
        }
        if (!tombstones.isEmpty()) {
            tombstones.clear();
        }
    }

    int count(Segment user) {
        int[] c = counts.get(user);
        return c == null ? 0 : c[0];
    }

    /** Number of distinct users. */
    int size() {
        return live;
    }

    /** A snapshot of users and counts, in link order. */
    Map<Segment, Integer> snapshot() {
        Map<Segment, Integer> out = new LinkedHashMap<>();
        counts.forEach((s, c) -> {
            if (c[0] > 0) {
                out.put(s, c[0]);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The users in link order. */
    List<Segment> users() {
        List<Segment> out = new ArrayList<>(live);
        counts.forEach((s, c) -> {
            if (c[0] > 0) {
                out.add(s);
            }
        });
        return out;
    }

    /** The users in link order, without copying (do not change the links while iterating). */
    Iterable<Segment> iterable() {
        return () -> new Iterator<>() {
            private final Iterator<Map.Entry<Segment, int[]>> it = counts.entrySet().iterator();
            private Segment next = advance();

            private Segment advance() {
                while (it.hasNext()) {
                    Map.Entry<Segment, int[]> e = it.next();
                    if (e.getValue()[0] > 0) {
                        return e.getKey();
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Segment next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                Segment s = next;
                next = advance();
                return s;
            }
        };
    }

    /** The first user, or null: O(1) when there are no tombstones. */
    Segment first() {
        Iterator<Map.Entry<Segment, int[]>> it = counts.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Segment, int[]> e = it.next();
            if (e.getValue()[0] > 0) {
                return e.getKey();
            }
        }
        return null;
    }
}
