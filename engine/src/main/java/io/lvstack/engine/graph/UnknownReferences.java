package io.lvstack.engine.graph;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.engine.segtype.RawFields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LVs that segments of unknown types name. Such a segment is kept as text, so the engine has
 * no link for what it references (a thin pool's {@code metadata = "pool_tmeta"}, a raid's
 * {@code raids = [...]}, a snapshot's {@code origin}): without a plugin nobody can say which of
 * its strings are LV names. Every string of its fields that equals the name of an LV of the VG
 * is taken as a reference. A string that only happens to equal an LV's name makes that LV look
 * used, which errs on the safe side: writes refuse more, the checker reports fewer orphans.
 */
public final class UnknownReferences {
    private static final UnknownReferences NONE = new UnknownReferences(Map.of(), Map.of());

    private final Map<Segment, Set<LogicalVolume>> named;
    private final Map<LogicalVolume, Set<Segment>> namedBy;

    private UnknownReferences(Map<Segment, Set<LogicalVolume>> named, Map<LogicalVolume, Set<Segment>> namedBy) {
        this.named = named;
        this.namedBy = namedBy;
    }

    /** The references of every unknown segment of {@code vg}; linear in the size of those segments. */
    public static UnknownReferences of(VolumeGroup vg) {
        if (vg.unknownSegmentTypes().isEmpty()) {
            return NONE;
        }
        Map<Segment, Set<LogicalVolume>> named = new IdentityHashMap<>();
        Map<LogicalVolume, Set<Segment>> namedBy = new IdentityHashMap<>();
        for (LogicalVolume lv : vg.lvs()) {
            for (Segment seg : lv.segmentsInternal()) {
                if (!isUnknown(seg) || !(seg.fields() instanceof RawFields raw)) {
                    continue;
                }
                Set<LogicalVolume> lvs = new LinkedHashSet<>();
                for (String s : strings(raw.nodes())) {
                    LogicalVolume target = vg.lv(s);
                    if (target != null) {
                        lvs.add(target);
                        namedBy.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(seg);
                    }
                }
                named.put(seg, lvs);
            }
        }
        return new UnknownReferences(named, namedBy);
    }

    /** Whether {@code seg} is of a type no loaded plugin provides. */
    public static boolean isUnknown(Segment seg) {
        return seg.type().has(SegmentCapability.UNKNOWN);
    }

    /** The LVs the unknown segment {@code seg} names, in the order they were found. */
    public Set<LogicalVolume> named(Segment seg) {
        return named.getOrDefault(seg, Set.of());
    }

    /** The unknown segments that name {@code lv}. */
    public Set<Segment> namedBy(LogicalVolume lv) {
        return namedBy.getOrDefault(lv, Set.of());
    }

    /** The LVs {@code lv} references through areas, roles and, for its unknown segments, names. */
    public Set<LogicalVolume> children(LogicalVolume lv) {
        Set<LogicalVolume> out = new LinkedHashSet<>(Stack.children(lv));
        for (Segment seg : lv.segmentsInternal()) {
            out.addAll(named(seg));
        }
        return out;
    }

    /** The LVs whose segments use {@code lv}, through links or by name. */
    public Set<LogicalVolume> users(LogicalVolume lv) {
        Set<LogicalVolume> out = new LinkedHashSet<>();
        for (Segment seg : lv.userSegments()) {
            out.add(seg.lv());
        }
        for (Segment seg : namedBy(lv)) {
            out.add(seg.lv());
        }
        return out;
    }

    /** Every string in {@code nodes}, nested sections and arrays included, in order. */
    private static List<String> strings(List<ConfigNode> nodes) {
        List<String> out = new ArrayList<>();
        ArrayDeque<ConfigNode> todo = new ArrayDeque<>(nodes);
        while (!todo.isEmpty()) {
            ConfigNode n = todo.poll();
            if (n instanceof ConfigSection s) {
                todo.addAll(s.children());
            } else if (n instanceof ConfigEntry e) {
                addStrings(e.value(), out);
            }
        }
        return out;
    }

    private static void addStrings(ConfigValue v, List<String> out) {
        if (v instanceof ConfigValue.Str s) {
            out.add(s.value());
        } else if (v instanceof ConfigValue.Array a) {
            for (ConfigValue e : a.elements()) {
                addStrings(e, out);
            }
        }
    }
}
