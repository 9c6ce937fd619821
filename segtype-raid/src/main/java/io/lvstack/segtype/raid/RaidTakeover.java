package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;

/**
 * Takeovers between raid levels as LVM2's {@code _takeover_upconvert_wrapper} and
 * {@code _takeover_downconvert_wrapper} do them: parity pairs added after the images (raid4's
 * moved to the front, its dedicated parity device) or removed from the end, raid10's mirror
 * copies dropped, metadata LVs added to or dropped from raid0. The data stays where it is; new
 * parity is built by the kernel's rebuild.
 */
final class RaidTakeover {
    private final VgEditor ed;
    private final RaidTypes types;
    private final RaidImages images;

    RaidTakeover(VgEditor ed, RaidTypes types, RaidImages images) {
        this.ed = ed;
        this.types = types;
        this.images = images;
    }

    /**
     * raid0, raid0_meta, raid4 or raid5 up to {@code to} (raid0_meta, raid4, raid5_n or a raid6
     * level): metadata LVs for raid0's images, then {@code add} new pairs of the images' size.
     */
    void up(LvView lv, RaidLevel to, int add, Long regionSize, List<PvExtents> candidates) {
        SegmentView seg = lv.segments().get(0);
        RaidLevel from = ((RaidSegmentType) seg.type()).level();
        requireNoReshapeSpace(lv, seg);
        RaidFields f = (RaidFields) seg.fields();
        List<LvView> imgs = RaidImages.images(seg);
        List<LvView> metas = RaidImages.metas(seg);
        long image = imgs.get(0).extentCount();
        long region = regionSize != null ? regionSize
                : f.regionSize() != 0 ? f.regionSize() : RaidCreator.DEFAULT_REGION_SIZE;
        long meta = RaidShape.metaExtents(image, region, ed.vg().extentSize());
        for (int i = 0; i < imgs.size(); i++) {
            if (metas.get(i) == null) {
                metas.set(i, images.createMeta(lv, i, meta, RaidImages.pvsOf(imgs.get(i)), false));
            }
        }
        if (from == RaidLevel.RAID4 && add > 0) {
            // raid4 keeps its parity first; raid6 takes raid5_n's order with the parity last
            shift(imgs, metas, 0, imgs.size() - 1);
        }
        if (add > 0) {
            images.newPairs(lv, imgs.size(), add, image, meta, RaidImages.pvsOf(lv, imgs, metas), candidates, metas,
                    imgs);
        }
        if (to == RaidLevel.RAID4 && imgs.size() != 2) {
            shift(imgs, metas, imgs.size() - 1, 0);
        }
        ed.removeSegment(seg);
        long fieldsRegion = to.raid0() ? 0 : region;
        images.form(lv, types.level(to), RaidFields.of(fieldsRegion, f.stripeSize(), 0), seg.len(), imgs, metas);
        renumber(lv, imgs, metas);
    }

    /**
     * raid4, raid5, raid6 or raid10 down to {@code to} (a raid0, raid4/raid5 or raid1 level, or
     * null for striped), keeping {@code keep} images: raid4's parity moved last, raid10's copies
     * dropped, the last pairs removed; raid0 keeps no metadata LVs.
     */
    void down(LvView lv, RaidLevel to, int keep, Long regionSize) {
        SegmentView seg = lv.segments().get(0);
        RaidLevel from = ((RaidSegmentType) seg.type()).level();
        requireNoReshapeSpace(lv, seg);
        RaidFields f = (RaidFields) seg.fields();
        List<LvView> imgs = RaidImages.images(seg);
        List<LvView> metas = RaidImages.metas(seg);
        if (from == RaidLevel.RAID4) {
            shift(imgs, metas, 0, imgs.size() - 1);
        } else if (from.family() == RaidLevel.Family.RAID10) {
            // raid10_near keeps image 0, 2, 4 ...: each stripe's first copy, moved ahead of the others
            int copies = imgs.size() / keep;
            for (int k = 1; k < keep; k++) {
                shift(imgs, metas, k * copies, k);
            }
        }
        List<LvView> gone = new ArrayList<>();
        while (imgs.size() > keep) {
            gone.add(imgs.remove(imgs.size() - 1));
            gone.add(metas.remove(metas.size() - 1));
        }
        if (to == null || to == RaidLevel.RAID0) {
            gone.addAll(metas);
            metas.replaceAll(m -> null);
        }
        long len = seg.len();
        ed.removeSegment(seg);
        for (LvView g : gone) {
            if (g != null) {
                ed.removeLv(g);
            }
        }
        RaidLevel made = to == null ? RaidLevel.RAID0 : to;
        long region = made.raid0() ? 0 : regionSize != null ? regionSize : f.regionSize();
        long stripe = made.family() == RaidLevel.Family.RAID1 ? 0 : f.stripeSize();
        images.form(lv, types.level(made), RaidFields.of(region, stripe, 0), len, imgs, metas);
        renumber(lv, imgs, metas);
        if (to == null) {
            images.raid0ToStriped(lv);
        }
    }

    /** raid0 to raid0_meta and back: metadata LVs added beside the images, or dropped. */
    void metadata(LvView lv, RaidLevel to) {
        if (to == RaidLevel.RAID0_META) {
            up(lv, to, 0, null, List.of());
        } else {
            down(lv, to, lv.segments().get(0).areaCount(), null);
        }
    }

    /** LVM2's refusal where a takeover would first free reshape space, whose place only the kernel knows. */
    private void requireNoReshapeSpace(LvView lv, SegmentView seg) {
        if (seg.reshapeLen() != 0) {
            throw new LvstackException("LV " + RaidOps.fullName(ed, lv) + " holds reshape space, which"
                    + " lvstack frees only where the kernel has finished the reshape: free it with LVM2 first"
                    + " (lvconvert --type " + seg.type().name() + ").");
        }
    }

    /** Moves the pair at {@code from} to {@code to}, the others keeping their order ({@code _shift_area_lvs}). */
    private static void shift(List<LvView> imgs, List<LvView> metas, int from, int to) {
        imgs.add(to, imgs.remove(from));
        metas.add(to, metas.remove(from));
    }

    /** Names every pair after its place, through names no LV has (LVM2 renames through a {@code _} suffix). */
    private void renumber(LvView lv, List<LvView> imgs, List<LvView> metas) {
        List<LvView> moved = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < imgs.size(); i++) {
            addIfMisnamed(imgs.get(i), lv.name() + "_rimage_" + i, moved, names);
            addIfMisnamed(metas.get(i), lv.name() + "_rmeta_" + i, moved, names);
        }
        for (LvView m : moved) {
            ed.renameLv(m, m.name() + "_");
        }
        for (int i = 0; i < moved.size(); i++) {
            ed.renameLv(moved.get(i), names.get(i));
        }
    }

    private static void addIfMisnamed(LvView sub, String name, List<LvView> moved, List<String> names) {
        if (sub != null && !sub.name().equals(name)) {
            moved.add(sub);
            names.add(name);
        }
    }
}
