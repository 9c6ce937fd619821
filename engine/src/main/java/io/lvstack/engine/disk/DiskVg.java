package io.lvstack.engine.disk;

import io.lvstack.engine.format.ImportedVg;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A VG read from its PVs' devices.
 *
 * @param vg       the VG of the newest metadata found, its PVs' device hints replaced by the
 *                 devices they were found on ({@code [unknown]} and MISSING for those not found),
 *                 as LVM2 shows them
 * @param copy     the metadata copy that was used
 * @param devices  the device each PV of the VG was found on, by PV UUID
 * @param warnings what a user must know: devices that could not be read, older or differing
 *                 copies, PVs not found, devices of other VGs; each names its device or PV
 */
public record DiskVg(ImportedVg vg, MetadataCopy copy, Map<String, Path> devices, List<String> warnings) {
    public DiskVg {
        devices = Map.copyOf(devices);
        warnings = List.copyOf(warnings);
    }
}
