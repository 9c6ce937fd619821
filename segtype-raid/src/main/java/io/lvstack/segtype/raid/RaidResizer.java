package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.ResizeRequest;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lvextend} of a raid LV ({@code _lv_extend_layered_lv}): every image grows by what the
 * level's geometry gives it, allocated together with the others as the LV's own growth (each
 * image's new extents beside its last ones where LVM2 finds room), and the metadata LVs grow when
 * the larger bitmap needs more extents. With integrity, the images' {@code _iorig} layers grow.
 */
final class RaidResizer implements LvResizer {
    private final RaidLevel level;

    RaidResizer(RaidLevel level) {
        this.level = level;
    }

    @Override
    public void extend(LvView lv, ResizeRequest r, VgEditor editor) {
        if (r.metadataSectors() != null) {
            throw new LvstackException("--poolmetadatasize can be used only with pools: " + lv.name() + " is no pool.");
        }
        if (lv.segments().size() != 1) {
            throw new LvstackException("LV " + lv.name() + " must have exactly one segment.");
        }
        SegmentView seg = lv.segments().get(0);
        RaidFields f = (RaidFields) seg.fields();
        int devices = seg.areaCount();
        long extentSize = editor.vg().extentSize();
        if (level.family() == RaidLevel.Family.RAID1 || level.family() == RaidLevel.Family.RAID10) {
            editor.message("  Extending " + (level.family() == RaidLevel.Family.RAID10 ? 2 : devices)
                    + " mirror images.");
        }
        int stripes = level.family() == RaidLevel.Family.RAID1 ? 1
                : level.family() == RaidLevel.Family.RAID10 ? devices / 2 : devices - level.parityDevices();
        if (stripes > 1 && f.stripeSize() != 0) {
            editor.message("  Using stripesize of last segment " + io.lvstack.api.ops.DisplaySize.of(f.stripeSize()));
        }
        long old = lv.extentCount();
        long target = r.extents();
        if (target % stripes != 0) {
            target += stripes - target % stripes;
        }
        long oldImage = imageExtents(seg, old);
        long newImage = imageExtents(seg, target);
        long delta = newImage - oldImage;
        List<LvView> grown = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            grown.add(dataLv(RaidText.image(seg, i)));
        }
        Allocated a = editor.allocate(AreaRequest.extending(lv, devices, delta, r.candidates()));
        for (int i = 0; i < devices; i++) {
            editor.appendPlain(grown.get(i), RaidOps.pieces(a, i));
        }
        for (int i = 0; i < devices; i++) {
            LvView image = RaidText.image(seg, i);
            if (image != grown.get(i)) {
                SegmentView top = image.segments().get(0);
                editor.resizeSegment(top, grown.get(i).extentCount());
                if (top.fields() instanceof IntegrityFields fi) {
                    editor.setFields(top, fi.withDataSectors(grown.get(i).extentCount() * extentSize));
                }
            }
        }
        if (!level.raid0() && f.regionSize() != 0) {
            long metaDelta = RaidShape.metaExtents(newImage, f.regionSize(), extentSize)
                    - RaidShape.metaExtents(oldImage, f.regionSize(), extentSize);
            if (metaDelta > 0) {
                for (int i = 0; i < devices; i++) {
                    LvView meta = seg.reference(RaidSegmentType.META.at(i)).orElse(null);
                    if (meta != null) {
                        Allocated m = editor.allocate(AreaRequest.extending(meta, 1, metaDelta, r.candidates()));
                        editor.appendPlain(meta, RaidOps.pieces(m, 0));
                    }
                }
            }
        }
        editor.resizeSegment(seg, target);
        editor.message("  Size of logical volume " + editor.vg().name() + "/" + lv.name() + " changed from "
                + io.lvstack.api.ops.DisplaySize.of(old * extentSize) + " (" + old + " extents) to " + io.lvstack.api.ops.DisplaySize.of(target * extentSize)
                + " (" + target + " extents).");
        editor.message("  Logical volume " + editor.vg().name() + "/" + lv.name() + " successfully resized.");
    }

    /** What each image holds of an LV of {@code extents}, by the segment's geometry. */
    private static long imageExtents(SegmentView seg, long extents) {
        return seg.type().areaLength(extents, seg.areaCount(), seg.fields());
    }

    /** The LV an image's data grows in: the image, or under an integrity layer its {@code _iorig}. */
    private static LvView dataLv(LvView image) {
        if (image.segments().size() == 1 && image.segments().get(0).type() instanceof IntegritySegmentType) {
            return IntegritySegmentType.origin(image.segments().get(0));
        }
        return image;
    }
}
