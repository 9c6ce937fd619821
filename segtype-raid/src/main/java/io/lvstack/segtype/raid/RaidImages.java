package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.Stacks;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Raid images and metadata LVs added, removed and split off as LVM2's {@code raid_manip.c} does
 * it: a metadata LV next to the data it describes, new pairs on PVs the LV does not use yet with
 * the metadata extents first ({@code _alloc_image_components}), an existing LV's data moved into
 * {@code _rimage_0} by a layer ({@code insert_layer_for_lv}).
 */
final class RaidImages {
    private final VgEditor ed;
    private final RaidTypes types;

    RaidImages(VgEditor ed, RaidTypes types) {
        this.ed = ed;
        this.types = types;
    }

    /** {@code lvconvert -m N} of a linear LV: {@code N} images beside the data, which becomes {@code _rimage_0}. */
    void linearToRaid1(LvView lv, int devices, Long regionSize, List<PvExtents> candidates) {
        long region = regionSize != null ? regionSize : RaidCreator.DEFAULT_REGION_SIZE;
        long image = lv.extentCount();
        long meta = RaidShape.metaExtents(image, region, ed.vg().extentSize());
        Set<PvView> used = pvsOf(lv);
        LvView meta0 = createMeta(lv, 0, meta, used, true);
        List<LvView> metas = new ArrayList<>(List.of(meta0));
        List<LvView> images = new ArrayList<>();
        images.add(null);
        newPairs(lv, 1, devices - 1, image, meta, used, candidates, metas, images);
        LvView image0 = ed.insertLayer(lv, "_rimage_0");
        ed.removeSegment(lv.segments().get(0));
        images.set(0, image0);
        form(lv, types.level(RaidLevel.RAID1), RaidFields.of(region, 0, 0), image, images, metas);
    }

    /** {@code lvconvert -m +N} of raid1: {@code N} more pairs, on PVs the LV does not use. */
    void add(LvView lv, int count, List<PvExtents> candidates) {
        SegmentView seg = lv.segments().get(0);
        RaidFields f = (RaidFields) seg.fields();
        long image = RaidText.image(seg, 0).extentCount();
        long meta = RaidShape.metaExtents(image, f.regionSize(), ed.vg().extentSize());
        List<LvView> images = images(seg);
        List<LvView> metas = metas(seg);
        newPairs(lv, images.size(), count, image, meta, pvsOf(lv), candidates, metas, images);
        ed.removeSegment(seg);
        form(lv, seg.type(), f, seg.len(), images, metas);
    }

    /** {@code lvconvert -m -N} of raid1: the last {@code count} images and their metadata LVs go. */
    void remove(LvView lv, int count) {
        SegmentView seg = lv.segments().get(0);
        List<LvView> images = images(seg);
        List<LvView> metas = metas(seg);
        List<LvView> gone = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            gone.add(images.remove(images.size() - 1));
            gone.add(metas.remove(metas.size() - 1));
        }
        ed.removeSegment(seg);
        form(lv, seg.type(), seg.fields(), seg.len(), images, metas);
        for (LvView g : gone) {
            if (g != null) {
                ed.removeLv(g);
            }
        }
    }

    /**
     * {@code --splitmirrors N -n NAME}: the last image becomes the visible LV {@code NAME} (its
     * metadata LV goes); split down to one image, the LV becomes linear.
     */
    void split(LvView lv, int count, String name) {
        SegmentView seg = lv.segments().get(0);
        int now = seg.areaCount();
        if (count != 1) {
            throw new LvstackException("lvstack splits one image at a time off raid1 LV " + lv.name() + ".");
        }
        if (count >= now) {
            throw new LvstackException("Unable to split " + count + " images from " + lv.name() + " with " + now
                    + " images.");
        }
        List<LvView> images = images(seg);
        List<LvView> metas = metas(seg);
        LvView split = images.remove(images.size() - 1);
        LvView meta = metas.remove(metas.size() - 1);
        ed.removeSegment(seg);
        if (images.size() == 1) {
            ed.moveSegments(lv, images.get(0));
            ed.removeLv(images.get(0));
            if (metas.get(0) != null) {
                ed.removeLv(metas.get(0));
            }
        } else {
            form(lv, seg.type(), seg.fields(), seg.len(), images, metas);
        }
        if (meta != null) {
            ed.removeLv(meta);
        }
        ed.renameLv(split, name);
        ed.setStatus(split, LvStatus.VISIBLE, true);
    }

    /**
     * {@code --splitmirrors 1 --trackchanges} ({@code lv_raid_split_and_track}): the last image is
     * made visible and read-only; the raid LV keeps it and tracks what changes meanwhile.
     */
    String splitAndTrack(LvView lv) {
        SegmentView seg = lv.segments().get(0);
        for (int i = 0; i < seg.areaCount(); i++) {
            if (RaidText.image(seg, i).visible()) {
                throw new LvstackException("Cannot track more than one split image at a time.");
            }
        }
        LvView image = RaidText.image(seg, seg.areaCount() - 1);
        ed.setStatus(image, LvStatus.VISIBLE, true);
        ed.setStatus(image, LvStatus.WRITE, false);
        String vg = ed.vg().name();
        ed.message("  " + vg + "/" + image.name() + " split from " + vg + "/" + lv.name() + " for read-only purposes.");
        if (seg.areaCount() == 2) {
            ed.message("  WARNING: Any newly written data will be non-resilient on LV " + vg + "/" + lv.name()
                    + " during the split!");
        }
        return "Use 'lvconvert --merge " + vg + "/" + image.name() + "' to merge back into " + vg + "/" + lv.name()
                + ".";
    }

    /** {@code --mergemirrors IMAGE} ({@code lv_raid_merge}): a tracked image hidden and writable again. */
    String merge(LvView image) {
        String vg = ed.vg().name();
        if (image.has(LvStatus.WRITE)) {
            throw new LvstackException(vg + "/" + image.name() + " cannot be merged because --trackchanges was not"
                    + " used.");
        }
        SegmentView user = null;
        for (SegmentView u : image.users()) {
            if (u.type() instanceof RaidSegmentType) {
                user = u;
            }
        }
        if (!image.name().contains("_rimage_") || user == null) {
            throw new LvstackException("Unable to merge non-raid image " + vg + "/" + image.name() + ".");
        }
        ed.setStatus(image, LvStatus.VISIBLE, false);
        ed.setStatus(image, LvStatus.WRITE, user.lv().has(LvStatus.WRITE));
        return vg + "/" + image.name() + " successfully merged back into " + vg + "/" + user.lv().name() + ".";
    }

    /** {@code -m0} or {@code --type linear} of raid1: the LV keeps {@code _rimage_0}'s extents, the rest goes. */
    void toLinear(LvView lv) {
        SegmentView seg = lv.segments().get(0);
        List<LvView> images = images(seg);
        List<LvView> metas = metas(seg);
        ed.removeSegment(seg);
        LvView keep = images.get(0);
        ed.moveSegments(lv, keep);
        ed.removeLv(keep);
        for (int i = 1; i < images.size(); i++) {
            ed.removeLv(images.get(i));
        }
        for (LvView m : metas) {
            if (m != null) {
                ed.removeLv(m);
            }
        }
    }

    /**
     * A striped LV taken over to {@code to}: each stripe becomes an image ({@code _rimage_N}, as
     * LVM2's interim raid0), each image gets a metadata LV on its own PV (raid0_meta), and a raid4,
     * raid5 or raid6 level gets its parity pairs on new PVs, their metadata LVs left to rebuild.
     */
    void stripedToRaid(LvView lv, RaidLevel to, Long regionSize, List<PvExtents> candidates) {
        List<? extends SegmentView> segs = List.copyOf(lv.segments());
        int stripes = segs.get(0).areaCount();
        long stripeSize = segs.get(0).type().stripeSize(segs.get(0));
        long len = lv.extentCount();
        List<List<PvExtents>> pieces = new ArrayList<>();
        for (int i = 0; i < stripes; i++) {
            List<PvExtents> p = new ArrayList<>();
            for (SegmentView s : segs) {
                Area.OnPv a = (Area.OnPv) s.area(i).orElseThrow();
                p.add(new PvExtents(a.pv(), a.pe(), s.areaLen()));
            }
            pieces.add(p);
        }
        for (SegmentView s : segs) {
            ed.removeSegment(s);
        }
        List<LvView> images = new ArrayList<>();
        for (int i = 0; i < stripes; i++) {
            LvView img = ed.createLv(lv.name() + "_rimage_" + i, false);
            ed.appendPlain(img, pieces.get(i));
            images.add(img);
        }
        long image = images.get(0).extentCount();
        long region = to.raid0() ? 0 : regionSize != null ? regionSize : RaidCreator.DEFAULT_REGION_SIZE;
        List<LvView> metas = new ArrayList<>();
        if (to != RaidLevel.RAID0) {
            long meta = RaidShape.metaExtents(image, region == 0 ? RaidCreator.DEFAULT_REGION_SIZE : region,
                    ed.vg().extentSize());
            for (int i = 0; i < stripes; i++) {
                metas.add(createMeta(lv, i, meta, pvsOf(images.get(i)), false));
            }
            int parity = to.parityDevices();
            if (parity > 0) {
                newPairs(lv, stripes, parity, image, meta, pvsOf(lv, images, metas), candidates, metas, images);
            }
        } else {
            images.forEach(i -> metas.add(null));
        }
        form(lv, types.level(to), RaidFields.of(region, stripeSize, 0), len, images, metas);
    }

    /** A raid1 LV of 2 images taken over to raid4 or raid5 ({@code _raid1_to_raid5}): the same images, striped. */
    void retype(LvView lv, RaidSegmentType to, long stripeSize) {
        SegmentView seg = lv.segments().get(0);
        RaidFields f = ((RaidFields) seg.fields()).withStripeSize(stripeSize);
        List<LvView> images = images(seg);
        List<LvView> metas = metas(seg);
        ed.removeSegment(seg);
        form(lv, to, f, seg.len(), images, metas);
    }

    /** raid0 or raid0_meta back to striped: the images' extents become the stripes, the sub-LVs go. */
    void raid0ToStriped(LvView lv) {
        SegmentView seg = lv.segments().get(0);
        long stripeSize = ((RaidFields) seg.fields()).stripeSize();
        List<LvView> images = images(seg);
        List<LvView> metas = metas(seg);
        int runs = images.get(0).segments().size();
        for (LvView img : images) {
            if (img.segments().size() != runs) {
                throw new LvstackException("Unable to convert " + lv.name() + " to striped: its images are laid out"
                        + " differently.");
            }
        }
        List<List<PvExtents>> stripes = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        for (int j = 0; j < runs; j++) {
            List<PvExtents> row = new ArrayList<>();
            long len = images.get(0).segments().get(j).len();
            for (LvView img : images) {
                SegmentView s = img.segments().get(j);
                if (s.len() != len || s.areaCount() != 1 || !(s.area(0).orElse(null) instanceof Area.OnPv pv)) {
                    throw new LvstackException("Unable to convert " + lv.name() + " to striped: its images are laid"
                            + " out differently.");
                }
                row.add(new PvExtents(pv.pv(), pv.pe(), len));
            }
            stripes.add(row);
            lengths.add(len);
        }
        ed.removeSegment(seg);
        for (LvView img : images) {
            ed.removeLv(img);
        }
        for (LvView m : metas) {
            if (m != null) {
                ed.removeLv(m);
            }
        }
        io.lvstack.api.model.TypeFields fields = ed.newSegment(ed.plainType(), images.size(),
                io.lvstack.api.ops.SegmentOptions.stripeSize(stripeSize)).fields();
        for (int j = 0; j < runs; j++) {
            ed.appendOnPvs(lv, ed.plainType(), fields, lengths.get(j), stripes.get(j));
        }
    }

    /**
     * raid0 or raid0_meta to raid10 ({@code _raid0_to_raid10}): each image gets a metadata LV on its
     * own PV and a mirror pair on a new PV; image N's copy follows it in the array.
     */
    void raid0ToRaid10(LvView lv, RaidSegmentType to, Long regionSize, List<PvExtents> candidates) {
        SegmentView seg = lv.segments().get(0);
        long stripeSize = ((RaidFields) seg.fields()).stripeSize();
        List<LvView> images = images(seg);
        List<LvView> metas = metas(seg);
        int n = images.size();
        long image = images.get(0).extentCount();
        long region = regionSize != null ? regionSize : RaidCreator.DEFAULT_REGION_SIZE;
        long meta = RaidShape.metaExtents(image, region, ed.vg().extentSize());
        for (int i = 0; i < n; i++) {
            if (metas.get(i) == null) {
                metas.set(i, createMeta(lv, i, meta, pvsOf(images.get(i)), false));
            }
        }
        List<LvView> copies = new ArrayList<>();
        List<LvView> copyMetas = new ArrayList<>();
        newPairs(lv, n, n, image, meta, pvsOf(lv, images, metas), candidates, copyMetas, copies);
        List<LvView> allImages = new ArrayList<>();
        List<LvView> allMetas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            allImages.add(images.get(i));
            allMetas.add(metas.get(i));
            allImages.add(copies.get(i));
            allMetas.add(copyMetas.get(i));
        }
        ed.removeSegment(seg);
        form(lv, to, RaidFields.of(region, stripeSize, 2), seg.len(), allImages, allMetas);
    }


    /**
     * A mirror to raid1 ({@code _convert_mirror_to_raid1}): its legs become the images
     * ({@code _mimage_N} renamed {@code _rimage_N}), its log goes, and each image gets a metadata LV
     * on its own PV; the mirror's region size stays.
     */
    void mirrorToRaid1(LvView lv, RaidSegmentType to) {
        SegmentView seg = lv.segments().get(0);
        long region = ed.regionSize(seg);
        List<LvView> legs = new ArrayList<>();
        for (int i = 0; i < seg.areaCount(); i++) {
            legs.add(((Area.OnLv) seg.area(i).orElseThrow()).lv());
        }
        List<LvView> dropped = new ArrayList<>();
        for (io.lvstack.api.model.ReferenceRole role : seg.type().referenceRoles()) {
            if (role.isList()) {
                dropped.addAll(seg.references(role));
            } else {
                seg.reference(role).ifPresent(dropped::add);
            }
        }
        ed.removeSegment(seg);
        for (LvView d : dropped) {
            removeWithSubLvs(d);
        }
        long meta = RaidShape.metaExtents(lv.extentCount(), region, ed.vg().extentSize());
        List<LvView> metas = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            LvView leg = legs.get(i);
            ed.renameLv(leg, lv.name() + "_rimage_" + i);
            metas.add(createMeta(lv, i, meta, pvsOf(leg), false));
        }
        form(lv, to, RaidFields.of(region, 0, 0), legs.get(0).extentCount(), legs, metas);
    }

    /** Removes {@code lv} and then the sub-LVs only it used (a mirrored log's legs). */
    private void removeWithSubLvs(LvView lv) {
        List<LvView> subs = new ArrayList<>();
        for (SegmentView s : lv.segments()) {
            for (int i = 0; i < s.areaCount(); i++) {
                if (s.area(i).orElse(null) instanceof Area.OnLv on) {
                    subs.add(on.lv());
                }
            }
        }
        ed.removeLv(lv);
        for (LvView sub : subs) {
            if (sub.userCount() == 0) {
                removeWithSubLvs(sub);
            }
        }
    }

    /**
     * {@code count} new pairs from index {@code first}: one allocation of {@code count} parallel
     * areas of metadata and image extents, avoiding {@code used}; each metadata LV made before its
     * image, as LVM2's {@code _alloc_image_components}.
     */
    void newPairs(LvView lv, int first, int count, long image, long meta, Set<PvView> used,
            List<PvExtents> candidates, List<LvView> metas, List<LvView> images) {
        Allocated a = ed.allocate(new AreaRequest(count, image + meta, 0, candidates, used, null, lv.name()));
        for (int k = 0; k < count; k++) {
            LvView m = ed.createLv(lv.name() + "_rmeta_" + (first + k), false);
            LvView img = ed.createLv(lv.name() + "_rimage_" + (first + k), false);
            List<PvExtents> rest = RaidOps.splitFront(RaidOps.pieces(a, k), meta, p -> ed.appendPlain(m, p));
            ed.appendPlain(img, rest);
            // LVM2 activates the new pair marked REBUILD (the commit before its reload): the
            // superblocks on the disks count fewer images, and only a rebuild lets the kernel take it
            ed.setStatus(m, LvStatus.REBUILD, true);
            ed.setStatus(img, LvStatus.REBUILD, true);
            metas.add(m);
            images.add(img);
        }
    }

    /** A metadata LV for image {@code index}, on the PVs {@code on} (those of the data it describes). */
    LvView createMeta(LvView lv, int index, long extents, Set<PvView> on, boolean rebuild) {
        List<PvExtents> where = RaidOps.whole(on);
        String name = lv.name() + "_rmeta_" + index;
        Allocated a = ed.allocate(new AreaRequest(1, extents, 0, where, Set.of(), null, name));
        LvView m = ed.createLv(name, false);
        ed.appendPlain(m, RaidOps.pieces(a, 0));
        if (rebuild) {
            ed.setStatus(m, LvStatus.REBUILD, true);
        }
        return m;
    }

    /** The raid segment of {@code type} over {@code images} and {@code metas} (null where none). */
    void form(LvView lv, io.lvstack.api.SegmentType type, io.lvstack.api.model.TypeFields fields, long len,
            List<LvView> images, List<LvView> metas) {
        SegmentView seg = ed.addSegment(lv, type, fields, 0, len, images.size());
        for (int i = 0; i < images.size(); i++) {
            ed.setLvArea(seg, i, images.get(i), 0);
            if (metas.get(i) != null) {
                ed.attach(seg, RaidSegmentType.META.at(i), metas.get(i));
            }
        }
    }

    static List<LvView> images(SegmentView seg) {
        List<LvView> out = new ArrayList<>();
        for (int i = 0; i < seg.areaCount(); i++) {
            out.add(RaidText.image(seg, i));
        }
        return out;
    }

    static List<LvView> metas(SegmentView seg) {
        List<LvView> out = new ArrayList<>();
        for (int i = 0; i < seg.areaCount(); i++) {
            out.add(seg.reference(RaidSegmentType.META.at(i)).orElse(null));
        }
        return out;
    }

    /** The PVs an LV maps, through its sub-LVs. */
    static Set<PvView> pvsOf(LvView lv) {
        return Stacks.pvsOf(lv, RaidSegmentType.META, IntegritySegmentType.META_DEV);
    }

    static Set<PvView> pvsOf(LvView lv, List<LvView> images, List<LvView> metas) {
        Set<PvView> out = pvsOf(lv);
        images.forEach(i -> out.addAll(pvsOf(i)));
        metas.stream().filter(m -> m != null).forEach(m -> out.addAll(pvsOf(m)));
        return out;
    }

}
