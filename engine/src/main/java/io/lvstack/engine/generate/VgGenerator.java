package io.lvstack.engine.generate;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.engine.segtype.NewSegments;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.engine.Engine;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataHeader;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvmNameRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes large, valid volume groups for tests and benchmarks, deterministically from a seed: a
 * mix of linear LVs (one to three segments), striped LVs (two or three stripes), disk-log
 * mirrors (two legs and a log each) and, when a caller names a type for them, 2-image LVs of a
 * type whose images each hold the whole LV and take a metadata LV in a list role (LVM2's raid1:
 * {@code _rimage_N} and {@code _rmeta_N}), on four PVs, built through the engine so every link is
 * real. {@code lvCount} counts every LV, sub-LVs included, as {@code lvs -a} does. The PVs'
 * data start leaves LVM2 room for the metadata (see {@link #peStartFor}), so real LVM2 can
 * restore and read the VG at any size.
 */
public final class VgGenerator {
    /** 4 MiB extents, LVM2's default. */
    static final long EXTENT_SIZE = 8192;
    static final int PV_COUNT = 4;
    /** A fixed clock, so the same seed gives the same bytes. */
    static final long BASE_TIME = 1795573800L;
    /** 1 MiB in sectors: pvcreate's default data start, and the unit pe_start grows by. */
    static final long MIB_SECTORS = 2048;
    private static final String ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final EnumSet<LvStatus> VISIBLE = EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE);
    /** The mirrors' region size: 256 KiB, small enough for the generated LVs. */
    private static final long REGION = 512;
    private static final EnumSet<LvStatus> HIDDEN = EnumSet.of(LvStatus.READ, LvStatus.WRITE);

    private final Engine engine;
    /** Linear and striped LVs: the plain type. */
    private final SegmentType plain;
    /** Mirrored LVs: a type whose 2-way segments mirror their areas and take a log. */
    private final SegmentType mirror;
    private final ReferenceRole log;
    /** The type of the 2-image LVs with metadata LVs, or null for none. */
    private final SegmentType imaged;
    private final ReferenceRole metaRole;
    /** The imaged LVs' names: the type's name without a trailing level number, then an index. */
    private final String imagedPrefix;

    public VgGenerator(Engine engine) {
        this(engine, null);
    }

    /**
     * @param imagedType the name of a loaded type whose 2-area segments over whole image LVs take
     *                   a metadata LV per area in their one list role (the caller's raid1), or
     *                   null to make none
     */
    public VgGenerator(Engine engine, String imagedType) {
        this.engine = engine;
        this.imaged = imagedType == null ? null : engine.segmentTypes().byName(imagedType);
        if (imagedType != null && imaged == null) {
            throw new LvstackException("no loaded plugin provides segment type " + imagedType);
        }
        List<ReferenceRole> lists = imaged == null ? List.of()
                : engine.segmentTypes().guard(imaged).referenceRoles().stream().filter(ReferenceRole::isList).toList();
        if (imaged != null && lists.size() != 1) {
            throw new LvstackException("segment type " + imagedType + " declares no single list role for its"
                    + " images' metadata LVs");
        }
        this.metaRole = lists.isEmpty() ? null : lists.get(0);
        this.imagedPrefix = imaged == null ? null : imaged.name().replaceFirst("\\d+$", "");
        this.plain = engine.segmentTypes().plain();
        this.mirror = engine.segmentTypes().making(2, SegmentOptions.regionSize(REGION), SegmentCapability.AREAS_MIRRORED);
        List<ReferenceRole> roles = mirror == null ? List.of()
                : engine.segmentTypes().guard(mirror).referenceRoles();
        if (roles.size() != 1) {
            throw new LvstackException("generating a VG needs a segment type that mirrors its areas with a log "
                    + "(LVM2's mirror), and no loaded plugin provides one");
        }
        this.log = roles.get(0);
    }

    /** A VG named {@code vgName} with {@code lvCount} LVs. */
    public ImportedVg generate(String vgName, int lvCount, long seed) {
        // a VG named otherwise would be written in a file no LVM2 (nor lvstack) reads
        LvmNameRules.requireNewVgName(vgName);
        if (lvCount < 0) {
            throw new LvstackException("the number of LVs must not be negative, not " + lvCount);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        // Each LV needs at most 6 extents; leave room so allocation never fails.
        long pvExtents = Math.max(64, (long) lvCount * 6 / PV_COUNT + 64);
        VolumeGroup vg = engine.newVolumeGroup(vgName, new VgProperties(id(rnd), 1, "lvm2",
                List.of("RESIZEABLE", "READ", "WRITE"), List.of(), List.of(), null, null, null, EXTENT_SIZE, 0, 0, null,
                null, 0L));
        vg.apply(ed -> {
            Allocator alloc = new Allocator();
            for (int i = 0; i < PV_COUNT; i++) {
                alloc.pvs.add(ed.addPv(PvProperties.simple(id(rnd), "/dev/loop" + (4 + i), MIB_SECTORS, pvExtents,
                        pvExtents * EXTENT_SIZE + MIB_SECTORS)));
            }
            int made = 0;
            int n = 0;
            while (made < lvCount) {
                int kind = rnd.nextInt(100);
                if (kind < 15 && lvCount - made >= 4) {
                    mirrorLv(ed, alloc, rnd, "mirrored" + n++);
                    made += 4;
                } else if (imaged != null && kind < 30 && lvCount - made >= 5) {
                    imagedLv(ed, alloc, rnd, imagedPrefix + n++);
                    made += 5;
                } else if (kind < 40) {
                    stripedLv(ed, alloc, rnd, "stripe" + n++);
                    made++;
                } else {
                    linearLv(ed, alloc, rnd, "lvol" + n++);
                    made++;
                }
            }
        });
        MetadataHeader header = MetadataHeader.fresh("lvstack generate --lvs " + lvCount + " --seed " + seed,
                "lvstack", BASE_TIME);
        long onDisk = new MetadataFormat(engine).write(vg, header, MetadataFormat.Form.ON_DISK)
                .getBytes(StandardCharsets.UTF_8).length;
        long peStart = peStartFor(onDisk);
        if (peStart != MIB_SECTORS) {
            vg.apply(ed -> {
                for (PhysicalVolume pv : vg.pvs()) {
                    PvProperties p = pv.properties();
                    ed.setPvProperties(pv, PvProperties.simple(p.id(), p.device(), peStart, p.peCount(),
                            p.peCount() * EXTENT_SIZE + peStart));
                }
            });
        }
        return new ImportedVg(vg, header, List.of());
    }

    /**
     * The data start, in sectors, that lets LVM2 2.03 store metadata of {@code onDiskBytes} in
     * the form it keeps on disk. {@code pvcreate --restorefile} puts the metadata area between
     * byte 4096 and pe_start, and LVM2 writes each new copy beside the previous one in that
     * circular area, so one copy may take at most (area - 512) / 2 - 512 bytes; a larger one
     * fails with "exceeds maximum metadata size". The 4 KiB margin covers what LVM2 writes
     * differently from the generated text: its own device names as hints, its description (the
     * command line, with the file's path) and host name, and the digits pe_start and dev_size
     * gain here. Whole MiB, and never below pvcreate's 1 MiB, so small VGs keep LVM2's default.
     */
    static long peStartFor(long onDiskBytes) {
        long areaBytes = 2 * (onDiskBytes + 4096 + 512) + 512;
        long bytes = 4096 + areaBytes;
        long mib = (bytes + MIB_SECTORS * 512 - 1) / (MIB_SECTORS * 512);
        return Math.max(1, mib) * MIB_SECTORS;
    }

    /** Hands out extents PV by PV; consecutive segments land on different PVs, so none merge. */
    private static final class Allocator {
        final List<PhysicalVolume> pvs = new ArrayList<>();
        final long[] next = new long[PV_COUNT];
        int turn;

        int nextPv() {
            turn = (turn + 1) % PV_COUNT;
            return turn;
        }

        long take(int pv, long len) {
            long pe = next[pv];
            next[pv] += len;
            return pe;
        }
    }

    private LogicalVolume lv(StackEditor ed, SplittableRandom rnd, String name, boolean visible, int index) {
        return ed.createLv(name, id(rnd), visible ? VISIBLE : HIDDEN, List.of(),
                new LvProperties(BASE_TIME + index, "lvstack", null, null, null, null, null, null));
    }

    private void linearLv(StackEditor ed, Allocator alloc, SplittableRandom rnd, String name) {
        LogicalVolume lv = lv(ed, rnd, name, true, ed.vg().lvCount());
        int segments = 1 + rnd.nextInt(3);
        for (int s = 0; s < segments; s++) {
            onPv(ed, alloc, lv, alloc.nextPv(), 1 + rnd.nextInt(2));
        }
    }

    private Segment onPv(StackEditor ed, Allocator alloc, LogicalVolume lv, int pv, long len) {
        Segment seg = ed.addSegment(lv, plain, NewSegments.of(plain, 1, SegmentOptions.DEFAULTS).fields(),
                lv.extentCount(), len, 1, List.of());
        ed.setPvArea(seg, 0, alloc.pvs.get(pv), alloc.take(pv, len));
        return seg;
    }

    private void stripedLv(StackEditor ed, Allocator alloc, SplittableRandom rnd, String name) {
        LogicalVolume lv = lv(ed, rnd, name, true, ed.vg().lvCount());
        int stripes = 2 + rnd.nextInt(2);
        long perStripe = 1 + rnd.nextInt(2);
        Segment seg = ed.addSegment(lv, plain, NewSegments.of(plain, stripes, SegmentOptions.stripeSize(128L)).fields(),
                0, stripes * perStripe, stripes, List.of());
        int first = alloc.nextPv();
        for (int i = 0; i < stripes; i++) {
            int pv = (first + i) % PV_COUNT;
            ed.setPvArea(seg, i, alloc.pvs.get(pv), alloc.take(pv, perStripe));
        }
    }

    private void mirrorLv(StackEditor ed, Allocator alloc, SplittableRandom rnd, String name) {
        int index = ed.vg().lvCount();
        long len = 2 + rnd.nextInt(3);
        LogicalVolume top = lv(ed, rnd, name, true, index);
        LogicalVolume leg0 = lv(ed, rnd, name + "_mimage_0", false, index);
        LogicalVolume leg1 = lv(ed, rnd, name + "_mimage_1", false, index);
        LogicalVolume log = lv(ed, rnd, name + "_mlog", false, index);
        int first = alloc.nextPv();
        onPv(ed, alloc, leg0, first, len);
        onPv(ed, alloc, leg1, (first + 1) % PV_COUNT, len);
        onPv(ed, alloc, log, (first + 2) % PV_COUNT, 1);
        Segment seg = ed.addSegment(top, mirror, NewSegments.of(mirror, 2, SegmentOptions.regionSize(REGION)).fields(),
                0, len, 2, List.of());
        ed.setLvArea(seg, 0, leg0, 0);
        ed.setLvArea(seg, 1, leg1, 0);
        ed.attach(seg, this.log, log);
    }

    /** {@code name} over {@code name_rimage_0/1}, each with its {@code name_rmeta_N}, images on two PVs. */
    private void imagedLv(StackEditor ed, Allocator alloc, SplittableRandom rnd, String name) {
        int index = ed.vg().lvCount();
        long len = 1 + rnd.nextInt(3);
        LogicalVolume top = lv(ed, rnd, name, true, index);
        int first = alloc.nextPv();
        List<LogicalVolume> images = new ArrayList<>();
        List<LogicalVolume> metas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LogicalVolume image = lv(ed, rnd, name + "_rimage_" + i, false, index);
            LogicalVolume meta = lv(ed, rnd, name + "_rmeta_" + i, false, index);
            int pv = (first + i) % PV_COUNT;
            onPv(ed, alloc, meta, pv, 1);
            onPv(ed, alloc, image, pv, len);
            images.add(image);
            metas.add(meta);
        }
        Segment seg = ed.addSegment(top, imaged, NewSegments.of(imaged, 2, SegmentOptions.regionSize(REGION)).fields(),
                0, len, 2, List.of());
        for (int i = 0; i < 2; i++) {
            ed.setLvArea(seg, i, images.get(i), 0);
            ed.attach(seg, metaRole.at(i), metas.get(i));
        }
    }

    private static String id(SplittableRandom rnd) {
        StringBuilder b = new StringBuilder(38);
        int[] groups = {6, 4, 4, 4, 4, 4, 6};
        for (int g = 0; g < groups.length; g++) {
            if (g > 0) {
                b.append('-');
            }
            for (int i = 0; i < groups[g]; i++) {
                b.append(ID_CHARS.charAt(rnd.nextInt(ID_CHARS.length())));
            }
        }
        return b.toString();
    }
}
