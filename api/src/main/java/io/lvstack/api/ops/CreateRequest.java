package io.lvstack.api.ops;

import java.util.List;

/**
 * {@code lvcreate --type T} as the engine hands it to type {@code T}, its options read and checked
 * as LVM2 reads them; a null option was not given (the type's default applies).
 *
 * @param name       the new LV's name (LVM2's next {@code lvolN} when {@code -n} was not given)
 * @param extents    the size in extents ({@code -L} or {@code -l}, rounded up to whole extents); 0
 *                   when neither was given (a thin LV or thin snapshot takes its size elsewhere)
 * @param stripes    {@code -i}, 1 when not given
 * @param stripeSize {@code -I} in sectors
 * @param mirrors    {@code -m}
 * @param mirrorLog  {@code --mirrorlog}
 * @param regionSize {@code -R} in sectors
 * @param chunkSize  {@code -c} in sectors
 * @param metadataSize {@code --poolmetadatasize} in sectors
 * @param candidates the PV arguments
 * @param poolOptions the options of thin LVs, pools and snapshots
 * @param raidOptions the options of raid LVs (since SPI 2.1)
 * @since SPI 2.0
 */
public record CreateRequest(String name, long extents, int stripes, Long stripeSize, Integer mirrors,
        String mirrorLog, Long regionSize, Long chunkSize, Long metadataSize, List<PvExtents> candidates,
        PoolOptions poolOptions, RaidOptions raidOptions) {
    public CreateRequest {
        candidates = List.copyOf(candidates);
        poolOptions = poolOptions == null ? PoolOptions.NONE : poolOptions;
        raidOptions = raidOptions == null ? RaidOptions.NONE : raidOptions;
    }

    /** A request without raid options. */
    public CreateRequest(String name, long extents, int stripes, Long stripeSize, Integer mirrors,
            String mirrorLog, Long regionSize, Long chunkSize, Long metadataSize, List<PvExtents> candidates,
            PoolOptions poolOptions) {
        this(name, extents, stripes, stripeSize, mirrors, mirrorLog, regionSize, chunkSize, metadataSize, candidates,
                poolOptions, RaidOptions.NONE);
    }

    /** A request without pool, virtual-size or snapshot options. */
    public CreateRequest(String name, long extents, int stripes, Long stripeSize, Integer mirrors, String mirrorLog,
            Long regionSize, Long chunkSize, Long metadataSize, List<PvExtents> candidates) {
        this(name, extents, stripes, stripeSize, mirrors, mirrorLog, regionSize, chunkSize, metadataSize, candidates,
                PoolOptions.NONE, RaidOptions.NONE);
    }

    /** {@link PoolOptions#virtualExtents()}. */
    public long virtualExtents() {
        return poolOptions.virtualExtents();
    }

    /** {@link PoolOptions#pool()}. */
    public String pool() {
        return poolOptions.pool();
    }

    /** {@link PoolOptions#origin()}. */
    public String origin() {
        return poolOptions.origin();
    }

    /**
     * lvcreate's options for thin LVs, pools and snapshots.
     *
     * @param virtualExtents {@code -V} in extents (rounded up), 0 when not given
     * @param pool           the pool LV's name: {@code --thinpool}, or {@code -T VG/POOL}; null when not given
     * @param origin         the origin LV's name of a snapshot ({@code -s VG/ORIGIN}); null when not given
     * @param percentOfSpace whether the size was given as {@code -l N%FREE|%VG|%PVS}: LVM2 then leaves
     *                       room for a pool's metadata and spare within it
     * @param zero           {@code -Z y|n}, null when not given
     * @param discards       {@code --discards}, null when not given
     */
    public record PoolOptions(long virtualExtents, String pool, String origin, boolean percentOfSpace, Boolean zero,
            String discards) {
        public static final PoolOptions NONE = new PoolOptions(0, null, null, false, null, null);
    }

    /**
     * lvcreate's options of raid LVs.
     *
     * @param nosync             {@code --nosync}: the new images are taken as in sync
     * @param integrity          {@code --raidintegrity y}
     * @param integrityMode      {@code --raidintegritymode} ({@code journal} or {@code bitmap}), null when not given
     * @param integrityBlockSize {@code --raidintegrityblocksize} in bytes, null when not given
     * @since SPI 2.1
     */
    public record RaidOptions(boolean nosync, boolean integrity, String integrityMode, Long integrityBlockSize) {
        public static final RaidOptions NONE = new RaidOptions(false, false, null, null);
    }
}
