package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.Stacks;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.ops.DisplaySize;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.VgEditor;
import java.util.Optional;

/**
 * The raid types' {@code lvconvert} ({@code tools/lvconvert.c}, {@code lib/metadata/raid_manip.c}):
 * a linear LV to raid1 ({@code -m N}, LVM2 2.03's {@code mirror_segtype_default}), a striped LV
 * taken over to raid0, raid0_meta, raid4 or a raid5/raid6 level (through LVM2's interim
 * {@code raid5_n}/{@code raid6_n_6}), images added to or removed from raid1, one split off
 * ({@code --splitmirrors}), raid1 back to linear ({@code -m0}, {@code --type linear}), and between
 * raid levels and layouts: LVM2's interim level ({@link RaidInterim}), then a takeover
 * ({@link RaidTakeover}) or a reshape ({@link RaidReshape}).
 */
final class RaidConverter implements LvConverter {
    private final RaidTypes types;

    RaidConverter(RaidTypes types) {
        this.types = types;
    }

    @Override
    public Optional<String> convert(LvView lv, ConvertRequest r, VgEditor ed) {
        RaidImages images = new RaidImages(ed, types);
        SegmentView seg = lv.segments().isEmpty() ? null : lv.segments().get(0);
        String full = RaidOps.fullName(ed, lv);
        String done = "Logical volume " + full + " successfully converted.";
        ConvertRequest.RaidOptions o = r.raidOptions();
        if (o.mergeMirrors()) {
            return Optional.of(images.merge(lv));
        }
        if (seg == null || !(seg.type() instanceof RaidSegmentType raid)) {
            if (o.integrity() != null || o.trackChanges()) {
                throw new LvstackException("LV " + full + " is not a raid LV.");
            }
            return fromPlain(lv, r, ed, images) ? Optional.of(done) : Optional.empty();
        }
        RaidLevel level = raid.level();
        if (lv.segments().size() != 1) {
            throw new LvstackException("LV " + lv.name() + " must have exactly one segment.");
        }
        if (o.integrity() != null) {
            if (o.integrity()) {
                if (level.raid0()) {
                    throw new LvstackException("Integrity is not supported for " + level.typeName() + ".");
                }
                new RaidIntegrity(ed, types.integrity()).add(lv, o.integrityMode(), o.integrityBlockSize(),
                        r.candidates());
                return Optional.of("Logical volume " + full + " has added integrity.");
            }
            new RaidIntegrity(ed, types.integrity()).remove(lv);
            return Optional.of("Logical volume " + full + " has removed integrity.");
        }
        if (r.splitMirrors() != null && o.trackChanges()) {
            requireRaid1(lv, level, "split");
            if (r.splitMirrors() != 1) {
                throw new LvstackException("Unable to split more than one image at a time with --trackchanges.");
            }
            return Optional.of(images.splitAndTrack(lv));
        }
        if (r.splitMirrors() != null) {
            requireRaid1(lv, level, "split");
            if (r.name() == null) {
                throw new LvstackException("The split off mirror image requires a name (--name).");
            }
            images.split(lv, r.splitMirrors(), r.name());
            return Optional.of(done);
        }
        if ("linear".equals(r.type()) || "striped".equals(r.type()) && level.family() == RaidLevel.Family.RAID1) {
            requireRaid1(lv, level, "convert");
            images.toLinear(lv);
            return Optional.of(done);
        }
        if (r.mirrors() != null && (r.type() == null || r.type().equals(level.typeName()))) {
            if ((level.family() == RaidLevel.Family.RAID4 || level.family() == RaidLevel.Family.RAID5)
                    && seg.areaCount() > 2) {
                // LVM2 would first reshape to 2 stripes, which needs --force to remove stripes
                throw new LvstackException("Reshape request failed on LV " + full + ".");
            }
            requireRaid1(lv, level, "change the number of images of");
            int now = seg.areaCount();
            int wanted = target(r.mirrors(), now - 1) + 1;
            if (wanted == now) {
                throw new LvstackException("Type " + level.typeName() + " LV " + full + " already has " + now
                        + " images.");
            }
            if (wanted == 1) {
                images.toLinear(lv);
            } else if (wanted > now) {
                images.add(lv, wanted - now, r.candidates());
            } else {
                images.remove(lv, now - wanted);
            }
            return Optional.of(done);
        }
        levelChange(lv, seg, level, r, ed, images, full);
        return Optional.of(done);
    }

    /**
     * {@code --type}, {@code --stripes} or {@code --stripesize} of a raid LV ({@code lv_raid_convert}):
     * LVM2's interim level where the one asked is not one step away, then the reshape or the takeover.
     */
    private void levelChange(LvView lv, SegmentView seg, RaidLevel level, ConvertRequest r, VgEditor ed,
            RaidImages images, String full) {
        ConvertRequest.RaidOptions o = r.raidOptions();
        if (r.type() == null && o.stripes() == null && o.stripeSize() == null) {
            throw new LvstackException("Converting " + level.typeName() + " LV " + full + " is not supported by"
                    + " lvstack yet.");
        }
        String target = r.type() != null ? r.type() : level.typeName();
        RaidLevel asked = RaidLevel.named(target).orElse(null);
        if (o.stripeSize() == null && asked != null && asked.family() != RaidLevel.Family.RAID1) {
            ed.message(RaidOps.defaultStripeSize());
        }
        int areas = seg.areaCount();
        RaidInterim.Choice c = RaidInterim.choose(level, areas, target, full);
        RaidLevel to = c.level();
        if (c.replaced()) {
            replaced(ed, target, to);
        }
        if (c.images() != null || to != null && RaidInterim.sameLevel(level, to)) {
            if (c.first() != null) {
                ed.message("  " + c.first());
            }
            if (c.images() != null || level.family() != RaidLevel.Family.RAID0) {
                reshape(lv, seg, level, c.images() != null ? level : to, c.images(), r, ed, images, full);
                return;
            }
        }
        RaidTakeover takeover = new RaidTakeover(ed, types, images);
        String unsupported = "Converting the segment type for " + full + " from " + level.typeName() + " to "
                + c.type() + " is not supported.";
        boolean toPlain = to == null;
        if (!toPlain && to.raid0() && level.raid0()) {
            new RaidTakeover(ed, types, images).metadata(lv, to);
            return;
        }
        if ("linear".equals(c.type())) {
            throw new LvstackException(unsupported);
        }
        switch (level.family()) {
            case RAID0 -> {
                if (toPlain) {
                    ed.message("  --stripes not allowed for LV " + full + " when converting from " + level.typeName()
                            + " to striped.");
                    ed.message("  -R/--regionsize not allowed for LV " + full + " when converting from "
                            + level.typeName() + " to striped.");
                    images.raid0ToStriped(lv);
                } else if (to.family() == RaidLevel.Family.RAID10) {
                    images.raid0ToRaid10(lv, types.level(to), r.regionSize(), r.candidates());
                } else if (to.family() == RaidLevel.Family.RAID4 || to.family() == RaidLevel.Family.RAID5) {
                    takeover.up(lv, to, 1, r.regionSize(), r.candidates());
                } else if (to.family() == RaidLevel.Family.RAID6) {
                    takeover.up(lv, to, 2, r.regionSize(), r.candidates());
                } else {
                    throw new LvstackException(unsupported.replace(" is not supported.", " is not supported yet."));
                }
            }
            case RAID1 -> {
                if (to == null || to.family() != RaidLevel.Family.RAID4 && to.family() != RaidLevel.Family.RAID5) {
                    throw new LvstackException(unsupported);
                }
                ed.message("  --stripes not allowed for LV " + full + " when converting from " + level.typeName()
                        + " to " + to.typeName() + ".");
                images.retype(lv, types.level(to), o.stripeSize() != null ? o.stripeSize()
                        : RaidCreator.DEFAULT_STRIPE_SIZE);
            }
            case RAID4, RAID5 -> {
                if (toPlain || to.raid0()) {
                    if (areas < 3) {
                        throw new LvstackException("Can't convert " + level.typeName() + " LV " + full + " to "
                                + c.type() + " with < 3 legs.");
                    }
                    takeover.down(lv, to, areas - 1, null);
                } else if (to.family() == RaidLevel.Family.RAID1) {
                    takeover.down(lv, to, areas, r.regionSize());
                } else if (to.family() == RaidLevel.Family.RAID6) {
                    takeover.up(lv, to, 1, r.regionSize(), r.candidates());
                } else {
                    throw new LvstackException(unsupported);
                }
            }
            case RAID6 -> {
                if (toPlain || to.raid0()) {
                    takeover.down(lv, to, areas - 2, null);
                } else if (to.family() == RaidLevel.Family.RAID4 || to.family() == RaidLevel.Family.RAID5) {
                    takeover.down(lv, to, areas - 1, r.regionSize());
                } else {
                    throw new LvstackException(unsupported);
                }
            }
            case RAID10 -> {
                if (!toPlain && !to.raid0()) {
                    throw new LvstackException(unsupported);
                }
                long copies = level.dataCopies(seg.fields(), areas);
                if (areas % copies != 0) {
                    throw new LvstackException("Can't convert " + level.typeName() + " LV " + full + " to "
                            + c.type() + " with odd number of stripes.");
                }
                takeover.down(lv, to, (int) (areas / copies), null);
            }
            default -> throw new LvstackException(unsupported);
        }
    }

    /**
     * LVM2's {@code _reshape_requested} and {@code _raid_reshape}: stripes added or removed, or the
     * layout or stripe size changed, over a raid4, raid5 or raid6 LV; LVM2's refusals in its words.
     */
    private void reshape(LvView lv, SegmentView seg, RaidLevel level, RaidLevel to, Integer images, ConvertRequest r,
            VgEditor ed, RaidImages imgs, String full) {
        ConvertRequest.RaidOptions o = r.raidOptions();
        if (level.family() != RaidLevel.Family.RAID4 && level.family() != RaidLevel.Family.RAID5
                && level.family() != RaidLevel.Family.RAID6) {
            throw new LvstackException("Reshape request failed on LV " + full + ": lvstack reshapes raid4, raid5 and"
                    + " raid6 LVs only.");
        }
        RaidFields f = (RaidFields) seg.fields();
        int areas = seg.areaCount();
        int count = images != null ? images : o.stripes() != null ? o.stripes() + to.parityDevices() : areas;
        long stripeSize = o.stripeSize() != null ? o.stripeSize() : f.stripeSize();
        long region = r.regionSize() != null ? r.regionSize() : f.regionSize();
        if (to == level && count == areas && stripeSize == f.stripeSize() && region == f.regionSize()) {
            if (o.stripes() != null && images == null) {
                ed.message("  LV " + full + " already has " + o.stripes() + " stripes.");
                throw new LvstackException("Invalid conversion request on " + full + ".");
            }
            if (seg.reshapeLen() == 0) {
                ed.message("  LV " + full + " does not have reshape space allocated.");
                throw new LvstackException("Reshape request failed on LV " + full + ".");
            }
            throw new LvstackException("Reshape request failed on LV " + full + ": lvstack frees reshape space only"
                    + " where the kernel has finished the reshape; free it with LVM2 (lvconvert --type "
                    + level.typeName() + ").");
        }
        if (region < stripeSize) {
            ed.message("  Region size may not be smaller than stripe size on LV " + full + ".");
            throw new LvstackException("Invalid conversion request on " + full + ".");
        }
        if (to != level && count != areas) {
            throw new LvstackException("Invalid conversion request on " + full + ".");
        }
        RaidReshape reshape = new RaidReshape(ed, types, imgs);
        if (stripeSize != f.stripeSize()) {
            ed.message("  Converting stripesize " + DisplaySize.of(f.stripeSize()) + " of "
                    + level.typeName() + " LV " + full + " to " + DisplaySize.of(stripeSize)
                    + ".");
        }
        if (count > areas) {
            reshape.add(lv, count, o.stripeSize(), r.candidates());
        } else if (count < areas) {
            reshape.remove(lv, count, r.cacheOptions().force());
        } else {
            reshape.keep(lv, to, stripeSize, r.candidates());
        }
    }

    /** A linear or striped LV to raid: {@code -m N} makes raid1, {@code --type} a takeover. */
    private boolean fromPlain(LvView lv, ConvertRequest r, VgEditor ed, RaidImages images) {
        String type = r.type();
        String full = RaidOps.fullName(ed, lv);
        if (r.splitMirrors() != null) {
            throw new LvstackException("Unable to split non-mirrored LV " + full + ".");
        }
        RaidLevel asked = type == null ? RaidLevel.RAID1 : RaidLevel.named(type).orElse(null);
        if (Stacks.fullCopies(lv) && asked != null && asked.family() == RaidLevel.Family.RAID1) {
            // a mirror: its legs become the images (LVM2's _convert_mirror_to_raid1)
            images.mirrorToRaid1(lv, types.level(asked));
            return true;
        }
        int stripes = stripes(lv);
        if (asked == null) {
            throw new LvstackException("Unable to convert " + lv.name() + " to " + type + ".");
        }
        if (asked.family() == RaidLevel.Family.RAID1 || stripes == 1) {
            if (stripes != 1) {
                throw new LvstackException("Converting striped LV " + full + " to raid1 is not supported by lvstack"
                        + " yet.");
            }
            int mirrors = r.mirrors() == null ? 1 : target(r.mirrors(), 0);
            if (mirrors == 0) {
                return false;
            }
            if (asked.family() != RaidLevel.Family.RAID1) {
                replaced(ed, asked.typeName(), RaidLevel.RAID1);
            }
            images.linearToRaid1(lv, mirrors + 1, r.regionSize(), r.candidates());
            return true;
        }
        if (asked.family() == RaidLevel.Family.RAID10) {
            throw new LvstackException("Converting striped LV " + full + " to " + asked.typeName() + " is not supported"
                    + " by lvstack yet.");
        }
        // LVM2 chooses for striped as for raid0 (raid5 through raid5_n, raid6 through raid6_n_6)
        RaidInterim.Choice c = RaidInterim.choose(RaidLevel.RAID0, stripes, asked.typeName(), full);
        RaidLevel to = c.level();
        if (c.replaced()) {
            replaced(ed, asked.typeName(), to);
        }
        images.stripedToRaid(lv, to, r.regionSize(), r.candidates());
        return true;
    }

    /** LVM2's warnings when it takes an interim level instead of the one asked for. */
    private static void replaced(VgEditor ed, String asked, RaidLevel to) {
        String alias = RaidLevel.named(asked).map(RaidLevel::sameAs).orElse("");
        ed.message("  Replaced LV type " + asked + alias + " with possible type " + to.typeName() + ".");
        ed.message("  Repeat this command to convert to " + asked + " after an interim conversion has finished.");
    }

    private static void requireRaid1(LvView lv, RaidLevel level, String what) {
        if (level.family() != RaidLevel.Family.RAID1) {
            throw new LvstackException("Unable to " + what + " " + level.typeName() + " LV " + lv.name()
                    + ": only raid1 LVs are converted so by lvstack yet.");
        }
    }

    /** {@code -m N}, {@code -m +N} or {@code -m -N} against {@code now} mirrors. */
    private static int target(String mirrors, int now) {
        int n;
        try {
            n = Integer.parseInt(mirrors.startsWith("+") ? mirrors.substring(1) : mirrors);
        } catch (NumberFormatException e) {
            throw new LvstackException("Invalid argument for --mirrors: " + mirrors);
        }
        int t = mirrors.startsWith("+") || mirrors.startsWith("-") ? now + n : n;
        if (t < 0) {
            throw new LvstackException("Unable to reduce images by specified amount - only " + now + " in "
                    + "LV.");
        }
        return t;
    }

    /** The stripe count of a linear or striped LV (all its segments alike), else a refusal. */
    private static int stripes(LvView lv) {
        int stripes = -1;
        for (SegmentView s : lv.segments()) {
            boolean pv = true;
            for (int i = 0; i < s.areaCount(); i++) {
                pv &= s.area(i).orElse(null) instanceof Area.OnPv;
            }
            if (!pv || s.areaCount() == 0 || stripes != -1 && stripes != s.areaCount()) {
                throw new LvstackException("Unable to convert LV " + lv.name() + " of segment type "
                        + s.type().name() + " to raid.");
            }
            stripes = s.areaCount();
        }
        return stripes;
    }
}
