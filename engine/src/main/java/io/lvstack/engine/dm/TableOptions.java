package io.lvstack.engine.dm;

import java.util.LinkedHashMap;
import java.util.Map;
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
     * Numbers for the LVs' devices: the kernel gives each new device the lowest free minor of the
     * dynamic major, so on a host with no other device-mapper devices they start at
     * {@code firstMinor} and follow the load order. Devices that exist already keep their numbers
     * when their tables are reloaded: {@code existing} gives them by device name
     * ({@code vgs-origin} = {@code 253:0}, as {@code dmsetup info -c -o name,major,minor} shows).
     *
     * @param existing device name to {@code MAJOR:MINOR}; the new devices skip those minors
     */
    public record DmNumbers(long major, long firstMinor, Map<String, String> existing) {
        /** Both numbers within Linux's limits, as a device number must be. */
        public DmNumbers {
            DeviceMap.number(major + ":" + firstMinor, "device-mapper numbers");
            Map<String, String> checked = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : existing.entrySet()) {
                checked.put(Objects.requireNonNull(e.getKey(), "device name"),
                        DeviceMap.number(e.getValue(), "device " + e.getKey()));
            }
            existing = Map.copyOf(checked);
        }

        /** No device exists yet. */
        public DmNumbers(long major, long firstMinor) {
            this(major, firstMinor, Map.of());
        }

        /** These numbers, with {@code devices} (name to {@code MAJOR:MINOR}) existing already. */
        public DmNumbers withExisting(Map<String, String> devices) {
            return new DmNumbers(major, firstMinor, devices);
        }
    }
}
