package io.lvstack.engine.disk;

import io.lvstack.engine.check.Problem;
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
 * @param problems what a user must know, each naming its device or the VG: errors for devices
 *                 and metadata copies that could not be read, warnings for older or differing
 *                 copies, PVs not found (in LVM2's words) and devices of other VGs
 */
public record DiskVg(ImportedVg vg, MetadataCopy copy, Map<String, Path> devices, List<Problem> problems) {
    public DiskVg {
        devices = Map.copyOf(devices);
        problems = List.copyOf(problems);
    }

    /** Whether a device or metadata copy could not be read (warnings, such as a missing PV, aside). */
    public boolean damaged() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
}
