package io.lvstack.engine.graph;

import io.lvstack.api.model.Area;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only walks over the stack: down through references, up through the upward links. */
public final class Stack {
    private Stack() {
    }

    /** The segments using {@code lv} with their reference counts, in link order. */
    public static Map<Segment, Integer> usersOf(LogicalVolume lv) {
        return lv.userCounts();
    }

    /**
     * LVM2's {@code get_only_segment_using_this_lv}: the one segment using {@code lv}, which must
     * hold exactly one reference to it.
     *
     * @throws GraphException naming the users found otherwise
     */
    public static Segment onlyUser(LogicalVolume lv) {
        Segment only = onlyUserOrNull(lv);
        if (only == null) {
            throw new GraphException("LV " + lv.fullName() + " is expected to have only one segment using it, but it is "
                    + (lv.userCount() == 0 ? "used by no segment" : "used by " + describeUsers(lv)));
        }
        return only;
    }

    /** {@link #onlyUser}, or null instead of an error. */
    public static Segment onlyUserOrNull(LogicalVolume lv) {
        if (lv.links().size() != 1) {
            return null;
        }
        Segment s = lv.links().first();
        return lv.links().count(s) == 1 ? s : null;
    }

    /** {@code LV vg/a segment 1 (LE 0-9) (1 reference), ...}. */
    public static String describeUsers(LogicalVolume lv) {
        if (lv.userCount() == 0) {
            return "no segment";
        }
        List<String> parts = new ArrayList<>();
        lv.userCounts().forEach((seg, n) -> parts.add(seg.describe() + " (" + n + (n == 1 ? " reference)" : " references)")));
        return String.join(", ", parts);
    }

    /** The LVs {@code lv} references directly, through areas or roles, without repeats. */
    public static Set<LogicalVolume> children(LogicalVolume lv) {
        Set<LogicalVolume> out = new LinkedHashSet<>();
        for (Segment s : lv.segmentsInternal()) {
            for (int i = 0; i < s.areaCount(); i++) {
                if (s.areaOrNull(i) instanceof Area.OnLv l) {
                    out.add((LogicalVolume) l.lv());
                }
            }
            out.addAll(s.references().values());
        }
        return out;
    }

    /** Every LV below {@code lv}, in the order a depth-first walk first reaches them. */
    public static List<LogicalVolume> subLvs(LogicalVolume lv) {
        Set<LogicalVolume> seen = new LinkedHashSet<>();
        ArrayDeque<LogicalVolume> stack = new ArrayDeque<>();
        stack.push(lv);
        while (!stack.isEmpty()) {
            LogicalVolume cur = stack.pop();
            List<LogicalVolume> kids = new ArrayList<>(children(cur));
            Collections.reverse(kids);
            for (LogicalVolume k : kids) {
                if (k != lv && !seen.contains(k)) {
                    stack.push(k);
                }
            }
            if (cur != lv) {
                seen.add(cur);
            }
        }
        return new ArrayList<>(seen);
    }

    /** Every LV above {@code lv} (its users' LVs, theirs, ...), nearest first. */
    public static List<LogicalVolume> ancestors(LogicalVolume lv) {
        Set<LogicalVolume> seen = new LinkedHashSet<>();
        ArrayDeque<LogicalVolume> queue = new ArrayDeque<>();
        queue.add(lv);
        while (!queue.isEmpty()) {
            LogicalVolume cur = queue.poll();
            for (Segment s : cur.userSegments()) {
                LogicalVolume up = s.lv();
                if (up != lv && seen.add(up)) {
                    queue.add(up);
                }
            }
        }
        return new ArrayList<>(seen);
    }

    /**
     * If {@code target} is {@code user} or lies above it, the chain of LVs from {@code target}
     * down to {@code user} (so that a reference user -> target would close the cycle
     * {@code user -> target -> ... -> user}); otherwise null.
     *
     * <p>Two searches answer the same question — up from {@code user} looking for
     * {@code target}, down from {@code target} looking for {@code user} — and they advance one
     * edge at a time in turn; the first to meet its goal or run out decides. So the cost is
     * about that of the cheaper direction: linking to a layer with 100,000 users costs the
     * small walk up from the new user, and linking from such a layer costs the small walk down
     * from the new target.
     */
    static List<LogicalVolume> pathUp(LogicalVolume user, LogicalVolume target) {
        if (user == target) {
            return List.of(user);
        }
        Search up = new Search(user, target, true);
        Search down = new Search(target, user, false);
        for (;;) {
            Boolean found = up.step();
            if (found != null) {
                return found ? up.chain(true) : null;
            }
            found = down.step();
            if (found != null) {
                return found ? down.chain(false) : null;
            }
        }
    }

    /** A breadth-first walk, up through users or down through references, one edge per step. */
    private static final class Search {
        private final LogicalVolume goal;
        private final boolean upward;
        /** Each reached LV and the LV it was reached from. */
        private final Map<LogicalVolume, LogicalVolume> from = new HashMap<>();
        private final ArrayDeque<LogicalVolume> queue = new ArrayDeque<>();
        private LogicalVolume current;
        private java.util.Iterator<LogicalVolume> edges;

        Search(LogicalVolume start, LogicalVolume goal, boolean upward) {
            this.goal = goal;
            this.upward = upward;
            from.put(start, null);
            queue.add(start);
        }

        /** TRUE when the goal is reached, FALSE when the walk ran out, null to go on. */
        Boolean step() {
            while (edges == null || !edges.hasNext()) {
                if (queue.isEmpty()) {
                    return Boolean.FALSE;
                }
                current = queue.poll();
                edges = upward ? usersOf(current) : referencedBy(current);
            }
            LogicalVolume next = edges.next();
            if (from.containsKey(next)) {
                return null;
            }
            from.put(next, current);
            if (next == goal) {
                return Boolean.TRUE;
            }
            queue.add(next);
            return null;
        }

        /** The chain from the upper end to the lower end of the path found. */
        List<LogicalVolume> chain(boolean startIsLower) {
            List<LogicalVolume> path = new ArrayList<>();
            for (LogicalVolume x = goal; x != null; x = from.get(x)) {
                path.add(x);
            }
            if (!startIsLower) {
                Collections.reverse(path);
            }
            return path;
        }

        private static java.util.Iterator<LogicalVolume> usersOf(LogicalVolume lv) {
            java.util.Iterator<Segment> it = lv.userSegments().iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public LogicalVolume next() {
                    return it.next().lv();
                }
            };
        }

        /** The LVs {@code lv}'s segments reference, through areas and roles, lazily. */
        private static java.util.Iterator<LogicalVolume> referencedBy(LogicalVolume lv) {
            List<Segment> segs = lv.segmentsInternal();
            return new java.util.Iterator<>() {
                private int seg;
                private int slot;
                private java.util.Iterator<LogicalVolume> roles;
                private LogicalVolume next = advance();

                private LogicalVolume advance() {
                    while (seg < segs.size()) {
                        Segment s = segs.get(seg);
                        while (slot < s.areaCount()) {
                            if (s.areaOrNull(slot++) instanceof Area.OnLv l) {
                                return (LogicalVolume) l.lv();
                            }
                        }
                        if (roles == null) {
                            roles = s.references().values().iterator();
                        }
                        if (roles.hasNext()) {
                            return roles.next();
                        }
                        seg++;
                        slot = 0;
                        roles = null;
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public LogicalVolume next() {
                    LogicalVolume out = next;
                    next = advance();
                    return out;
                }
            };
        }
    }
}
