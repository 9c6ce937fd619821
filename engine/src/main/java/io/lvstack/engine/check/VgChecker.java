package io.lvstack.engine.check;

import io.lvstack.api.LvstackException;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.graph.GraphException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.Stack;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.engine.segtype.UnknownSegmentType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LVM2's validation of a volume group ({@code check_lv_segments}, {@code _check_lv_segment},
 * {@code check_pv_segments}, {@code vg_validate}), in LVM2's words, plus what LVM2 misses
 * (cycles). It knows no segment type: link rules come from the references the types declare
 * ({@link LinkConsistency}), type rules from each type's {@code validate}. Linear in the size of
 * the VG.
 */
public final class VgChecker {

    private VgChecker() {
    }

    /**
     * Every problem of {@code vg}.
     *
     * @param unassignedReported areas whose reference the importer already reported, so their
     *                           being unassigned is not reported again
     */
    public static List<Problem> check(VolumeGroup vg, Set<SegmentArea> unassignedReported) {
        List<Problem> out = new ArrayList<>();
        String vgName = printable(vg.name());
        checkVgName(vg, out);
        checkIds(vg, out);
        // LVM2 checks the layout of every LV as it reads it, the types' rules once all are read
        List<Problem> typeRules = new ArrayList<>();
        for (LogicalVolume lv : vg.lvs()) {
            checkName(vg, lv, out);
            checkSegments(vg, lv, unassignedReported, out, typeRules);
        }
        out.addAll(typeRules);
        for (String link : LinkConsistency.problems(vg)) {
            out.add(Problem.error(vgName, link));
        }
        for (LogicalVolume lv : vg.lvs()) {
            checkSingleUser(vg, lv, out);
            checkPvmove(vg, lv, out);
        }
        out.addAll(OrphanedSubLvs.problems(vg));
        checkCycles(vg, out);
        return out;
    }

    /** One area of one segment, as a key. */
    public record SegmentArea(Segment segment, int area) {
    }

    private static String where(LogicalVolume lv) {
        return printable(lv.fullName());
    }

    private static String where(Segment seg) {
        return printable(seg.lv().fullName()) + " segment " + seg.number();
    }

    /** A name as a message can show it on one line: control characters as {@code \xNN}. */
    static String printable(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(name.substring(0, i));
                }
                out.append(String.format("\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? name : out.toString();
    }

    /**
     * LVM2's {@code validate_name} for the VG's name too: it names the VG's device-mapper devices
     * and {@code /dev} directory, so vgcfgrestore refuses a VG named otherwise before it reads it.
     */
    private static void checkVgName(VolumeGroup vg, List<Problem> out) {
        LvmNameRules.NameError bad = LvmNameRules.validate(vg.name());
        if (bad != null) {
            out.add(Problem.error(printable(vg.name()), "Volume group name \"" + printable(vg.name()) + "\" is invalid. "
                    + bad.message()));
        }
    }

    private static void checkIds(VolumeGroup vg, List<Problem> out) {
        checkId(vg.name(), "VG " + vg.name(), vg.properties().id(), out);
        for (PhysicalVolume pv : vg.pvs()) {
            checkId(vg.name() + " PV " + pv.name(), "PV " + pv.name(), pv.id(), out);
        }
        Map<String, LogicalVolume> ids = new HashMap<>();
        for (LogicalVolume lv : vg.lvs()) {
            // the place and the name are spelled out only for a bad id: this runs for every LV
            if (!validId(lv.id())) {
                checkId(where(lv), "LV " + lv.name(), lv.id(), out);
            }
            LogicalVolume first = ids.putIfAbsent(lv.id(), lv);
            if (first != null) {
                out.add(Problem.error(where(lv), "Duplicate LV id " + lv.id() + " detected for " + lv.name() + " in "
                        + vg.name() + " (also LV " + first.name() + ")."));
            }
        }
    }

    private static void checkId(String where, String what, String id, List<Problem> out) {
        if (!validId(id)) {
            out.add(Problem.error(where, "Invalid ID format for " + what + ": \"" + id
                    + "\" (expected 32 characters of 0-9, a-z, A-Z, ! and #, dashes aside)."));
        }
    }

    /** LVM2's {@code id_read_format}: 32 characters of {@code 0-9a-zA-Z!#}, dashes ignored. */
    private static boolean validId(String id) {
        int count = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '-') {
                continue;
            }
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '#')) {
                return false;
            }
            count++;
        }
        return count == 32;
    }

    /**
     * {@code vg_validate}'s rules for every LV name, hidden ones too, in its order: the length of
     * {@code VG-LV}, then {@code validate_name}. Reserved names are no error here: LVM2 writes its
     * own LVs so and restores a file with a visible {@code foo_mlog} (checked with vgcfgrestore).
     */
    private static void checkName(VolumeGroup vg, LogicalVolume lv, List<Problem> out) {
        String n = lv.name();
        String tooLong = LvmNameRules.lengthProblem(vg.name(), n);
        if (tooLong != null) {
            out.add(Problem.error(where(lv), printable(tooLong)));
        }
        LvmNameRules.NameError bad = LvmNameRules.validate(n);
        if (bad != null) {
            out.add(Problem.error(where(lv), "LV name " + printable(n) + " has invalid form. " + bad.message()));
        }
    }

    /**
     * LVM2's rule ({@code area_len} is {@code len} or {@code len / n} exactly) for types whose
     * geometry is one of those, and the type's own geometry for areas that hold parity or copies.
     */
    private static boolean inconsistentAreaLen(Segment seg, int count) {
        long expected = seg.handler().areaLength(seg.len(), count, seg.fields());
        boolean lvm2Geometry = expected == seg.len() || expected == seg.len() / count;
        return seg.areaLen() != expected
                || lvm2Geometry && seg.len() != seg.areaLen() && seg.len() != seg.areaLen() * count;
    }

    private static void checkSegments(VolumeGroup vg, LogicalVolume lv, Set<SegmentArea> reported, List<Problem> out,
            List<Problem> typeRules) {
        long le = 0;
        int n = 0;
        for (Segment seg : lv.segments()) {
            n++;
            if (seg.le() != le) {
                out.add(Problem.error(where(seg), "LV " + lv.name() + " invalid: segment " + n + " should begin at LE "
                        + le + " (found " + seg.le() + ")."));
            }
            int count = seg.areaCount();
            if (count > 0 && inconsistentAreaLen(seg, count)) {
                out.add(Problem.error(where(seg), "LV " + lv.name() + ": segment " + n + " with len=" + seg.len()
                        + "  has inconsistent area_len " + seg.areaLen()));
            }
            for (int i = 0; i < count; i++) {
                Area a = seg.areaOrNull(i);
                if (a == null) {
                    if (!reported.contains(new SegmentArea(seg, i))) {
                        out.add(Problem.error(where(seg) + " area " + i, "LV " + lv.name() + ": segment " + n
                                + " has unassigned area " + i + "."));
                    }
                } else if (a instanceof Area.OnPv p && p.pe() + seg.areaLen() > p.pv().peCount()) {
                    out.add(Problem.error(where(seg) + " area " + i, "extents " + p.pe() + "-"
                            + (p.pe() + seg.areaLen() - 1) + " lie outside PV " + ((PhysicalVolume) p.pv()).name()
                            + " (" + p.pv().peCount() + " extents)"));
                }
            }
            validate(seg, n, typeRules);
            le += seg.len();
        }
        if (n == 0 && !lv.name().matches("pvmove\\d+")) {
            out.add(Problem.error(where(lv), "LV " + lv.name() + " has no segment."));
        }
    }

    /** The segment type's own rules, worded as LVM2 words {@code _check_lv_segment}. */
    private static void validate(Segment seg, int n, List<Problem> out) {
        if (seg.type() instanceof UnknownSegmentType) {
            return;
        }
        LogicalVolume lv = seg.lv();
        ProblemSink sink = new ProblemSink() {
            @Override
            public void error(String message) {
                out.add(Problem.error(where(seg), "LV " + lv.fullName() + ", segment " + n + " invalid: " + message
                        + " for " + seg.type().name() + " segment."));
            }

            @Override
            public void lvError(String message) {
                out.add(Problem.error(where(seg), "LV " + lv.name() + ": " + message + "."));
            }

            @Override
            public void lvInvalid(String message) {
                out.add(Problem.error(where(seg), "LV " + lv.fullName() + " invalid: " + message + " for "
                        + seg.type().name() + " segment"));
            }

            @Override
            public void warning(String message) {
                out.add(Problem.warning(where(seg), message));
            }
        };
        try {
            seg.handler().validate(seg, sink);
        } catch (LvstackException e) {
            // One more problem, at the segment; the check goes on with the rest of the VG.
            out.add(Problem.error(where(seg), e.getMessage()));
        }
    }

    /** A component (images, logs, pool parts: whatever a type marks so) belongs to one segment. */
    private static void checkSingleUser(VolumeGroup vg, LogicalVolume lv, List<Problem> out) {
        if (lv.component()) {
            try {
                Stack.onlyUser(lv);
            } catch (GraphException e) {
                out.add(Problem.error(where(lv), e.getMessage()));
            }
        }
    }

    /** {@code vg_validate}: a pvmove LV's segments are 2-way mirrors or single areas. */
    private static void checkPvmove(VolumeGroup vg, LogicalVolume lv, List<Problem> out) {
        if (!lv.has(LvStatus.PVMOVE)) {
            return;
        }
        int n = 0;
        for (Segment seg : lv.segments()) {
            n++;
            boolean mirror = seg.type().has(io.lvstack.api.SegmentCapability.AREAS_MIRRORED);
            if (!(seg.areaCount() == 1 || (mirror && seg.areaCount() == 2))) {
                out.add(Problem.error(where(seg), "Segment " + n + " in " + lv.name() + " is not 2-way."));
            }
        }
    }

    /** Stacks must not loop: LVM2 accepts a cyclic stack and then crashes in vgremove. */
    private static void checkCycles(VolumeGroup vg, List<Problem> out) {
        Map<LogicalVolume, Integer> state = new IdentityHashMap<>();
        for (LogicalVolume root : vg.lvs()) {
            if (state.containsKey(root)) {
                continue;
            }
            // Iterative depth-first walk: state 1 = on the current path, 2 = done.
            ArrayDeque<LogicalVolume> path = new ArrayDeque<>();
            ArrayDeque<java.util.Iterator<LogicalVolume>> next = new ArrayDeque<>();
            path.push(root);
            next.push(Stack.children(root).iterator());
            state.put(root, 1);
            while (!path.isEmpty()) {
                java.util.Iterator<LogicalVolume> it = next.peek();
                if (!it.hasNext()) {
                    state.put(path.pop(), 2);
                    next.pop();
                    continue;
                }
                LogicalVolume child = it.next();
                if (!vg.contains(child)) {
                    continue;
                }
                Integer s = state.get(child);
                if (s == null) {
                    state.put(child, 1);
                    path.push(child);
                    next.push(Stack.children(child).iterator());
                } else if (s == 1) {
                    out.add(Problem.error(where(child), "cyclic stack: " + cycle(path, child)
                            + " (LVM2 accepts this and then crashes)"));
                }
            }
        }
    }

    private static String cycle(ArrayDeque<LogicalVolume> path, LogicalVolume back) {
        List<String> names = new ArrayList<>();
        for (java.util.Iterator<LogicalVolume> it = path.descendingIterator(); it.hasNext(); ) {
            names.add(it.next().name());
        }
        names = names.subList(names.indexOf(back.name()), names.size());
        return String.join(" -> ", names) + " -> " + back.name();
    }
}
