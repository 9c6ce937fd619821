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
     * {@code user -> target -> ... -> user}); otherwise null. Walks up from {@code user}, which
     * stays cheap however many users the LVs further down have.
     */
    static List<LogicalVolume> pathUp(LogicalVolume user, LogicalVolume target) {
        if (user == target) {
            return List.of(user);
        }
        Map<LogicalVolume, LogicalVolume> below = new HashMap<>();
        ArrayDeque<LogicalVolume> queue = new ArrayDeque<>();
        queue.add(user);
        below.put(user, null);
        while (!queue.isEmpty()) {
            LogicalVolume cur = queue.poll();
            for (Segment s : cur.userSegments()) {
                LogicalVolume up = s.lv();
                if (below.containsKey(up)) {
                    continue;
                }
                below.put(up, cur);
                if (up == target) {
                    List<LogicalVolume> path = new ArrayList<>();
                    for (LogicalVolume x = up; x != null; x = below.get(x)) {
                        path.add(x);
                    }
                    return path;
                }
                queue.add(up);
            }
        }
        return null;
    }
}
