package io.lvstack.engine.ops;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.model.Area;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.ArrayList;
import java.util.List;

/** Making, appending and merging striped segments, shared by the LV operations. */
final class Segments {
    private Segments() {
    }

    /**
     * The striped type's fields for {@code stripes} stripes of {@code stripeSize} sectors, decoded
     * from the text LVM2 would write, so no plugin class is needed.
     */
    static TypeFields striped(SegmentType type, int stripes, long stripeSize) {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(new ConfigEntry("stripe_count", new ConfigValue.Int(stripes), 0));
        if (stripes > 1) {
            entries.add(new ConfigEntry("stripe_size", new ConfigValue.Int(stripeSize), 0));
        }
        return type.decode(new ConfigSection("segment1", entries, 0), stripes).fields();
    }

    /** One new segment per allocated chunk, after the LV's last extent, then LVM2's {@code lv_merge_segments}. */
    static void append(StackEditor ed, LogicalVolume lv, SegmentType type, TypeFields fields, Allocation allocation) {
        for (Allocation.Chunk chunk : allocation.chunks()) {
            int stripes = chunk.areas().size();
            Segment seg = ed.addSegment(lv, type, fields, lv.extentCount(), chunk.length() * stripes, stripes,
                    List.of());
            for (int i = 0; i < stripes; i++) {
                PvRange r = chunk.areas().get(i);
                ed.setPvArea(seg, i, r.pv(), r.start());
            }
        }
        merge(ed, lv);
    }

    /** Merges every pair of adjacent segments whose areas continue each other on the same PVs. */
    static void merge(StackEditor ed, LogicalVolume lv) {
        int i = 0;
        while (i + 1 < lv.segments().size()) {
            Segment a = lv.segments().get(i);
            Segment b = lv.segments().get(i + 1);
            if (mergeable(a, b)) {
                ed.mergeSegments(a, b);
            } else {
                i++;
            }
        }
    }

    private static boolean mergeable(Segment a, Segment b) {
        if (a.type() != b.type() || a.areaCount() != b.areaCount() || !a.type().canMerge(a, b)) {
            return false;
        }
        for (int i = 0; i < a.areaCount(); i++) {
            if (!(a.areaOrNull(i) instanceof Area.OnPv x) || !(b.areaOrNull(i) instanceof Area.OnPv y)
                    || x.pv() != y.pv() || x.pe() + a.areaLen() != y.pe()) {
                return false;
            }
        }
        return true;
    }

    /** Raises the VG's seqno by one: every written change does (LVM2's {@code vg_commit}). */
    static void bumpSeqno(StackEditor ed) {
        ed.setVgProperties(ed.vg().properties().withSeqno(ed.vg().properties().seqno() + 1));
    }
}
