package io.lvstack.api.dm;

import io.lvstack.api.model.Area;

/** What a segment type needs to write its device-mapper target line. */
public interface TargetContext {
    /** Sectors per extent of the VG. */
    long extentSize();

    /**
     * {@code "major:minor offset"} for the start of {@code area} plus {@code extentOffset}
     * extents: a PV area's offset adds the PV's {@code pe_start}.
     */
    String device(Area area, long extentOffset);

    /** {@code "major:minor"} of an LV's own device-mapper device. */
    String lvDevice(io.lvstack.api.model.LvView lv);
}
