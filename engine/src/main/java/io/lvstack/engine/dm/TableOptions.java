package io.lvstack.engine.dm;

import java.util.Objects;

/**
 * How tables are written: which device each PV is, how LV devices are named, and the two
 * activation switches LVM2 keeps outside the metadata.
 *
 * @param devices    PV devices given by the user; other PVs by their device hint
 * @param numbers    {@code MAJOR:MINOR} numbering of the LVs' own devices, in load order; null
 *                   names them by path ({@code /dev/mapper/NAME}), since minors are the kernel's choice
 * @param monitoring dmeventd monitoring (LVM2's default): mirrors get {@code handle_errors}
 * @param nosync     as loaded by {@code lvcreate --nosync}: new mirrors are declared in sync
 */
public record TableOptions(DeviceMap devices, DmNumbers numbers, boolean monitoring, boolean nosync) {
    public TableOptions {
        Objects.requireNonNull(devices, "devices");
    }

    /** Device hints, LV devices by path, monitoring on, as {@code lvchange -ay} with LVM2's defaults. */
    public static TableOptions defaults() {
        return new TableOptions(DeviceMap.hints(), null, true, false);
    }

    /**
     * Numbers for the LVs' own devices: the kernel gives the dynamic major's minors in creation
     * order, so on a host with no other device-mapper devices they start at {@code firstMinor}.
     */
    public record DmNumbers(long major, long firstMinor) {
        /** Both numbers within Linux's limits, as a device number must be. */
        public DmNumbers {
            DeviceMap.number(major + ":" + firstMinor, "device-mapper numbers");
        }
    }
}
