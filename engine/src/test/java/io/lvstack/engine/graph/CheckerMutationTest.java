package io.lvstack.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Corrupts valid corpus VGs at the model level, behind the editor's back, one corruption at a
 * time, and counts how many the checker catches. Each kind breaks an invariant the editor keeps:
 * a count of upward links, an area and its PV piece, a segment's length, the PV bounds, VG
 * membership, the absence of cycles.
 */
class CheckerMutationTest {
    private static final Engine ENGINE = Lvstack.engine();
    private static final MetadataFormat FORMAT = new MetadataFormat(ENGINE);
    private static final int PER_FILE_AND_KIND = 5;

    enum Kind { DROP_LINK, DOUBLE_LINK, SHIFT_PV_AREA, SHRINK_SEGMENT, PAST_PV_END, FOREIGN_LV, CYCLE }

    /** What the report must say for each kind: caught for the right reason, not by accident. */
    private static final Map<Kind, String> SIGNATURE = Map.of(
            Kind.DROP_LINK, "missing ptr from",
            Kind.DOUBLE_LINK, "Reference count mismatch",
            Kind.SHIFT_PV_AREA, "has inconsistent PV area",
            Kind.SHRINK_SEGMENT, "LV ",
            Kind.PAST_PV_END, "lie outside PV",
            Kind.FOREIGN_LV, "which is not in VG",
            Kind.CYCLE, "cyclic stack");

    @Test
    void theCheckerCatchesAtLeast99PercentOfSingleCorruptions() {
        Random rnd = new Random(20261125);
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
        List<String> missed = new ArrayList<>();
        for (Path file : Corpus.acceptedFiles()) {
            for (Kind kind : Kind.values()) {
                for (int n = 0; n < PER_FILE_AND_KIND; n++) {
                    ImportedVg vg = FORMAT.read(file);
                    String what = corrupt(kind, vg.vg(), rnd);
                    if (what == null) {
                        break; // nothing in this VG to corrupt that way
                    }
                    int[] c = counts.computeIfAbsent(kind, k -> new int[2]);
                    c[1]++;
                    List<String> found = Checker.check(vg.vg()).errors().stream().map(Object::toString).toList();
                    if (found.stream().anyMatch(m -> m.contains(SIGNATURE.get(kind)))) {
                        c[0]++;
                    } else {
                        missed.add(file.getFileName() + ": " + what + " -> " + found);
                    }
                }
            }
        }
        int caught = counts.values().stream().mapToInt(c -> c[0]).sum();
        int total = counts.values().stream().mapToInt(c -> c[1]).sum();
        StringBuilder summary = new StringBuilder();
        counts.forEach((k, c) -> summary.append(k).append(' ').append(c[0]).append('/').append(c[1]).append("; "));
        System.out.println("checker mutation test: caught " + caught + " of " + total + " corruptions: " + summary);
        assertTrue(total > 2000, "too few corruptions applied: " + total);
        assertTrue(caught * 100L >= total * 99L, caught + " of " + total + " caught; missed: " + missed);
        assertEquals(List.of(), missed, "every corruption kind is caught here");
    }

    /** Applies one corruption of {@code kind}; returns what it did, or null when it cannot apply. */
    private static String corrupt(Kind kind, VolumeGroup vg, Random rnd) {
        List<Segment> segs = new ArrayList<>();
        for (LogicalVolume lv : vg.lvs()) {
            segs.addAll(lv.segments());
        }
        switch (kind) {
            case DROP_LINK, DOUBLE_LINK -> {
                List<LogicalVolume> used = vg.lvs().stream().filter(lv -> lv.userCount() > 0).toList();
                if (used.isEmpty()) {
                    return null;
                }
                LogicalVolume lv = used.get(rnd.nextInt(used.size()));
                Segment user = lv.users().get(rnd.nextInt(lv.userCount()));
                if (kind == Kind.DROP_LINK) {
                    lv.links().remove(user);
                    lv.links().purge();
                } else {
                    lv.links().add(user);
                }
                return kind + " " + lv.name() + " <- " + user;
            }
            case SHIFT_PV_AREA, PAST_PV_END -> {
                return pickArea(segs, rnd, Area.OnPv.class, (seg, i) -> {
                    Area.OnPv p = (Area.OnPv) seg.areaOrNull(i);
                    long pe = kind == Kind.SHIFT_PV_AREA ? p.pe() + 1 : p.pv().peCount();
                    seg.area(i, new Area.OnPv(p.pv(), pe));
                    return kind + " " + seg + " area " + i + " to PE " + pe;
                });
            }
            case SHRINK_SEGMENT -> {
                if (segs.isEmpty()) {
                    return null;
                }
                Segment seg = segs.get(rnd.nextInt(segs.size()));
                seg.len(seg.len() - 1);
                return kind + " " + seg;
            }
            case FOREIGN_LV -> {
                VolumeGroup other = ENGINE.newVolumeGroup("other", vg.properties());
                LogicalVolume foreign = other.change(ed -> ed.createLv("foreign", "F00000-0000-0000-0000-0000-0000-000000",
                        java.util.EnumSet.of(LvStatus.READ, LvStatus.VISIBLE), List.of(), LvProperties.NONE));
                return pickArea(segs, rnd, Area.class, (seg, i) -> {
                    seg.area(i, new Area.OnLv(foreign, 0));
                    foreign.links().add(seg);
                    return kind + " " + seg + " area " + i;
                });
            }
            case CYCLE -> {
                // An LV area pointed back at its own LV, with the link kept consistent, so that
                // only the cycle is wrong.
                return pickArea(segs, rnd, Area.OnLv.class, (seg, i) -> {
                    Area.OnLv old = (Area.OnLv) seg.areaOrNull(i);
                    ((LogicalVolume) old.lv()).links().remove(seg);
                    ((LogicalVolume) old.lv()).links().purge();
                    seg.area(i, new Area.OnLv(seg.lv(), 0));
                    seg.lv().links().add(seg);
                    return kind + " " + seg + " area " + i;
                });
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private static String pickArea(List<Segment> segs, Random rnd, Class<? extends Area> type,
            BiFunction<Segment, Integer, String> change) {
        List<int[]> candidates = new ArrayList<>();
        for (int s = 0; s < segs.size(); s++) {
            for (int i = 0; i < segs.get(s).areaCount(); i++) {
                if (type.isInstance(segs.get(s).areaOrNull(i))) {
                    candidates.add(new int[] {s, i});
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int[] c = candidates.get(rnd.nextInt(candidates.size()));
        return change.apply(segs.get(c[0]), c[1]);
    }
}
