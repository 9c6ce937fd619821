package io.lvstack.engine.ops;

import io.lvstack.api.ops.DisplaySize;
import io.lvstack.engine.segtype.NewSegments;
import io.lvstack.engine.names.LvNames;
import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.alloc.AllocationRequest;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import io.lvstack.api.model.LvView;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.PvExtents;
import io.lvstack.engine.segtype.PluginCall;

/**
 * {@code lvcreate} of an LV whose segments are allocated on PVs ({@code lv_create_single} with
 * {@code lv_extend}): of the plain type (LVM2's linear and striped LVs) unless the command names
 * a type with {@code --type}; the type makes the new segment's fields.
 */
public final class LvCreate {
    /**
     * @param name       the new LV's name, or null for the next {@code lvolN}; LVM2's name rules apply
     * @param size       {@code -L} or {@code -l}, unsigned; null when neither was given (a type's
     *                   creator may take the size from elsewhere: a thin LV's {@code -V}, a snapshot's origin)
     * @param stripes    {@code -i} (1 for linear)
     * @param stripeSize {@code -I} in sectors, or null for the type's default (ignored for one stripe)
     * @param policy     {@code --alloc}; {@link AllocPolicy#INHERIT} follows the VG
     * @param pvs        PV arguments with their ranges; empty for every PV
     * @param readAhead  {@code -r} in sectors, or null for auto (not written)
     * @param type       {@code --type}, or null for the plain type
     * @param typeOptions the options a type's own creator reads
     */
    public record Request(String name, LvSize size, int stripes, Long stripeSize, AllocPolicy policy,
            List<PvRange> pvs, Long readAhead, String type, TypeOptions typeOptions) {
        public Request {
            pvs = List.copyOf(pvs);
            typeOptions = typeOptions == null ? TypeOptions.NONE : typeOptions;
            if (stripes < 1) {
                throw new LvstackException("Number of stripes (" + stripes + ") must be positive");
            }
        }

        /** A request of the plain type. */
        public Request(String name, LvSize size, int stripes, Long stripeSize, AllocPolicy policy, List<PvRange> pvs,
                Long readAhead) {
            this(name, size, stripes, stripeSize, policy, pvs, readAhead, null, null);
        }
    }

    /**
     * lvcreate's options for types that make their LVs themselves ({@link LvCreator}); null when not given.
     *
     * @param mirrors      {@code -m}
     * @param mirrorLog    {@code --mirrorlog}
     * @param regionSize   {@code -R} in sectors
     * @param chunkSize    {@code -c} in sectors
     * @param metadataSize {@code --poolmetadatasize} in sectors
     * @param raid         {@code --nosync} and the {@code --raidintegrity} options
     */
    public record TypeOptions(Integer mirrors, String mirrorLog, Long regionSize, Long chunkSize, Long metadataSize,
            Pooled pooled, CreateRequest.RaidOptions raid) {
        public static final TypeOptions NONE = new TypeOptions(null, null, null, null, null);

        public TypeOptions {
            pooled = pooled == null ? Pooled.NONE : pooled;
            raid = raid == null ? CreateRequest.RaidOptions.NONE : raid;
        }

        public TypeOptions(Integer mirrors, String mirrorLog, Long regionSize, Long chunkSize, Long metadataSize,
                Pooled pooled) {
            this(mirrors, mirrorLog, regionSize, chunkSize, metadataSize, pooled, CreateRequest.RaidOptions.NONE);
        }

        public TypeOptions(Integer mirrors, String mirrorLog, Long regionSize, Long chunkSize, Long metadataSize) {
            this(mirrors, mirrorLog, regionSize, chunkSize, metadataSize, Pooled.NONE);
        }
    }

    /**
     * lvcreate's options for thin LVs, pools and snapshots; null when not given.
     *
     * @param virtualSize {@code -V}
     * @param pool        {@code --thinpool} or the pool of {@code -T VG/POOL}
     * @param origin      the origin of {@code -s VG/ORIGIN}
     * @param zero        {@code -Z y|n}
     * @param discards    {@code --discards}
     */
    public record Pooled(LvSize virtualSize, String pool, String origin, Boolean zero, String discards) {
        public static final Pooled NONE = new Pooled(null, null, null, null, null);
    }

    private final Engine engine;
    private final SegmentTypeRegistry types;
    private final ExtentAllocator allocator;
    private final LvStamp stamp;

    /** @param engine its segment types make the new segments, with their configured defaults */
    public LvCreate(Engine engine, ExtentAllocator allocator, LvStamp stamp) {
        this.engine = engine;
        this.types = engine.segmentTypes();
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
        if (r.name() != null) {
            LvmNameRules.requireNewLvNameParam(r.name());
        }
        if (r.size() != null && r.size().sign() != 0) {
            throw new LvstackException("Negative size is invalid.");
        }
        String name = r.name() != null ? r.name() : LvNames.next(vg, "lvol");
        if (vg.lv(name) != null) {
            throw new LvstackException("Logical Volume \"" + name + "\" already exists in volume group \""
                    + vg.name() + "\"");
        }
        long extentSize = vg.properties().extentSize();
        SegmentType type = type(r.type());
        Optional<LvCreator> creator = types.guard(type).creator();
        long extents = r.size() == null ? 0 : r.size().inVg(vg, r.pvs())
                .toExtents(extentSize, messages);
        Pooled pooled = r.typeOptions().pooled();
        if (r.size() == null && (creator.isEmpty() || pooled.virtualSize() == null && pooled.origin() == null)) {
            throw new LvstackException("Please specify either size or extents.");
        }
        if (creator.isPresent()) {
            return runCreator(vg, r, name, extents, type, creator.get(), messages);
        }
        if (extents == 0) {
            throw new LvstackException("Unable to create new logical volume with no extents.");
        }
        NewSegment made = NewSegments.of(type, r.stripes(), SegmentOptions.stripeSize(r.stripeSize()));
        if (r.stripes() > 1 && r.stripeSize() == null) {
            messages.add("  Using default stripesize " + DisplaySize.of(made.stripeSize()) + ".");
        }
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
        // LVM2's vg_validate at the write: the device name VG-LV must fit.
        LvmNameRules.requireFits(vg.name(), name);
        String allocWord = r.policy() == AllocPolicy.INHERIT ? null : r.policy().word();
        vg.apply(ed -> {
            LogicalVolume lv = ed.createLv(name, stamp.newId(),
                    EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE), List.of(),
                    new LvProperties(stamp.creationTime(), stamp.creationHost(), null, allocWord, null,
                            r.readAhead(), null, null));
            Segments.append(ed, lv, type, made.fields(), allocation);
            ed.raiseSeqno();
        });
        messages.add("  Logical volume \"" + name + "\" created.");
        return messages;
    }

    /** A type that makes its LVs itself: one atomic change through a {@link PluginEditor}. */
    private List<String> runCreator(VolumeGroup vg, Request r, String name, long extents, SegmentType type,
            LvCreator creator, List<String> messages) {
        TypeOptions o = r.typeOptions();
        Pooled pooled = o.pooled();
        long extentSize = vg.properties().extentSize();
        long virtualExtents = pooled.virtualSize() == null ? 0 : pooled.virtualSize().toExtents(extentSize, messages);
        LvSize.Percent percent = r.size() == null ? LvSize.Percent.NONE : r.size().percent();
        CreateRequest request = new CreateRequest(name, extents, r.stripes(), r.stripeSize(), o.mirrors(),
                o.mirrorLog(), o.regionSize(), o.chunkSize(), o.metadataSize(),
                r.pvs().stream().map(x -> new PvExtents(x.pv(), x.start(), x.count())).toList(),
                new CreateRequest.PoolOptions(virtualExtents, pooled.pool(), pooled.origin(),
                        percent == LvSize.Percent.FREE || percent == LvSize.Percent.PVS, pooled.zero(),
                        pooled.discards()), o.raid());
        String made = vg.change(ed -> {
            PluginEditor editor = new PluginEditor(engine, ed, type, allocator, stamp, r.policy(), messages);
            LvView lv = creator.create(request, editor);
            LogicalVolume top = lv instanceof LogicalVolume l && vg.contains(l) ? l : null;
            if (top == null) {
                throw PluginCall.failure(type, "creator.create", name,
                        new IllegalStateException("returned no LV of VG " + vg.name()));
            }
            editor.requireNamesFit();
            if (r.readAhead() != null || r.policy() != AllocPolicy.INHERIT) {
                LvProperties p = top.properties();
                ed.setLvProperties(top, new LvProperties(p.creationTime(), p.creationHost(), p.lockArgs(),
                        r.policy() == AllocPolicy.INHERIT ? p.allocationPolicy() : r.policy().word(), p.profile(),
                        r.readAhead() != null ? r.readAhead() : p.readAhead(), p.major(), p.minor()));
            }
            ed.raiseSeqno();
            return top.name();
        });
        messages.add("  Logical volume \"" + made + "\" created.");
        return messages;
    }

    /** The type asked for, as LVM2 refuses a name it does not know. */
    private SegmentType type(String name) {
        if (name == null) {
            return types.plain();
        }
        SegmentType t = types.byName(name);
        if (t == null) {
            throw new LvstackException("Unable to create LV with unknown segment type " + name + ".");
        }
        return t;
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
