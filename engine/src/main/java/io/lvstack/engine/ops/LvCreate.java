package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** {@code lvcreate} of a linear or striped LV ({@code lv_create_single} with {@code lv_extend}). */
public final class LvCreate {
    /** The striped plugin's setting: the stripe size, in sectors, of {@code -i N} without {@code -I}. */
    public static final String STRIPE_SIZE_KEY = "segtype.striped.stripe_size";

    /**
     * @param name       the new LV's name, or null for the next {@code lvolN}
     * @param size       {@code -L} or {@code -l}, unsigned
     * @param stripes    {@code -i} (1 for linear)
     * @param stripeSize {@code -I} in sectors, or null for {@value #STRIPE_SIZE_KEY} (ignored for one stripe)
     * @param policy     {@code --alloc}; {@link AllocPolicy#INHERIT} follows the VG
     * @param pvs        PV arguments with their ranges; empty for every PV
     * @param readAhead  {@code -r} in sectors, or null for auto (not written)
     */
    public record Request(String name, LvSize size, int stripes, Long stripeSize, AllocPolicy policy,
            List<PvRange> pvs, Long readAhead) {
        public Request {
            pvs = List.copyOf(pvs);
            if (stripes < 1) {
                throw new LvstackException("Number of stripes (" + stripes + ") must be positive");
            }
        }
    }

    private final Engine engine;
    private final ExtentAllocator allocator;
    private final LvStamp stamp;

    /** @param engine the segment types, and the default stripe size ({@value #STRIPE_SIZE_KEY}) */
    public LvCreate(Engine engine, ExtentAllocator allocator, LvStamp stamp) {
        this.engine = engine;
        this.allocator = allocator;
        this.stamp = stamp;
    }

    /** Creates the LV in one atomic change and returns LVM2's messages. */
    public List<String> run(VolumeGroup vg, Request r) {
        return run(vg, r, new ArrayList<>());
    }

    /**
     * As {@link #run(VolumeGroup, Request)}, adding LVM2's messages to {@code messages} as they
     * arise, so a caller can print those given before a refusal (LVM2 prints them too).
     */
    public List<String> run(VolumeGroup vg, Request r, List<String> messages) {
        if (r.size().sign() != 0) {
            throw new LvstackException("Negative size is invalid.");
        }
        String name = r.name() != null ? r.name() : LvNames.next(vg, "lvol");
        if (vg.lv(name) != null) {
            throw new LvstackException("Logical Volume \"" + name + "\" already exists in volume group \""
                    + vg.name() + "\"");
        }
        long extentSize = vg.properties().extentSize();
        long extents = r.size().toExtents(extentSize, messages);
        if (extents == 0) {
            throw new LvstackException("Unable to create new logical volume with no extents.");
        }
        long stripeSize = stripeSize(r, messages);
        // PV arguments count only when allocatable and not full (LVM2's create_pv_list skips the
        // others before it reads their ranges).
        List<PvRange> pvs = r.pvs().stream()
                .filter(p -> p.pv().properties().allocatable() && p.pv().extents().freeCount() > 0).toList();
        if (!r.pvs().isEmpty() && pvs.isEmpty()) {
            throw new LvstackException("No specified PVs have space available.");
        }
        PvRange.checkWithin(pvs);
        int pvCount = pvs.isEmpty() ? vg.pvs().size() : (int) pvs.stream().map(PvRange::pv).distinct().count();
        AllocPolicy policy = effective(vg, r.policy());
        extents = roundToStripes(extents, r.stripes(), extentSize, messages);
        if (r.stripes() > pvCount && policy != AllocPolicy.ANYWHERE) {
            throw new LvstackException("Number of stripes (" + r.stripes()
                    + ") must not exceed number of physical volumes (" + pvCount + ")");
        }
        // LVM2 compares with the VG's free extents, whatever PVs are named.
        long free = vg.freeCount();
        if (extents > free) {
            throw new LvstackException("Volume group \"" + vg.name() + "\" has insufficient free space (" + free
                    + " extents): " + extents + " required.");
        }
        Allocation allocation = allocator.allocate(vg, new AllocationRequest(r.stripes(), extents / r.stripes(), 0,
                policy, pvs, null, name));
        SegmentType striped = engine.segmentTypes().byName("striped");
        String allocWord = r.policy() == AllocPolicy.INHERIT ? null : r.policy().word();
        vg.apply(ed -> {
            LogicalVolume lv = ed.createLv(name, stamp.newId(),
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE), List.of(),
                    new LvProperties(stamp.creationTime(), stamp.creationHost(), null, allocWord, null,
                            r.readAhead(), null, null));
            Segments.append(ed, lv, striped, SegmentFields.striped(striped, r.stripes(), stripeSize), allocation);
            ed.raiseSeqno();
        });
        messages.add("  Logical volume \"" + name + "\" created.");
        return messages;
    }

    /**
     * {@code -I}, else the configured default as LVM2 takes lvm.conf's {@code metadata/stripesize}
     * (checked against its type when the engine was built); 0 for one stripe.
     */
    private long stripeSize(Request r, List<String> messages) {
        if (r.stripes() == 1) {
            return 0;
        }
        if (r.stripeSize() != null) {
            return r.stripeSize();
        }
        long size = Long.parseLong(engine.setting(STRIPE_SIZE_KEY).strip());
        messages.add("  Using default stripesize " + DisplaySize.of(size) + ".");
        return size;
    }

    /** {@code _round_to_stripe_boundary}: a striped size is a whole number of extents per stripe. */
    static long roundToStripes(long extents, int stripes, long extentSize, List<String> messages) {
        if (stripes <= 1 || extents % stripes == 0) {
            return extents;
        }
        long rounded = extents + stripes - extents % stripes;
        messages.add("  Rounding size " + DisplaySize.of(extents * extentSize) + " (" + extents
                + " extents) up to stripe boundary size " + DisplaySize.of(rounded * extentSize) + " (" + rounded
                + " extents).");
        return rounded;
    }

    /** {@code inherit} means the LV's, then the VG's policy; the VG's {@code inherit} or none means normal. */
    static AllocPolicy effective(VolumeGroup vg, AllocPolicy asked) {
        if (asked != AllocPolicy.INHERIT) {
            return asked;
        }
        String vgPolicy = vg.properties().allocationPolicy();
        AllocPolicy p = vgPolicy == null ? AllocPolicy.NORMAL : AllocPolicy.of(vgPolicy);
        return p == AllocPolicy.INHERIT ? AllocPolicy.NORMAL : p;
    }
}
