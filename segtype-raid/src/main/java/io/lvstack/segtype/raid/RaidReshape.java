package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.DisplaySize;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reshapes of raid4, raid5 and raid6 LVs as LVM2's {@code _raid_reshape} sets them up: out-of-place
 * reshape space (1 MiB or a stripe, whole extents) added to every image, moved to the images'
 * front when stripes are added, and the reshape flags the kernel acts on. The kernel moves the
 * data at activation; lvstack writes LVM2's commit before its reload ({@code data_offset}, the new
 * images marked {@code RESHAPE_DELTA_DISKS_PLUS}), which LVM2 itself activates after a crash.
 * Freeing reshape space and removing stripes depend on how far the kernel got, which only a
 * running kernel knows: those are refused.
 */
final class RaidReshape {
    private final VgEditor ed;
    private final RaidTypes types;
    private final RaidImages images;

    RaidReshape(VgEditor ed, RaidTypes types, RaidImages images) {
        this.ed = ed;
        this.types = types;
        this.images = images;
    }

    /** A new layout or stripe size over the same images ({@code _raid_reshape_keep_images}). */
    void keep(LvView lv, RaidLevel to, long stripeSize, List<PvExtents> candidates) {
        SegmentView seg = lv.segments().get(0);
        RaidLevel from = ((RaidSegmentType) seg.type()).level();
        RaidFields f = (RaidFields) seg.fields();
        if (from != to) {
            ed.message("  Converting " + from.typeName() + from.sameAs() + " LV " + RaidOps.fullName(ed, lv) + " to "
                    + to.typeName() + to.sameAs() + ".");
        }
        // no space for a mere alias (raid5 to raid5_ls), always for a new stripe size, never over 2 images
        boolean alias = from != to && from.target().equals(to.target());
        boolean space = seg.areaCount() != 2 && (!alias || f.stripeSize() != stripeSize);
        List<LvView> imgs = RaidImages.images(seg);
        List<LvView> metas = RaidImages.metas(seg);
        long reshape = seg.reshapeLen();
        long len = seg.len();
        if (space && reshape == 0) {
            reshape = perDevice(f.stripeSize());
            extendImages(imgs, reshape, candidates);
            len += reshape * (seg.areaCount() - from.parityDevices());
        }
        ed.removeSegment(seg);
        form(lv, to, f.withStripeSize(stripeSize), len, reshape, space ? reshape : 0, imgs, metas,
                space && seg.reshapeLen() == 0);
    }

    /** Stripes added ({@code _raid_reshape_add_images}): new pairs, then reshape space at every image's front. */
    void add(LvView lv, int count, Long stripeSize, List<PvExtents> candidates) {
        SegmentView seg = lv.segments().get(0);
        RaidLevel level = ((RaidSegmentType) seg.type()).level();
        RaidFields f = (RaidFields) seg.fields();
        String full = RaidOps.fullName(ed, lv);
        if (seg.reshapeLen() != 0) {
            throw new LvstackException("Reshape request failed on LV " + full + ": it holds reshape space, which"
                    + " lvstack moves only where the kernel has finished the last reshape.");
        }
        int areas = seg.areaCount();
        int oldData = areas - level.parityDevices();
        int newData = count - level.parityDevices();
        long grown = seg.len() * newData / oldData;
        ed.message("  WARNING: Adding stripes to active logical volume " + full + " will grow it from " + seg.len()
                + " to " + grown + " extents!");
        ed.message("  Run \"lvresize -l" + seg.len() + " " + full + "\" to shrink it or use the additional"
                + " capacity.");
        List<LvView> imgs = RaidImages.images(seg);
        List<LvView> metas = RaidImages.metas(seg);
        long image = imgs.get(0).extentCount();
        long meta = RaidShape.metaExtents(image, f.regionSize(), ed.vg().extentSize());
        images.newPairs(lv, areas, count - areas, image, meta, RaidImages.pvsOf(lv, imgs, metas), candidates, metas,
                imgs);
        for (int i = areas; i < count; i++) {
            // LVM2's commit before its reload: the kernel adds these as delta disks, not rebuilds
            ed.setStatus(imgs.get(i), LvStatus.REBUILD, false);
            ed.setStatus(imgs.get(i), LvStatus.RESHAPE_DELTA_DISKS_PLUS, true);
        }
        long reshape = perDevice(f.stripeSize());
        extendImages(imgs, reshape, candidates);
        for (LvView img : imgs) {
            toFront(img, reshape);
        }
        ed.removeSegment(seg);
        long stripe = stripeSize != null ? stripeSize : f.stripeSize();
        form(lv, level, f.withStripeSize(stripe), grown + reshape * newData, reshape, reshape, imgs, metas, true);
    }

    /** LVM2's refusal to remove stripes without {@code --force}, else lvstack's: the kernel removes them in two steps. */
    void remove(LvView lv, int count, boolean force) {
        SegmentView seg = lv.segments().get(0);
        RaidLevel level = ((RaidSegmentType) seg.type()).level();
        String full = RaidOps.fullName(ed, lv);
        int oldData = seg.areaCount() - level.parityDevices();
        int newData = count - level.parityDevices();
        if (RaidText.image(seg, seg.areaCount() - 1).has(LvStatus.REMOVE_AFTER_RESHAPE)) {
            throw new LvstackException("Reshape request failed on LV " + full + ": its freed images go once the"
                    + " kernel has finished the reshape, which only a running LVM2 can tell; run this with LVM2.");
        }
        long now = seg.len() - seg.reshapeLen() * oldData;
        long reduced = now * newData / oldData;
        long extent = ed.vg().extentSize();
        ed.message("  WARNING: Removing stripes from active logical volume " + full + " will shrink it from "
                + DisplaySize.of(now * extent) + " to " + DisplaySize.of(reduced * extent) + "!");
        ed.message("  THIS MAY DESTROY (PARTS OF) YOUR DATA!");
        ed.message("  If that leaves the logical volume larger than " + now * now / reduced + " extents due to stripe"
                + " rounding,");
        ed.message("  you may want to grow the content afterwards (filesystem etc.)");
        ed.message("  WARNING: to remove freed stripes after the conversion has finished, you have to run"
                + " \"lvconvert --stripes " + newData + " " + full + "\"");
        if (!force) {
            ed.message("  Can't remove stripes without --force option.");
            throw new LvstackException("Reshape request failed on LV " + full + ".");
        }
        throw new LvstackException("Reshape request failed on LV " + full + ": lvstack does not remove stripes, which"
                + " the kernel does in two steps while the LV is active.");
    }

    /** Out-of-place reshape extents per image: at least 1 MiB and a stripe, in whole extents. */
    private long perDevice(long stripeSize) {
        long sectors = Math.max(2048, stripeSize);
        return Math.max(sectors / ed.vg().extentSize(), 1);
    }

    /** Each image {@code extents} longer, on its own PVs ({@code lv_extend} of the raid LV). */
    private void extendImages(List<LvView> imgs, long extents, List<PvExtents> candidates) {
        for (LvView img : imgs) {
            Set<PvView> on = RaidImages.pvsOf(img);
            List<PvExtents> where = new ArrayList<>();
            for (PvExtents c : candidates.isEmpty() ? RaidOps.whole(on) : candidates) {
                if (on.contains(c.pv())) {
                    where.add(c);
                }
            }
            // lv_extend of the raid LV: each image grows next to its last extent where it can
            Allocated a = ed.allocate(AreaRequest.extending(img, 1, extents, where));
            ed.appendPlain(img, RaidOps.pieces(a, 0));
        }
    }

    /** The last {@code extents} of an image moved to its front ({@code _lv_relocate_reshape_space}). */
    private void toFront(LvView img, long extents) {
        List<PvExtents> data = new ArrayList<>();
        List<PvExtents> moved = new ArrayList<>(
                RaidOps.splitFront(RaidOps.plainPieces(img), img.extentCount() - extents, data::addAll));
        moved.addAll(data);
        List.copyOf(img.segments()).forEach(ed::removeSegment);
        ed.appendPlain(img, moved);
    }

    /** The raid segment over the images, with the reshape space counted and flagged. */
    private void form(LvView lv, RaidLevel level, RaidFields f, long len, long reshape, long offsetExtents,
            List<LvView> imgs, List<LvView> metas, boolean allocated) {
        images.form(lv, types.level(level), f.withDataOffset(offsetExtents * ed.vg().extentSize()), len, imgs, metas);
        SegmentView seg = lv.segments().get(0);
        ed.setReshapeLen(seg, reshape);
        for (LvView img : imgs) {
            ed.setReshapeLen(img.segments().get(0), reshape);
        }
        ed.setStatus(lv, LvStatus.RESHAPE, true);
        if (allocated) {
            ed.setStatus(lv, LvStatus.RESHAPE_DATA_OFFSET, true);
        }
    }
}
