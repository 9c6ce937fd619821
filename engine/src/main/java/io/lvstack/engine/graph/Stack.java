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

    /** Whether a segment of {@code lv} is of a type with {@code capability} (a pool, a mirror). */
    public static boolean owns(LogicalVolume lv, io.lvstack.api.SegmentCapability capability) {
        for (Segment s : lv.segmentsInternal()) {
            if (s.type().has(capability)) {
                return true;
            }
        }
        return false;
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

    /**
     * A breadth-first walk, up through users or down through references, a bounded amount of
     * work per step: one user, or one area or role of one segment. (A layer's segments may hold
     * only PV areas; passing over thousands of them in one step made linking to the layer cost
     * O(its segments), and setting up a pvmove quadratic.)
     */
    private static final class Search {
        private final LogicalVolume goal;
        private final boolean upward;
        /** Each reached LV and the LV it was reached from. */
        private final Map<LogicalVolume, LogicalVolume> from = new HashMap<>();
        private final ArrayDeque<LogicalVolume> queue = new ArrayDeque<>();
        private LogicalVolume current;
        private Edges edges;

        Search(LogicalVolume start, LogicalVolume goal, boolean upward) {
            this.goal = goal;
            this.upward = upward;
            from.put(start, null);
            queue.add(start);
        }

        /** TRUE when the goal is reached, FALSE when the walk ran out, null to go on. */
        Boolean step() {
            if (edges == null || edges.exhausted()) {
                if (queue.isEmpty()) {
                    return Boolean.FALSE;
                }
                current = queue.poll();
                edges = upward ? new UsersOf(current) : new ReferencedBy(current);
                return null;
            }
            LogicalVolume next = edges.advance();
            if (next == null || from.containsKey(next)) {
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
    }

    /** The edges out of one LV, walked a bounded amount of work at a time. */
    private interface Edges {
        boolean exhausted();

        /** The next LV, or null when this piece of work found none. */
        LogicalVolume advance();
    }

    /** The LVs whose segments use an LV. */
    private static final class UsersOf implements Edges {
        private final java.util.Iterator<Segment> users;

        UsersOf(LogicalVolume lv) {
            users = lv.userSegments().iterator();
        }

        @Override
        public boolean exhausted() {
            return !users.hasNext();
        }

        @Override
        public LogicalVolume advance() {
            return users.next().lv();
        }
    }

    /** The LVs an LV's segments reference, through areas and roles. */
    private static final class ReferencedBy implements Edges {
        private final List<Segment> segs;
        private int seg;
        private int slot;
        private java.util.Iterator<LogicalVolume> roles;

        ReferencedBy(LogicalVolume lv) {
            segs = lv.segmentsInternal();
        }

        @Override
        public boolean exhausted() {
            return seg >= segs.size();
        }

        @Override
        public LogicalVolume advance() {
            Segment s = segs.get(seg);
            if (slot < s.areaCount()) {
                return s.areaOrNull(slot++) instanceof Area.OnLv l ? (LogicalVolume) l.lv() : null;
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
            return null;
        }
    }

    /**
     * The distinct types of {@code lv}'s own segments, then of the segments using it, in order,
     * as the engine calls them (guarded): the types that say what the LV is.
     */
    public static List<io.lvstack.engine.segtype.GuardedSegmentType> typesAround(LogicalVolume lv) {
        List<io.lvstack.engine.segtype.GuardedSegmentType> types = new ArrayList<>(2);
        for (Segment s : lv.segments()) {
            if (!types.contains(s.handler())) {
                types.add(s.handler());
            }
        }
        for (Segment user : lv.users()) {
            if (!types.contains(user.handler())) {
                types.add(user.handler());
            }
        }
        return types;
    }
}
