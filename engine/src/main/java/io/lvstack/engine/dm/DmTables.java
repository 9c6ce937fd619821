package io.lvstack.engine.dm;

import java.util.List;

/**
 * The tables of a set of LVs in the order they are loaded (every LV after the LVs it uses), and,
 * for each LV whose table cannot be built, why.
 *
 * @param devices  the tables built, in load order
 * @param problems one message an LV whose table could not be built, naming the LV
 */
public record DmTables(List<DmDevice> devices, List<String> problems) {
    public DmTables {
        devices = List.copyOf(devices);
        problems = List.copyOf(problems);
    }

    /** Every device's table, as {@code dmsetup table} prints them. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (DmDevice d : devices) {
            out.append(d.render());
        }
        return out.toString();
    }
}
