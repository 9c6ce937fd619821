package io.lvstack.benchmarks;

import io.lvstack.api.SegmentType;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.segtype.striped.StripedFields;
import java.util.List;
import java.util.Set;

/**
 * The stacks the graph benchmarks build, and the two link operations {@link LinkBenchmark} and
 * its control {@link LinkBenchmarkFixedVg} measure, written once so that both measure exactly
 * the same work. Every segment is a one-stripe {@code striped} (linear) segment.
 */
final class BenchStacks {
    final VolumeGroup vg;
    final SegmentType striped;

    /** An empty VG of {@code engine}, which must have the {@code striped} type. */
    BenchStacks(Engine engine) {
        striped = engine.segmentTypes().byName("striped");
        if (striped == null) {
            throw new IllegalStateException("the striped segment type is not on the class path");
        }
        vg = engine.newVolumeGroup("vg", VgProperties.simple(Ids.of("vg", 0), Ids.EXTENT_SIZE));
    }

    /** The VG's one PV, of {@code extents} extents. */
    PhysicalVolume addPv(long extents) {
        return vg.change(ed -> ed.addPv(PvProperties.simple(Ids.of("pv", 0), "/dev/bench", Ids.PE_START, extents,
                Ids.PE_START + extents * Ids.EXTENT_SIZE)));
    }

    /** A new LV of {@code extents} extents, mapped onto {@code pv} from {@code pe}. */
    LogicalVolume lvOnPv(String name, String id, long extents, PhysicalVolume pv, long pe) {
        return vg.change(ed -> {
            LogicalVolume lv = ed.createLv(name, id, Set.of(), List.of(), LvProperties.NONE);
            Segment s = ed.addSegment(lv, striped, new StripedFields(0), 0, extents, 1, List.of());
            ed.setPvArea(s, 0, pv, pe);
            return lv;
        });
    }

    /** A new one-extent LV mapped onto extent {@code le} of {@code target}; returns its segment. */
    Segment userOf(String name, String id, LogicalVolume target, long le) {
        return vg.change(ed -> {
            LogicalVolume lv = ed.createLv(name, id, Set.of(), List.of(), LvProperties.NONE);
            Segment s = ed.addSegment(lv, striped, new StripedFields(0), 0, 1, 1, List.of());
            ed.setLvArea(s, 0, target, le);
            return s;
        });
    }

    /** A new LV without segments. */
    LogicalVolume emptyLv(String name, String id) {
        return vg.change(ed -> ed.createLv(name, id, Set.of(), List.of(), LvProperties.NONE));
    }

    /** Unlinks user segment {@code s} from {@code target} and links it again, in one atomic change. */
    int unlinkRelink(Segment s, LogicalVolume target, long le) {
        vg.apply(ed -> {
            ed.releaseArea(s, 0);
            ed.setLvArea(s, 0, target, le);
        });
        return target.userCount();
    }

    /**
     * Adds a one-extent segment at LE {@code at} of {@code lv} (its end), linked to extent
     * {@code le} of {@code target}, then removes it: two changes, as a tool would make them.
     */
    int addLinkRemoveSegment(LogicalVolume lv, long at, LogicalVolume target, long le) {
        Segment s = vg.change(ed -> {
            Segment seg = ed.addSegment(lv, striped, new StripedFields(0), at, 1, 1, List.of());
            ed.setLvArea(seg, 0, target, le);
            return seg;
        });
        vg.apply(ed -> ed.removeSegment(s));
        return target.userCount();
    }
}
