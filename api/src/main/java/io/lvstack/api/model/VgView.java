package io.lvstack.api.model;

import java.util.List;
import java.util.Optional;

/**
 * Read-only view of a volume group, as a segment type's operations see it.
 * @since SPI 2.0
 */
public interface VgView {
    String name();

    /** Sectors per extent. */
    long extentSize();

    /** The LVs in metadata order. */
    List<? extends LvView> lvs();

    /** The LV named {@code name}, if any. */
    Optional<? extends LvView> lv(String name);

    /** The PVs in metadata order. */
    List<? extends PvView> pvs();

    /** Extents no LV uses, over every PV. */
    long freeCount();
}
