package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LVM2's {@code lv_add_integrity_to_raid} and its removal: every image of a raid LV gets an
 * {@code _imeta} LV on the image's own PVs, sized by {@link #metaExtents}, then its segments move
 * to an {@code _iorig} layer under an {@code integrity} segment; all the {@code _imeta} LVs are
 * made before the first layer, as LVM2 orders them.
 */
final class RaidIntegrity {
    private static final long MIB = 1024L * 1024;
    private final VgEditor ed;
    private final IntegritySegmentType integrity;

    RaidIntegrity(VgEditor ed, IntegritySegmentType integrity) {
        this.ed = ed;
        this.integrity = integrity;
    }

    /**
     * LVM2's {@code _lv_size_bytes_to_integrity_meta_bytes}: 4 MiB per started 500 MiB of data,
     * plus room for the journal (4 MiB up to 512 MiB, 8 MiB up to 1 GiB, 32 MiB up to 4 GiB, 64 MiB
     * above), in whole extents, rounded down.
     */
    static long metaExtents(long imageExtents, long extentSize) {
        long bytes = imageExtents * extentSize * 512;
        long meta = (bytes / (500 * MIB) + 1) * 4 * MIB;
        long journal = bytes <= 512 * MIB ? 4 * MIB : bytes <= 1024 * MIB ? 8 * MIB : bytes <= 4096 * MIB ? 32 * MIB
                : 64 * MIB;
        return (meta + journal) / 512 / extentSize;
    }

    /** Adds the integrity layer to every image of raid LV {@code top}. */
    void add(LvView top, String mode, Long blockSize, List<PvExtents> candidates) {
        SegmentView seg = top.segments().get(0);
        long extentSize = ed.vg().extentSize();
        List<LvView> images = new ArrayList<>();
        List<LvView> metas = new ArrayList<>();
        for (int i = 0; i < seg.areaCount(); i++) {
            LvView image = RaidText.image(seg, i);
            if (image.segments().size() == 1 && image.segments().get(0).type() == integrity) {
                throw new LvstackException("LV " + image.name() + " already has integrity.");
            }
            long extents = metaExtents(image.extentCount(), extentSize);
            String name = image.name() + "_imeta";
            ed.message("  Creating integrity metadata LV " + name + " with size " + io.lvstack.api.ops.DisplaySize.of(extents * extentSize)
                    + ".");
            Allocated a = ed.allocate(new AreaRequest(1, extents, 0, RaidOps.whole(RaidImages.pvsOf(image)), Set.of(), null, name));
            LvView meta = ed.createLv(name, false);
            ed.appendPlain(meta, RaidOps.pieces(a, 0));
            ed.setReadAhead(meta, -1);
            ed.message("  Logical volume \"" + name + "\" created.");
            images.add(image);
            metas.add(meta);
        }
        String m = mode == null || mode.equals("journal") ? "J" : "B";
        long block = blockSize == null ? 512 : blockSize;
        for (int i = 0; i < images.size(); i++) {
            LvView image = images.get(i);
            LvView origin = ed.insertLayer(image, "_iorig");
            SegmentView plain = image.segments().get(0);
            long len = plain.len();
            ed.removeSegment(plain);
            SegmentView s = ed.addSegment(image, integrity, new IntegrityFields(len * extentSize, m, 4, block, "crc32c",
                    0, null, null, null, null, null, null, null), 0, len, 1);
            ed.setLvArea(s, 0, origin, 0);
            ed.attach(s, IntegritySegmentType.META_DEV, metas.get(i));
        }
    }

    /** LVM2's {@code lv_remove_integrity_from_raid}: each image takes its {@code _iorig}'s extents back. */
    void remove(LvView top) {
        SegmentView seg = top.segments().get(0);
        boolean any = false;
        for (int i = 0; i < seg.areaCount(); i++) {
            LvView image = RaidText.image(seg, i);
            if (image.segments().size() != 1 || !(image.segments().get(0).type() instanceof IntegritySegmentType)) {
                continue;
            }
            SegmentView layer = image.segments().get(0);
            LvView origin = IntegritySegmentType.origin(layer);
            LvView meta = layer.reference(IntegritySegmentType.META_DEV).orElse(null);
            ed.removeSegment(layer);
            ed.moveSegments(image, origin);
            ed.removeLv(origin);
            if (meta != null) {
                ed.removeLv(meta);
            }
            any = true;
        }
        if (!any) {
            throw new LvstackException("LV does not have integrity.");
        }
    }

    /** Whether any image of raid LV {@code top} has an integrity layer. */
    static boolean has(LvView top) {
        SegmentView seg = top.segments().get(0);
        for (int i = 0; i < seg.areaCount(); i++) {
            LvView image = RaidText.image(seg, i);
            if (!image.segments().isEmpty() && image.segments().get(0).type() instanceof IntegritySegmentType) {
                return true;
            }
        }
        return false;
    }
}
