package io.lvstack.segtype.raid;

import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.DisplaySize;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What the raid operations share: the allocator's pieces of one image, and LVM2's sizes in messages. */
final class RaidOps {
    private RaidOps() {
    }

    /** The pieces the allocator chose for parallel area {@code i}, in order. */
    static List<PvExtents> pieces(Allocated a, int i) {
        List<PvExtents> out = new ArrayList<>();
        for (Allocated.Chunk c : a.chunks()) {
            out.add(c.areas().get(i));
        }
        return out;
    }

    /**
     * Hands the first {@code n} extents of {@code pieces} to {@code front} (a metadata LV, as
     * LVM2's {@code alloc_and_split_meta} splits them off) and returns the rest.
     */
    static List<PvExtents> splitFront(List<PvExtents> pieces, long n, Consumer<List<PvExtents>> front) {
        List<PvExtents> head = new ArrayList<>();
        List<PvExtents> rest = new ArrayList<>();
        long left = n;
        for (PvExtents p : pieces) {
            if (left == 0) {
                rest.add(p);
            } else if (p.count() <= left) {
                head.add(p);
                left -= p.count();
            } else {
                head.add(new PvExtents(p.pv(), p.start(), left));
                rest.add(new PvExtents(p.pv(), p.start() + left, p.count() - left));
                left = 0;
            }
        }
        front.accept(head);
        return rest;
    }

    /** {@code VG/LV}, as LVM2's messages name an LV ({@code display_lvname}). */
    static String fullName(VgEditor ed, LvView lv) {
        return ed.vg().name() + "/" + lv.name();
    }

    /** LVM2's line when a raid level's stripe size is not given ({@code RaidCreator.DEFAULT_STRIPE_SIZE}). */
    static String defaultStripeSize() {
        return "  Using default stripesize " + DisplaySize.of(RaidCreator.DEFAULT_STRIPE_SIZE) + ".";
    }

    /** The PV extents of a linear sub-LV (an image or metadata LV), segment by segment. */
    static List<PvExtents> plainPieces(LvView lv) {
        List<PvExtents> out = new ArrayList<>();
        for (SegmentView s : lv.segments()) {
            Area.OnPv a = (Area.OnPv) s.area(0).orElseThrow();
            out.add(new PvExtents(a.pv(), a.pe(), s.len()));
        }
        return out;
    }

    /** Each of {@code pvs} whole, as allocation candidates (LVM2's PV list of an LV). */
    static List<PvExtents> whole(java.util.Collection<? extends PvView> pvs) {
        List<PvExtents> out = new ArrayList<>();
        for (PvView pv : pvs) {
            out.add(new PvExtents(pv, 0, pv.peCount()));
        }
        return out;
    }
}
