package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code lvcreate --type raidN} (and {@code -m N}, which LVM2 2.03 makes raid1): the raid LV, then
 * for each image {@code LV_rimage_N} and {@code LV_rmeta_N} (none for raid0), each pair allocated
 * together on its own PV with the metadata LV's extents first, as LVM2's {@code alloc_and_split_meta};
 * with {@code --raidintegrity y} an integrity layer in every image ({@link RaidIntegrity}).
 */
final class RaidCreator implements LvCreator {
    private final RaidLevel level;
    private final RaidTypes types;

    RaidCreator(RaidLevel level, RaidTypes types) {
        this.level = level;
        this.types = types;
    }

    /** LVM2's {@code metadata/stripesize}: 64 KiB. */
    static final long DEFAULT_STRIPE_SIZE = 128;
    /** LVM2's {@code activation/raid_region_size}: 2 MiB. */
    static final long DEFAULT_REGION_SIZE = 4096;
    /** The most regions dm-raid's bitmap takes per image ({@code raid_ensure_min_region_size}). */
    private static final long MAX_REGIONS = 1L << 21;

    @Override
    public LvView create(CreateRequest r, VgEditor editor) {
        if (r.extents() == 0) {
            throw new LvstackException("Please specify either size or extents.");
        }
        if (r.mirrorLog() != null) {
            throw new LvstackException("Mirror log is only available with mirrors.");
        }
        RaidShape shape = RaidShape.of(level, r.stripes() > 1 ? Integer.valueOf(r.stripes()) : null, r.mirrors());
        long extentSize = editor.vg().extentSize();
        long stripeSize = 0;
        if (level.family() != RaidLevel.Family.RAID1) {
            if (r.stripeSize() != null) {
                stripeSize = r.stripeSize();
            } else {
                stripeSize = DEFAULT_STRIPE_SIZE;
                editor.message(RaidOps.defaultStripeSize());
            }
        }
        long extents = r.extents();
        int boundary = shape.stripeBoundary(level);
        if (extents % boundary != 0) {
            long rounded = (extents / boundary + 1) * boundary;
            editor.message("  Rounding size " + io.lvstack.api.ops.DisplaySize.of(extents * extentSize) + " (" + extents
                    + " extents) up to stripe boundary size " + io.lvstack.api.ops.DisplaySize.of(rounded * extentSize) + " (" + rounded
                    + " extents).");
            extents = rounded;
        }
        long image = shape.imageExtents(level, extents);
        long region = 0;
        if (!level.raid0()) {
            region = r.regionSize() != null ? r.regionSize() : DEFAULT_REGION_SIZE;
            while (image * extentSize / region > MAX_REGIONS) {
                region *= 2;
            }
        }
        boolean meta = level != RaidLevel.RAID0;
        long metaExtents = meta ? RaidShape.metaExtents(image, region == 0 ? DEFAULT_REGION_SIZE : region,
                extentSize) : 0;
        Allocated a = editor.allocate(new AreaRequest(shape.devices(), image + metaExtents, 0, r.candidates(),
                Set.of(), null, r.name()));
        LvView top = editor.createLv(r.name(), true);
        List<LvView> images = new ArrayList<>();
        List<LvView> metas = new ArrayList<>();
        for (int i = 0; i < shape.devices(); i++) {
            List<PvExtents> pieces = RaidOps.pieces(a, i);
            LvView img = editor.createLv(r.name() + "_rimage_" + i, false);
            LvView rmeta = meta ? editor.createLv(r.name() + "_rmeta_" + i, false) : null;
            List<PvExtents> imagePieces = pieces;
            if (meta) {
                imagePieces = RaidOps.splitFront(pieces, metaExtents, m -> editor.appendPlain(rmeta, m));
            }
            editor.appendPlain(img, imagePieces);
            images.add(img);
            metas.add(rmeta);
        }
        RaidFields fields = RaidFields.of(region, stripeSize, level.family() == RaidLevel.Family.RAID10
                ? shape.dataCopies() : 0);
        SegmentView seg = editor.addSegment(top, editor.type(), fields, 0, extents, shape.devices());
        for (int i = 0; i < shape.devices(); i++) {
            editor.setLvArea(seg, i, images.get(i), 0);
            if (meta) {
                editor.attach(seg, RaidSegmentType.META.at(i), metas.get(i));
            }
        }
        CreateRequest.RaidOptions o = r.raidOptions();
        if (o.nosync() && !level.raid0()) {
            editor.setStatus(top, LvStatus.NOTSYNCED, true);
        }
        if (o.integrity()) {
            new RaidIntegrity(editor, types.integrity()).add(top, o.integrityMode(), o.integrityBlockSize(), r.candidates());
        }
        return top;
    }
}
