package io.lvstack.engine.dm;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.segtype.UnknownSegmentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the device-mapper tables of a VG's LVs (LVM2's {@code dev_manager} and libdm's table
 * emitters): each LV is a device named {@code VG-LV}, each segment one line whose target and
 * arguments its segment type writes through {@link SegmentType#targetLine}. An LV whose table
 * cannot be built (a segment type without a target, a missing PV, an LV below it that failed) is
 * reported by name, and the others are still built.
 */
public final class TableBuilder {
    private final VolumeGroup vg;
    private final TableOptions options;
    private final Map<PhysicalVolume, String> pvDevices;
    private final Map<PhysicalVolume, String> pvNames = new IdentityHashMap<>();
    private final Map<LogicalVolume, String> lvDevices = new IdentityHashMap<>();

    private TableBuilder(VolumeGroup vg, TableOptions options) {
        this.vg = vg;
        this.options = options;
        this.pvDevices = options.devices().resolve(vg);
        List<PhysicalVolume> pvs = vg.pvs();
        for (int i = 0; i < pvs.size(); i++) {
            pvNames.put(pvs.get(i), "pv" + i);
        }
    }

    /** The tables of every LV of {@code vg}, in load order. */
    public static DmTables build(VolumeGroup vg, TableOptions options) {
        return new TableBuilder(vg, options).build(LoadOrder.of(vg));
    }

    /** The tables {@code lv} needs: those of the LVs below it, then its own (see {@link LoadOrder#of(LogicalVolume)}). */
    public static DmTables build(LogicalVolume lv, TableOptions options) {
        return new TableBuilder(lv.vg(), options).build(LoadOrder.of(lv));
    }

    private DmTables build(List<LogicalVolume> order) {
        number(order);
        List<DmDevice> devices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<LogicalVolume> failed = new HashSet<>();
        for (LogicalVolume lv : order) {
            try {
                for (LogicalVolume used : LoadOrder.uses(lv)) {
                    if (failed.contains(used)) {
                        throw new LvstackException("needs " + used.fullName() + ", whose table could not be built");
                    }
                }
                devices.add(new DmDevice(DmName.of(vg.name(), lv.name()), lv, lines(lv)));
            } catch (LvstackException e) {
                failed.add(lv);
                problems.add(lv.fullName() + ": " + e.getMessage());
            }
        }
        return new DmTables(devices, problems);
    }

    private List<TableLine> lines(LogicalVolume lv) {
        if (lv.segments().isEmpty()) {
            throw new LvstackException("has no segments, so no table");
        }
        long extentSize = vg.properties().extentSize();
        LvContext context = new LvContext(extentSize);
        List<TableLine> lines = new ArrayList<>(lv.segments().size());
        for (Segment s : lv.segments()) {
            checkAreas(s);
            SegmentType type = s.type();
            Optional<String> target = s.handler().targetLine(s, context);
            if (target == null || target.isEmpty()) {
                throw new LvstackException("segment " + s.number() + " is of type " + type.name()
                        + (type instanceof UnknownSegmentType ? ", which no loaded plugin provides"
                                : ", which has no device-mapper target"));
            }
            lines.add(new TableLine(s.le() * extentSize, s.len() * extentSize, target.get()));
        }
        return lines;
    }

    /** What would make a line name a device that is not there, said before the type writes it. */
    private void checkAreas(Segment s) {
        for (int i = 0; i < s.areaCount(); i++) {
            Area a = s.areaOrNull(i);
            if (a == null) {
                throw new LvstackException("segment " + s.number() + " has no area " + i);
            }
            if (a instanceof Area.OnPv on) {
                pvDevice((PhysicalVolume) on.pv());
            }
        }
    }

    private String pvDevice(PhysicalVolume pv) {
        String name = pvNames.get(pv);
        if (pv.properties().flags().contains("MISSING") || pv.properties().status().contains("MISSING")) {
            throw new LvstackException("uses " + name + ", which is MISSING; LVM2 refuses to activate a partial LV");
        }
        String mapped = pvDevices.get(pv);
        if (mapped != null) {
            return mapped;
        }
        String hint = pv.device();
        if (hint == null || hint.isEmpty()) {
            throw new LvstackException("uses " + name + " (" + pv.id() + "), which has no device hint and no device mapped");
        }
        if (hint.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            // A table line is split at spaces: such a hint would read as two words.
            throw new LvstackException("uses " + name + ", whose device hint holds a space or control character and "
                    + "cannot stand in a table; map " + name + " to its MAJOR:MINOR");
        }
        return hint;
    }

    /** Names every LV's own device: by path, or numbered in load order around fixed minors. */
    private void number(List<LogicalVolume> order) {
        TableOptions.DmNumbers numbers = options.numbers();
        if (numbers == null) {
            for (LogicalVolume lv : order) {
                lvDevices.put(lv, "/dev/mapper/" + DmName.of(vg.name(), lv.name()));
            }
            return;
        }
        Set<Long> taken = new HashSet<>();
        for (LogicalVolume lv : order) {
            Long fixed = fixedMinor(lv);
            if (fixed != null && major(lv, numbers) == numbers.major()) {
                taken.add(fixed);
            }
        }
        long next = numbers.firstMinor();
        for (LogicalVolume lv : order) {
            Long fixed = fixedMinor(lv);
            if (fixed != null) {
                lvDevices.put(lv, major(lv, numbers) + ":" + fixed);
                continue;
            }
            while (taken.contains(next)) {
                next++;
            }
            lvDevices.put(lv, numbers.major() + ":" + next++);
        }
    }

    /** LVM2 keeps {@code minor} (and {@code major}) only with FIXED_MINOR ({@code lvchange -My}). */
    private static Long fixedMinor(LogicalVolume lv) {
        return lv.has(LvStatus.FIXED_MINOR) && lv.properties().minor() != null && lv.properties().minor() >= 0
                ? lv.properties().minor() : null;
    }

    private static long major(LogicalVolume lv, TableOptions.DmNumbers numbers) {
        Long major = lv.properties().major();
        return major != null && major >= 0 ? major : numbers.major();
    }

    /** One LV's view of the tables: device names, its pvmove counter, the options' switches. */
    private final class LvContext implements TargetContext {
        private final long extentSize;
        private final Map<String, Integer> counts = new HashMap<>();

        LvContext(long extentSize) {
            this.extentSize = extentSize;
        }

        @Override
        public long extentSize() {
            return extentSize;
        }

        @Override
        public String device(Area area, long extentOffset) {
            if (area instanceof Area.OnPv on) {
                PhysicalVolume pv = (PhysicalVolume) on.pv();
                return pvDevice(pv) + " " + (pv.peStart() + (on.pe() + extentOffset) * extentSize);
            }
            Area.OnLv on = (Area.OnLv) area;
            return lvDevice(on.lv()) + " " + (on.le() + extentOffset) * extentSize;
        }

        @Override
        public String lvDevice(LvView lv) {
            String device = lvDevices.get(lv);
            if (device == null) {
                throw new LvstackException("names " + lv.name() + ", which is not loaded with it");
            }
            return device;
        }

        @Override
        public boolean monitoring() {
            return options.monitoring();
        }

        @Override
        public boolean nosync() {
            return options.nosync();
        }

        @Override
        public int countInLv(String key) {
            Integer before = counts.merge(key, 1, Integer::sum) - 1;
            return before;
        }
    }
}
