package io.lvstack.engine.ops.pvmove;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code pvmove} moves and where.
 *
 * @param source       the extents to move: ranges of one PV ({@code /dev/loop4:0-9}), or the whole PV
 * @param destinations the PVs to move to; empty means every other allocatable PV of the VG
 * @param policy       the allocation policy for the destination (LVM2's pvmove uses contiguous)
 * @param regionSize   the mirror region size in sectors for the pvmove segments
 * @param layerId      the LV id for the new {@code pvmoveN} LV (the caller makes ids)
 * @param layerProperties creation time and host of the new LV; its allocation policy is set to contiguous
 * @param lvName       move only this LV and its sub-LVs ({@code pvmove -n}), or null for every LV
 * @param destinationRanges the extents of {@code destinations} the allocation may use
 */
public record PvmoveSpec(List<PvRange> source, List<PhysicalVolume> destinations, AllocPolicy policy,
        long regionSize, String layerId, LvProperties layerProperties, String lvName,
        List<PvRange> destinationRanges) {
    public PvmoveSpec {
        source = List.copyOf(source);
        destinations = List.copyOf(destinations);
        destinationRanges = List.copyOf(destinationRanges);
        for (PvRange r : destinationRanges) {
            if (!destinations.contains(r.pv())) {
                throw new LvstackException("Destination range on " + r.pv().name() + " is not on a destination PV");
            }
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(layerId, "layerId");
        Objects.requireNonNull(layerProperties, "layerProperties");
        if (source.isEmpty()) {
            throw new LvstackException("pvmove needs a source PV");
        }
        PhysicalVolume pv = source.get(0).pv();
        for (PvRange r : source) {
            if (r.pv() != pv) {
                throw new LvstackException("pvmove moves extents of one source PV, not " + pv.name() + " and "
                        + r.pv().name());
            }
        }
        if (destinations.contains(pv)) {
            throw new LvstackException("Source PV " + pv.name() + " cannot be a destination");
        }
        if (regionSize <= 0 || Long.bitCount(regionSize) != 1) {
            throw new LvstackException("Region size (" + regionSize + ") must be a power of 2");
        }
    }

    /** Whole destination PVs. */
    public PvmoveSpec(List<PvRange> source, List<PhysicalVolume> destinations, AllocPolicy policy, long regionSize,
            String layerId, LvProperties layerProperties, String lvName) {
        this(source, destinations, policy, regionSize, layerId, layerProperties, lvName,
                destinations.stream().map(PvRange::whole).toList());
    }

    /**
     * Destinations given as PV ranges ({@code pvmove /dev/loop4 /dev/loop7:10-20}): the allocation
     * uses only those extents, in the order given.
     */
    public static PvmoveSpec toRanges(List<PvRange> source, List<PvRange> destinationRanges, AllocPolicy policy,
            long regionSize, String layerId, LvProperties layerProperties, String lvName) {
        List<PhysicalVolume> pvs = destinationRanges.stream().map(PvRange::pv).distinct().toList();
        return new PvmoveSpec(source, pvs, policy, regionSize, layerId, layerProperties, lvName, destinationRanges);
    }

    /** The whole of {@code pv} to {@code destinations}, contiguous, as {@code pvmove PV [PV...]} asks. */
    public static PvmoveSpec wholePv(PhysicalVolume pv, List<PhysicalVolume> destinations, long regionSize,
            String layerId, LvProperties layerProperties) {
        return new PvmoveSpec(List.of(PvRange.whole(pv)), destinations, AllocPolicy.CONTIGUOUS, regionSize, layerId,
                layerProperties, null);
    }

    public PhysicalVolume sourcePv() {
        return source.get(0).pv();
    }
}
