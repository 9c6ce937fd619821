package io.lvstack.engine.dm;

import io.lvstack.engine.graph.LogicalVolume;
import java.util.List;

/** The device-mapper device of one LV: its name and the table the kernel is given for it. */
public record DmDevice(String name, LogicalVolume lv, List<TableLine> lines) {
    public DmDevice {
        lines = List.copyOf(lines);
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
