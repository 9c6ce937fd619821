package io.lvstack.engine.dm;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.DeviceTable;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PoolMetadataSpare;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.Stack;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.segtype.GuardedSegmentType;
import io.lvstack.engine.segtype.UnknownSegmentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the device-mapper tables of a VG's LVs (LVM2's {@code dev_manager} and libdm's table
 * emitters). By default each LV is a device named {@code VG-LV}, each segment one line whose
 * target and arguments its segment type writes through {@link SegmentType#targetLine}. A segment
 * type may lay an LV out otherwise ({@link SegmentType#deviceLayout}): layers below the top device
 * ({@code VG-LV-real}), a top device whose table the type writes, or no device at all. Every
 * device is loaded after the devices its table names; an LV whose tables cannot be built (a
 * segment type without a target, a missing PV, a device below it that failed) is reported by
 * name, and the others are still built.
 *
 * <p>Tables are written twice when devices are numbered: first naming devices by path, which
 * shows what each table names and so the load order, then with the numbers that order gives.
 */
public final class TableBuilder {
    private static final String PATH = "/dev/mapper/";

    private final VolumeGroup vg;
    private final TableOptions options;
    private final Map<PhysicalVolume, String> pvDevices;
    private final Map<PhysicalVolume, String> pvNames = new IdentityHashMap<>();
    /** Every LV met, requested ones first, then those the tables name. */
    private final Map<LogicalVolume, Plan> plans = new IdentityHashMap<>();
    private final List<Plan> planOrder = new ArrayList<>();
    /** What each loaded device is called in tables, by device name; null while tables are first written. */
    private Map<String, String> numbers;

    private TableBuilder(VolumeGroup vg, TableOptions options) {
        this.vg = vg;
        this.options = options;
        this.pvDevices = options.devices().resolve(vg);
        List<PhysicalVolume> pvs = vg.pvs();
        for (int i = 0; i < pvs.size(); i++) {
            pvNames.put(pvs.get(i), "pv" + i);
        }
    }

    /**
     * The tables of every LV of {@code vg} that {@code vgchange -ay} activates, in load order: not
     * those flagged to be skipped at activation ({@code ACTIVATION_SKIP}, as LVM2 makes thin
     * snapshots) nor the pool-metadata spare, which LVM2 never activates.
     */
    public static DmTables build(VolumeGroup vg, TableOptions options) {
        return new TableBuilder(vg, options).build(activated(vg));
    }

    /** The LVs of {@code vg} that {@code vgchange -ay} activates, in metadata order. */
    public static List<LogicalVolume> activated(VolumeGroup vg) {
        List<LogicalVolume> activated = new ArrayList<>();
        for (LogicalVolume lv : vg.lvs()) {
            if (!lv.has(LvStatus.ACTIVATION_SKIP) && !PoolMetadataSpare.is(lv)) {
                activated.add(lv);
            }
        }
        return activated;
    }

    /** The tables {@code lv} needs: those of the LVs below it, then its own (see {@link LoadOrder#of(LogicalVolume)}). */
    public static DmTables build(LogicalVolume lv, TableOptions options) {
        return new TableBuilder(lv.vg(), options).build(LoadOrder.of(lv));
    }

    /**
     * The tables that activating {@code lvs} of {@code vg} loads: every device of those LVs, and
     * of other LVs the devices their tables name (an external origin's {@code -real} layer, say,
     * without the origin's own top device), in load order.
     */
    public static DmTables build(VolumeGroup vg, List<LogicalVolume> lvs, TableOptions options) {
        for (LogicalVolume lv : lvs) {
            if (lv.vg() != vg) {
                throw new IllegalArgumentException(lv.fullName() + " is not an LV of " + vg.name());
            }
        }
        return new TableBuilder(vg, options).build(lvs);
    }

    private DmTables build(List<LogicalVolume> requested) {
        for (LogicalVolume lv : requested) {
            plan(lv, true);
        }
        for (int i = 0; i < planOrder.size(); i++) {
            Plan p = planOrder.get(i);
            for (Node n : p.nodes) {
                for (Key k : n.named) {
                    plan(k.lv(), false);
                }
            }
            if (p.error != null) {
                // What a failed LV uses is still built, so that only the failure is missing.
                for (LogicalVolume used : LoadOrder.uses(p.lv)) {
                    plan(used, false);
                }
            }
        }
        resolve();
        List<Node> order = order();
        Map<Plan, Boolean> failed = new IdentityHashMap<>();
        List<String> problems = new ArrayList<>();
        decide(order, failed, problems);
        List<Node> loaded = new ArrayList<>();
        for (Node n : order) {
            if (!failed.containsKey(n.plan)) {
                loaded.add(n);
            }
        }
        if (options.numbers() != null) {
            number(loaded);
            rewrite(loaded, failed, problems);
            decide(order, failed, problems);
        }
        List<DmDevice> devices = new ArrayList<>();
        for (Node n : loaded) {
            if (!failed.containsKey(n.plan)) {
                devices.add(new DmDevice(n.name, n.plan.lv, n.layer,
                        numbers == null ? PATH + n.name : numbers.get(n.name), n.lines));
            }
        }
        return new DmTables(devices, problems);
    }

    /** Lays {@code lv} out and writes its tables naming devices by path, once. */
    private void plan(LogicalVolume lv, boolean requested) {
        if (plans.containsKey(lv)) {
            return;
        }
        Plan p = new Plan(lv, requested);
        plans.put(lv, p);
        planOrder.add(p);
        LvContext context = new LvContext();
        try {
            DeviceLayout layout = layout(lv, context);
            if (layout.isNone()) {
                p.none = true;
                return;
            }
            p.nodes.addAll(nodes(p, layout, context));
            for (Node n : p.nodes) {
                n.named.addAll(named(n.lines, context.named));
            }
        } catch (LvstackException e) {
            p.fail(e.getMessage());
        }
    }

    /** The layout the types around {@code lv} declare, or the standard one; two different ones are an error. */
    private DeviceLayout layout(LogicalVolume lv, LvContext context) {
        DeviceLayout chosen = null;
        GuardedSegmentType by = null;
        for (GuardedSegmentType type : Stack.typesAround(lv)) {
            Optional<DeviceLayout> l = type.deviceLayout(lv, context);
            if (l == null || l.isEmpty()) {
                continue;
            }
            if (chosen != null && !chosen.equals(l.get())) {
                throw new LvstackException("segment types " + by.name() + " and " + type.name()
                        + " lay out its devices differently");
            }
            chosen = l.get();
            by = type;
        }
        return chosen == null ? DeviceLayout.standard() : chosen;
    }

    /** The devices of {@code layout}, top first, each with its lines. */
    private List<Node> nodes(Plan p, DeviceLayout layout, LvContext context) {
        List<Node> out = new ArrayList<>();
        out.add(new Node(p, "", lines(p.lv, layout.top().orElseThrow(), context, "")));
        for (DeviceLayout.Layer layer : layout.layers()) {
            out.add(new Node(p, layer.name(), lines(p.lv, layer.table(), context, layer.name())));
        }
        return out;
    }

    private List<TableLine> lines(LogicalVolume lv, DeviceTable table, LvContext context, String layer) {
        if (table instanceof DeviceTable.Lines written) {
            List<TableLine> out = new ArrayList<>(written.lines().size());
            long next = 0;
            for (DeviceTable.Line l : written.lines()) {
                if (l.start() != next) {
                    throw new LvstackException("the lines its device layout gives " + DmName.of(vg.name(), lv.name(), layer)
                            + " do not follow each other from sector 0");
                }
                next += l.length();
                out.add(new TableLine(l.start(), l.length(), l.target()));
            }
            return out;
        }
        return segmentLines(lv, context);
    }

    private List<TableLine> segmentLines(LogicalVolume lv, LvContext context) {
        if (lv.segments().isEmpty()) {
            throw new LvstackException("has no segments, so no table");
        }
        long extentSize = vg.properties().extentSize();
        List<TableLine> lines = new ArrayList<>(lv.segments().size());
        long start = 0;
        for (Segment s : lv.segments()) {
            checkAreas(s);
            SegmentType type = s.type();
            Optional<String> target = s.handler().targetLine(s, context);
            if (target == null || target.isEmpty()) {
                throw new LvstackException("segment " + s.number() + " is of type " + type.name()
                        + (type instanceof UnknownSegmentType ? ", which no loaded plugin provides"
                                : ", which has no device-mapper target"));
            }
            long extents = s.handler().tableExtents(s);
            if (extents <= 0 || extents > s.len()) {
                throw new LvstackException("segment " + s.number() + " of type " + type.name() + " would map "
                        + extents + " of its " + s.len() + " extents");
            }
            lines.add(new TableLine(start * extentSize, extents * extentSize, target.get()));
            start += extents;
        }
        return lines;
    }

    /**
     * The devices named in {@code lines}: the words the context gave for devices, in the order
     * the type asked for them, which is the order they load in (LVM2 loads a cache pool's data
     * LV before its metadata LV, although the cache line names the metadata first).
     */
    private static List<Key> named(List<TableLine> lines, Map<String, Key> given) {
        Set<String> words = new HashSet<>();
        for (TableLine line : lines) {
            words.addAll(List.of(line.target().split(" ")));
        }
        List<Key> out = new ArrayList<>();
        for (Map.Entry<String, Key> e : given.entrySet()) {
            if (words.contains(e.getKey()) && !out.contains(e.getValue())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /**
     * Checks what the tables name against the layouts, then links each device to the devices it
     * names; an LV that failed stands as one device linked to the LVs it uses.
     */
    private void resolve() {
        for (Plan p : planOrder) {
            if (p.error != null || p.none) {
                continue;
            }
            check:
            for (Node n : p.nodes) {
                for (Key k : n.named) {
                    Plan q = plans.get(k.lv());
                    if (q.none) {
                        p.fail("names " + k.lv().fullName() + ", which has no device-mapper device");
                        break check;
                    }
                    if (q.error == null && q.node(k.layer()) == null) {
                        p.fail("names " + DmName.of(vg.name(), k.lv().name(), k.layer()) + ", a layer the device layout of "
                                + k.lv().fullName() + " does not have");
                        break check;
                    }
                }
            }
        }
        for (Plan p : planOrder) {
            if (p.none) {
                continue;
            }
            for (Node n : p.nodes) {
                List<Node> edges = new ArrayList<>();
                if (p.error != null) {
                    for (LogicalVolume used : LoadOrder.uses(p.lv)) {
                        Plan q = plans.get(used);
                        if (q != null && !q.nodes.isEmpty() && !edges.contains(q.nodes.get(0))) {
                            edges.add(q.nodes.get(0));
                        }
                    }
                } else {
                    for (Key k : n.named) {
                        Plan q = plans.get(k.lv());
                        Node m = q.error != null ? q.nodes.get(0) : q.node(k.layer());
                        if (m != n && !edges.contains(m)) {
                            edges.add(m);
                        }
                    }
                }
                n.edges = edges;
            }
        }
    }

    /**
     * The devices loaded, each after those it names: from each requested LV whose top device no
     * table names (in the order requested), its devices and, first, what they name; then the
     * other devices of requested LVs. Of the LVs not requested only named devices are loaded.
     */
    private List<Node> order() {
        Set<Node> referenced = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Plan p : planOrder) {
            for (Node n : p.nodes) {
                referenced.addAll(n.edges);
            }
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> out = new ArrayList<>();
        for (Plan p : planOrder) {
            if (p.requested && !p.nodes.isEmpty() && !referenced.contains(p.nodes.get(0))) {
                for (Node n : p.nodes) {
                    LoadOrder.depthFirst(n, x -> x.edges, seen, out);
                }
            }
        }
        for (Plan p : planOrder) {
            if (p.requested) {
                for (Node n : p.nodes) {
                    LoadOrder.depthFirst(n, x -> x.edges, seen, out);
                }
            }
        }
        return out;
    }

    /**
     * Which LVs cannot be loaded, in load order: an LV needing a failed one (by what it uses or
     * what its tables name) fails for that reason, else for its own; repeated until nothing changes.
     */
    private void decide(List<Node> order, Map<Plan, Boolean> failed, List<String> problems) {
        for (Node n : order) {
            if (failed.containsKey(n.plan)) {
                continue;
            }
            String why = needs(n, failed);
            if (why == null) {
                why = n.plan.error;
            }
            if (why != null) {
                failed.put(n.plan, true);
                problems.add(n.plan.lv.fullName() + ": " + why);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node n : order) {
                if (!failed.containsKey(n.plan)) {
                    String why = needs(n, failed);
                    if (why != null) {
                        failed.put(n.plan, true);
                        problems.add(n.plan.lv.fullName() + ": " + why);
                        changed = true;
                    }
                }
            }
        }
    }

    private String needs(Node n, Map<Plan, Boolean> failed) {
        for (LogicalVolume used : LoadOrder.uses(n.plan.lv)) {
            Plan q = plans.get(used);
            if (q != null && q != n.plan && failed.containsKey(q)) {
                return "needs " + used.fullName() + ", whose table could not be built";
            }
        }
        for (Node m : n.edges) {
            if (m.plan != n.plan && failed.containsKey(m.plan)) {
                return "needs " + m.plan.lv.fullName() + ", whose table could not be built";
            }
        }
        return null;
    }

    /** Numbers the loaded devices: existing ones keep theirs, a top device its fixed minor, the others the lowest free. */
    private void number(List<Node> loaded) {
        TableOptions.DmNumbers dm = options.numbers();
        numbers = new HashMap<>();
        Set<Long> taken = new HashSet<>();
        for (String existing : dm.existing().values()) {
            String[] mm = existing.split(":");
            if (Long.parseLong(mm[0]) == dm.major()) {
                taken.add(Long.parseLong(mm[1]));
            }
        }
        for (Node n : loaded) {
            Long fixed = n.layer.isEmpty() ? fixedMinor(n.plan.lv) : null;
            if (fixed != null && major(n.plan.lv, dm) == dm.major() && !dm.existing().containsKey(n.name)) {
                taken.add(fixed);
            }
        }
        long next = dm.firstMinor();
        for (Node n : loaded) {
            String existing = dm.existing().get(n.name);
            Long fixed = n.layer.isEmpty() ? fixedMinor(n.plan.lv) : null;
            if (existing != null) {
                numbers.put(n.name, existing);
            } else if (fixed != null) {
                numbers.put(n.name, major(n.plan.lv, dm) + ":" + fixed);
            } else {
                while (taken.contains(next)) {
                    next++;
                }
                numbers.put(n.name, dm.major() + ":" + next++);
            }
        }
    }

    /** Writes the loaded LVs' tables again, naming devices by number. */
    private void rewrite(List<Node> loaded, Map<Plan, Boolean> failed, List<String> problems) {
        Set<Plan> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node first : loaded) {
            Plan p = first.plan;
            if (!done.add(p) || failed.containsKey(p)) {
                continue;
            }
            try {
                LvContext context = new LvContext();
                DeviceLayout layout = layout(p.lv, context);
                List<Node> again = layout.isNone() ? List.of() : nodes(p, layout, context);
                if (!again.stream().map(n -> n.name).toList().equals(p.nodes.stream().map(n -> n.name).toList())) {
                    throw new LvstackException("its device layout changed between two calls");
                }
                for (int i = 0; i < again.size(); i++) {
                    p.nodes.get(i).lines = again.get(i).lines;
                }
            } catch (LvstackException e) {
                failed.put(p, true);
                problems.add(p.lv.fullName() + ": " + e.getMessage());
            }
        }
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

    /** LVM2 keeps {@code minor} (and {@code major}) only with FIXED_MINOR ({@code lvchange -My}). */
    private static Long fixedMinor(LogicalVolume lv) {
        return lv.has(LvStatus.FIXED_MINOR) && lv.properties().minor() != null && lv.properties().minor() >= 0
                ? lv.properties().minor() : null;
    }

    private static long major(LogicalVolume lv, TableOptions.DmNumbers numbers) {
        Long major = lv.properties().major();
        return major != null && major >= 0 ? major : numbers.major();
    }

    /** A device of an LV: {@code layer} empty for the top device. */
    private record Key(LogicalVolume lv, String layer) {
    }

    /** One LV: its devices with their tables, or why it has none. */
    private final class Plan {
        final LogicalVolume lv;
        final boolean requested;
        final List<Node> nodes = new ArrayList<>(1);
        boolean none;
        String error;

        Plan(LogicalVolume lv, boolean requested) {
            this.lv = lv;
            this.requested = requested;
        }

        Node node(String layer) {
            for (Node n : nodes) {
                if (n.layer.equals(layer)) {
                    return n;
                }
            }
            return null;
        }

        /** The LV cannot be loaded: it stands as its top device, without a table, in the order. */
        void fail(String why) {
            error = why;
            none = false;
            nodes.clear();
            nodes.add(new Node(this, "", List.of()));
        }
    }

    /** One device of an LV. */
    private final class Node {
        final Plan plan;
        final String layer;
        final String name;
        List<TableLine> lines;
        final List<Key> named = new ArrayList<>();
        List<Node> edges = List.of();

        Node(Plan plan, String layer, List<TableLine> lines) {
            this.plan = plan;
            this.layer = layer;
            this.name = DmName.of(vg.name(), plan.lv.name(), layer);
            this.lines = lines;
        }
    }

    /**
     * One LV's view of the tables: device names, its pvmove counter, the options' switches. While
     * tables are first written it names devices by path and remembers which device each name is.
     */
    private final class LvContext implements TargetContext {
        private final Map<String, Integer> counts = new HashMap<>();
        final Map<String, Key> named = new LinkedHashMap<>();

        @Override
        public long extentSize() {
            return vg.properties().extentSize();
        }

        @Override
        public String device(Area area, long extentOffset) {
            long extentSize = extentSize();
            if (area instanceof Area.OnPv on) {
                PhysicalVolume pv = (PhysicalVolume) on.pv();
                return pvDevice(pv) + " " + (pv.peStart() + (on.pe() + extentOffset) * extentSize);
            }
            Area.OnLv on = (Area.OnLv) area;
            return lvDevice(on.lv()) + " " + (on.le() + extentOffset) * extentSize;
        }

        @Override
        public String lvDevice(LvView lv) {
            return name(lv, "");
        }

        @Override
        public String layerDevice(LvView lv, String layer) {
            if (layer == null || layer.isEmpty()) {
                throw new LvstackException("names a layer of " + lv.name() + " without a name");
            }
            return name(lv, layer);
        }

        private String name(LvView view, String layer) {
            if (!(view instanceof LogicalVolume lv) || lv.vg() != vg) {
                throw new LvstackException("names " + view.name() + ", which is not an LV of " + vg.name());
            }
            String dm = DmName.of(vg.name(), lv.name(), layer);
            if (numbers == null) {
                named.put(PATH + dm, new Key(lv, layer));
                return PATH + dm;
            }
            String number = numbers.get(dm);
            if (number != null) {
                return number;
            }
            Plan p = plans.get(lv);
            if (p != null && p.node(layer) != null) {
                // A device not loaded, named by a device not loaded either (an inactive top over its layer).
                return PATH + dm;
            }
            throw new LvstackException("names " + dm + ", which is not loaded with it");
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
