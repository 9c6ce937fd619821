package io.lvstack.api.dm;

import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;

/**
 * What a segment type needs to write its device-mapper target line: device names, extent
 * arithmetic, and the activation switches LVM2 keeps outside the metadata. The engine makes one
 * context per LV and asks for the LV's segments in order.
 */
public interface TargetContext {
    /** Sectors per extent of the VG. */
    long extentSize();

    /**
     * {@code "DEVICE OFFSET"} for the start of {@code area} plus {@code extentOffset} extents, as
     * a table line names it: a PV area's offset adds the PV's {@code pe_start}
     * ({@code pe_start + pe * extent_size}), an LV area's is {@code le * extent_size} on the LV's
     * own device.
     */
    String device(Area area, long extentOffset);

    /**
     * The device of an LV's own device-mapper device ({@code 253:2}), for a mirror's disk log: its
     * top device when its layout has layers ({@link DeviceLayout}). An LV without a device makes
     * the table that names it fail.
     */
    String lvDevice(LvView lv);

    /**
     * The device of the layer {@code layer} of {@code lv} ({@code 253:1} for an origin's
     * {@code -real}), as the layout declared for {@code lv} names it ({@link DeviceLayout.Layer}).
     * A layer the LV's layout does not have makes the table that names it fail. The engine
     * loads the layer before the device whose table names it.
     * @since SPI 2.0
     */
    String layerDevice(LvView lv, String layer);

    /**
     * Whether dmeventd monitors the LV (LVM2's {@code activation/monitoring}, on by default); a
     * mirror asks the kernel to handle errors only when it is monitored.
     * @since SPI 1.1
     */
    default boolean monitoring() {
        return true;
    }

    /**
     * Whether the table is loaded by an operation that declares new mirror areas in sync
     * (LVM2's process-wide "mirror in sync" switch, set by {@code lvcreate --nosync}); never
     * stored in metadata.
     * @since SPI 1.1
     */
    default boolean nosync() {
        return false;
    }

    /**
     * Counts one more use of {@code key} among the segments of the LV being written and returns
     * how many uses were counted before. LVM2 threads such a counter through a pvmove LV's
     * segments ({@code pvmove_mirror_count}) so that only one of them runs as a mirror.
     * @since SPI 1.1
     */
    int countInLv(String key);
}
