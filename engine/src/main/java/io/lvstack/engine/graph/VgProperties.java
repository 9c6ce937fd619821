package io.lvstack.engine.graph;

import java.util.List;
import java.util.Objects;

/** The scalar fields of a VG section (LVM2 {@code _read_vg}); null means absent. */
public record VgProperties(String id, long seqno, String format, List<String> status, List<String> flags,
        List<String> tags, String systemId, String lockType, String lockArgs, long extentSize, long maxLv, long maxPv,
        String allocationPolicy, String profile, Long metadataCopies) {

    public VgProperties {
        Objects.requireNonNull(id, "id");
        status = List.copyOf(status);
        flags = List.copyOf(flags);
        tags = List.copyOf(tags);
        if (extentSize <= 0) {
            throw new IllegalArgumentException("extent_size must be positive");
        }
    }

    /** A VG as {@code vgcreate} makes it. */
    public static VgProperties simple(String id, long extentSize) {
        return new VgProperties(id, 1, "lvm2", List.of("RESIZEABLE", "READ", "WRITE"), List.of(), List.of(), null, null,
                null, extentSize, 0, 0, null, null, 0L);
    }

    public VgProperties withSeqno(long seqno) {
        return new VgProperties(id, seqno, format, status, flags, tags, systemId, lockType, lockArgs, extentSize, maxLv,
                maxPv, allocationPolicy, profile, metadataCopies);
    }
}
