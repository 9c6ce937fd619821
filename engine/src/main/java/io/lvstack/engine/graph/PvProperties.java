package io.lvstack.engine.graph;

import java.util.List;
import java.util.Objects;

/**
 * What metadata stores about a PV (LVM2 {@code _read_pv}), as an immutable value. Optional
 * fields are null when absent. Status and flags words are kept in LVM2's table order.
 */
public record PvProperties(String id, String device, String deviceIdType, String deviceId, List<String> status,
        List<String> flags, List<String> tags, Long devSize, long peStart, long peCount, Long baStart, Long baSize) {

    public PvProperties {
        Objects.requireNonNull(id, "id");
        status = List.copyOf(status);
        flags = List.copyOf(flags);
        tags = List.copyOf(tags);
        if (peCount < 0 || peStart < 0) {
            throw new IllegalArgumentException("negative pe_start or pe_count");
        }
    }

    /** A plain allocatable PV, as {@code pvcreate} makes one. */
    public static PvProperties simple(String id, String device, long peStart, long peCount, long devSize) {
        return new PvProperties(id, device, null, null, List.of("ALLOCATABLE"), List.of(), List.of(), devSize, peStart,
                peCount, null, null);
    }

    /** These properties with another device hint. */
    public PvProperties withDevice(String newDevice) {
        return new PvProperties(id, newDevice, deviceIdType, deviceId, status, flags, tags, devSize, peStart, peCount,
                baStart, baSize);
    }

    /** These properties with other flags words. */
    public PvProperties withFlags(List<String> newFlags) {
        return new PvProperties(id, device, deviceIdType, deviceId, status, newFlags, tags, devSize, peStart, peCount,
                baStart, baSize);
    }

    public boolean allocatable() {
        return status.contains("ALLOCATABLE");
    }
}
