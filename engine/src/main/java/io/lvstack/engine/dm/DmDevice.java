package io.lvstack.engine.dm;

import io.lvstack.engine.graph.LogicalVolume;
import java.util.List;
import java.util.Objects;

/**
 * One device-mapper device of an LV: its name, the layer it is ({@code ""} for the LV's top
 * device {@code VG-LV}, {@code "real"} for {@code VG-LV-real}), how other tables name it
 * ({@code 253:1} when devices are numbered, else {@code /dev/mapper/NAME}) and the table the
 * kernel is given for it.
 */
public record DmDevice(String name, LogicalVolume lv, String layer, String device, List<TableLine> lines) {
    public DmDevice {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(device, "device");
        lines = List.copyOf(lines);
    }

    /** The LV's top device, named by path. */
    public DmDevice(String name, LogicalVolume lv, List<TableLine> lines) {
        this(name, lv, "", "/dev/mapper/" + name, lines);
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
