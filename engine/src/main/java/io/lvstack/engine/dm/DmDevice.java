package io.lvstack.engine.dm;

import io.lvstack.engine.graph.LogicalVolume;
import java.util.List;
import java.util.Objects;

/**
 * One device-mapper device of an LV: its name, the layer it is ({@code ""} for the LV's top
 * device {@code VG-LV}, {@code "real"} for {@code VG-LV-real}) and the table the kernel is given
 * for it.
 */
public record DmDevice(String name, LogicalVolume lv, String layer, List<TableLine> lines) {
    public DmDevice {
        Objects.requireNonNull(layer, "layer");
        lines = List.copyOf(lines);
    }

    /** The LV's top device. */
    public DmDevice(String name, LogicalVolume lv, List<TableLine> lines) {
        this(name, lv, "", lines);
    }

    /** The table as {@code dmsetup table} prints several devices: {@code NAME: LINE}, one a line. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (TableLine line : lines) {
            out.append(name).append(": ").append(line).append('\n');
        }
        return out.toString();
    }
}
