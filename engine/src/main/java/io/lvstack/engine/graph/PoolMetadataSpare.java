package io.lvstack.engine.graph;

import java.util.Optional;

/**
 * The VG's pool-metadata spare: a hidden LV whose name holds {@code _pmspare}, as LVM2's importer
 * recognises it (LVM2 keeps one per VG for pools of any type to repair their metadata with).
 */
public final class PoolMetadataSpare {
    /** The suffix LVM2 gives the spare's name ({@code lvol0_pmspare}). */
    public static final String SUFFIX = "_pmspare";

    private PoolMetadataSpare() {
    }

    /** Whether {@code lv} is a pool-metadata spare. */
    public static boolean is(LogicalVolume lv) {
        return !lv.visible() && lv.name().contains(SUFFIX);
    }

    /** The VG's spare, if it has one. */
    public static Optional<LogicalVolume> of(VolumeGroup vg) {
        for (LogicalVolume lv : vg.lvs()) {
            if (is(lv)) {
                return Optional.of(lv);
            }
        }
        return Optional.empty();
    }
}
