package io.lvstack.api.ops;

import java.util.List;

/**
 * {@code lvconvert} as the engine hands it to a type's {@link LvConverter}: the options LVM2's
 * lvconvert has, read and checked as LVM2 reads them; a null option was not given.
 *
 * @param type         {@code --type}
 * @param mirrors      {@code -m} as typed ({@code 2}, {@code +1}, {@code -1})
 * @param mirrorLog    {@code --mirrorlog}
 * @param regionSize   {@code -R} in sectors
 * @param splitMirrors {@code --splitmirrors}
 * @param name         {@code -n} (the split-off LV's name)
 * @param candidates   the PV arguments
 * @param finish       {@code lvconvert VG/LV} alone, or lvstack's wish to finish at once what LVM2's
 *                     poll finishes later (a mirror's sync layer); false with {@code --no-collapse}
 * @param cacheOptions the options of caches and writecaches
 * @param raidOptions  the options of raid LVs (since SPI 2.1)
 * @since SPI 2.0
 */
public record ConvertRequest(String type, String mirrors, String mirrorLog, Long regionSize, Integer splitMirrors,
        String name, List<PvExtents> candidates, boolean finish, CacheOptions cacheOptions, RaidOptions raidOptions) {
    public ConvertRequest {
        candidates = List.copyOf(candidates);
        cacheOptions = cacheOptions == null ? CacheOptions.NONE : cacheOptions;
        raidOptions = raidOptions == null ? RaidOptions.NONE : raidOptions;
    }

    /** A request without raid options. */
    public ConvertRequest(String type, String mirrors, String mirrorLog, Long regionSize, Integer splitMirrors,
            String name, List<PvExtents> candidates, boolean finish, CacheOptions cacheOptions) {
        this(type, mirrors, mirrorLog, regionSize, splitMirrors, name, candidates, finish, cacheOptions,
                RaidOptions.NONE);
    }

    /** A request without cache options. */
    public ConvertRequest(String type, String mirrors, String mirrorLog, Long regionSize, Integer splitMirrors,
            String name, List<PvExtents> candidates, boolean finish) {
        this(type, mirrors, mirrorLog, regionSize, splitMirrors, name, candidates, finish, CacheOptions.NONE,
                RaidOptions.NONE);
    }

    /** Nothing asked but to finish a conversion in progress. */
    public boolean finishOnly() {
        return type == null && mirrors == null && mirrorLog == null && splitMirrors == null && !cacheOptions.any()
                && !raidOptions.any();
    }

    /**
     * lvconvert's options of caches and writecaches ({@code tools/lvconvert.c}).
     *
     * @param cachePool      {@code --cachepool} (an LV name, {@code VG/} dropped), or null
     * @param cacheVol       {@code --cachevol}, or null
     * @param splitCache     {@code --splitcache}
     * @param uncache        {@code --uncache}
     * @param cacheMode      {@code --cachemode} ({@code writethrough}, {@code writeback}, {@code passthrough}), or null
     * @param cachePolicy    {@code --cachepolicy}, or null
     * @param cacheSettings  {@code --cachesettings}, each as given ({@code "migration_threshold=2048"}), in order
     * @param metadataFormat {@code --cachemetadataformat} ({@code auto}, {@code 1}, {@code 2}), or null
     * @param chunkSize      {@code -c} in sectors, or null
     * @param yes            {@code -y}: LVM2's questions are answered yes (without it, unanswered: no)
     * @param force          {@code -f} (given once or more)
     * @since SPI 2.0
     */
    public record CacheOptions(String cachePool, String cacheVol, boolean splitCache, boolean uncache,
            String cacheMode, String cachePolicy, List<String> cacheSettings, String metadataFormat, Long chunkSize,
            boolean yes, boolean force) {
        public static final CacheOptions NONE = new CacheOptions(null, null, false, false, null, null, List.of(), null,
                null, false, false);

        public CacheOptions {
            cacheSettings = List.copyOf(cacheSettings);
        }

        /** Whether any cache option was given ({@code -y} and {@code -f} are no cache options). */
        public boolean any() {
            return cachePool != null || cacheVol != null || splitCache || uncache || cacheMode != null
                    || cachePolicy != null || !cacheSettings.isEmpty() || metadataFormat != null || chunkSize != null;
        }
    }

    /**
     * lvconvert's options of raid LVs ({@code tools/lvconvert.c}).
     *
     * @param trackChanges       {@code --trackchanges} (with {@code --splitmirrors 1}): the split image
     *                           stays in the raid LV, read-only and visible
     * @param mergeMirrors       {@code --mergemirrors}: such an image merged back
     * @param integrity          {@code --raidintegrity y|n}, null when not given
     * @param integrityMode      {@code --raidintegritymode} ({@code journal} or {@code bitmap}), or null
     * @param integrityBlockSize {@code --raidintegrityblocksize} in bytes, or null
     * @param stripes            {@code -i/--stripes}: the data images a reshape leaves, or null
     * @param stripeSize         {@code -I/--stripesize} in sectors, or null
     * @since SPI 2.1
     */
    public record RaidOptions(boolean trackChanges, boolean mergeMirrors, Boolean integrity, String integrityMode,
            Long integrityBlockSize, Integer stripes, Long stripeSize) {
        public static final RaidOptions NONE = new RaidOptions(false, false, null, null, null, null, null);

        /** Options without a reshape's stripes or stripe size. */
        public RaidOptions(boolean trackChanges, boolean mergeMirrors, Boolean integrity, String integrityMode,
                Long integrityBlockSize) {
            this(trackChanges, mergeMirrors, integrity, integrityMode, integrityBlockSize, null, null);
        }

        /** Whether any raid option was given. */
        public boolean any() {
            return trackChanges || mergeMirrors || integrity != null || stripes != null || stripeSize != null;
        }
    }
}
