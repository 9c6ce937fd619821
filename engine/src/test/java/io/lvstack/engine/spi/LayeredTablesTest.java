package io.lvstack.engine.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lvstack.api.SegmentType;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.dm.DeviceMap;
import io.lvstack.engine.dm.DmDevice;
import io.lvstack.engine.dm.DmName;
import io.lvstack.engine.dm.DmTables;
import io.lvstack.engine.dm.TableBuilder;
import io.lvstack.engine.dm.TableOptions;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.segtype.Origin;
import io.lvstack.engine.segtype.PluginFailure;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import io.lvstack.segtype.snapshot.SnapshotSegmentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layered device-mapper devices from what segment types declare, the engine knowing none of
 * them: the snapshot and thin plugins lay out the LVs of the
 * corpus made with a real kernel (lvm2-vm), and the tables are what {@code dmsetup table} showed
 * there, device numbers included.
 */
class LayeredTablesTest {
    /** From ../shared/corpus/lvm2-vm: the metadata, {@code dmsetup table}, device numbers and PV devices of two cases. */
    static final Path VM = Path.of("src/test/resources/corpus/lvm2-vm");
    private static final Path SHARED_VM = Path.of("../../shared/corpus/lvm2-vm");
    private static final long DM_MAJOR = 253;

    static Engine engine(SegmentType... extra) {
        Engine base = Lvstack.engine();
        List<RegisteredType> types = new ArrayList<>(base.segmentTypes().active());
        // a test type replaces a plugin's type of its name (the snapshot plugin is on the class path)
        types.removeIf(r -> Stream.of(extra).anyMatch(t -> t.name().equals(r.type().name())));
        for (SegmentType t : extra) {
            types.add(new RegisteredType(t, new Origin(t.name(), "1", SpiVersion.CURRENT, "the test class path", false)));
        }
        return new Engine(new SegmentTypeRegistry(types), List.of(),
                new io.lvstack.engine.assembly.Settings(base.configLayers(), base.settings()), List.of());
    }

    /** The snapshot and thin plugins (on the engine's test class path). */
    private static final Engine LAYERED = engine();

    static VolumeGroup read(Engine engine, String name) {
        return new MetadataFormat(engine).read(VM.resolve(name + ".vg")).vg();
    }

    static List<String> lines(String name, String suffix) {
        return Corpus.readString(VM.resolve(name + suffix)).lines().toList();
    }

    /** Device name to {@code MAJOR:MINOR}, from {@code NAME.dminfo.txt} ({@code name major minor} a line). */
    static Map<String, String> dminfo(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : lines(name, ".dminfo.txt")) {
            String[] w = l.split(" ");
            out.put(w[0], w[1] + ":" + w[2]);
        }
        return out;
    }

    static TableOptions options(String name, Map<String, String> existing) {
        return new TableOptions(DeviceMap.read(VM.resolve(name + ".pvdevs.txt")),
                new TableOptions.DmNumbers(DM_MAJOR, 0, existing), true, false);
    }

    /**
     * The tables as {@code dmsetup table} lists them: devices by name, each device's lines in
     * order. The kernel prints a thin-pool table with a trailing space (its feature count is
     * followed by one), which is not part of what LVM2 loads: trailing blanks are dropped.
     */
    static List<String> dmsetup(DmTables t) {
        List<DmDevice> byName = new ArrayList<>(t.devices());
        byName.sort(Comparator.comparing(DmDevice::name));
        List<String> out = new ArrayList<>();
        for (DmDevice d : byName) {
            d.render().lines().forEach(out::add);
        }
        return out;
    }

    static List<String> corpusTable(String name) {
        return lines(name, ".dmtable.txt").stream().map(String::stripTrailing).toList();
    }

    static Map<String, String> numbers(DmTables t) {
        Map<String, String> out = new LinkedHashMap<>();
        t.devices().stream().sorted(Comparator.comparing(DmDevice::name)).forEach(d -> out.put(d.name(), d.device()));
        return out;
    }

    static List<String> names(DmTables t) {
        return t.devices().stream().map(DmDevice::name).toList();
    }

    @Test
    void theCopiedFilesAreTheSharedCorpus() throws IOException {
        assumeTrue(Files.isDirectory(SHARED_VM), "the shared corpus is beside the clone in CI and on developer machines");
        try (Stream<Path> files = Files.walk(VM)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(SHARED_VM.resolve(VM.relativize(p))), Files.readAllBytes(p), p.toString());
            }
        }
    }

    /**
     * snap: the origin on {@code -real} under {@code snapshot-origin}, each COW LV on {@code -cow}
     * under {@code snapshot}, no device for {@code snapshotN}. The origin is the one device that
     * existed before the others (it was made, and numbered 0, before its snapshots): given that,
     * the kernel's lowest-free-minor rule in load order gives every other number.
     */
    @Test
    void snapshotTablesAreThoseOfLvm2() {
        DmTables t = TableBuilder.build(read(LAYERED, "snap"), options("snap", Map.of("vgs-origin", "253:0")));
        assertEquals(List.of(), t.problems());
        assertEquals(corpusTable("snap"), dmsetup(t));
        assertEquals(dminfo("snap"), numbers(t));
    }

    /** Loaded from scratch, each device comes after the devices its table names, in metadata order. */
    @Test
    void snapshotDevicesLoadAfterTheirLayers() {
        VolumeGroup vg = read(LAYERED, "snap");
        DmTables t = TableBuilder.build(vg, new TableOptions(DeviceMap.hints(), new TableOptions.DmNumbers(DM_MAJOR, 0),
                true, false));
        assertEquals(List.of("vgs-origin-real", "vgs-origin", "vgs-snap1-cow", "vgs-snap1", "vgs-snap2-cow", "vgs-snap2",
                "vgs-other"), names(t));
        assertEquals(List.of("253:0", "253:1", "253:2", "253:3", "253:4", "253:5", "253:6"),
                t.devices().stream().map(DmDevice::device).toList());
        assertEquals(List.of("real", "", "cow", "", "cow", "", ""), t.devices().stream().map(DmDevice::layer).toList());
        assertEquals("vgs-snap1: 0 49152 snapshot /dev/mapper/vgs-origin-real /dev/mapper/vgs-snap1-cow P 8\n",
                TableBuilder.build(vg, TableOptions.defaults()).devices().get(3).render());
        // Activating a snapshot alone loads the origin's -real layer, not the origin.
        assertEquals(List.of("vgs-origin-real", "vgs-snap2-cow", "vgs-snap2"),
                names(TableBuilder.build(vg.lv("snap2"), TableOptions.defaults())));
    }

    /**
     * thin: the pool's thin-pool line on {@code -tpool} with {@code vgt-pool} linear over it, thin
     * LVs over {@code -tpool}, the external origin on {@code -real}. The LVs LVM2 had active are
     * activated; ext-real and extclone were made (minors 6 and 7) before vol2 was removed and
     * vol3 got its minor 5, so those two exist already and load order gives the others.
     */
    @Test
    void thinTablesAreThoseOfLvm2() {
        VolumeGroup vg = read(LAYERED, "thin");
        List<LogicalVolume> active = Stream.of("pool", "vol1", "extclone", "vol3").map(vg::lv).toList();
        DmTables t = TableBuilder.build(vg, active, options("thin", Map.of("vgt-ext-real", "253:6", "vgt-extclone", "253:7")));
        assertEquals(List.of(), t.problems());
        assertEquals(corpusTable("thin"), dmsetup(t));
        assertEquals(dminfo("thin"), numbers(t));
        assertEquals(List.of("vgt-pool_tmeta", "vgt-pool_tdata", "vgt-pool-tpool", "vgt-pool", "vgt-vol1", "vgt-ext-real",
                "vgt-extclone", "vgt-vol3"), names(t));
    }

    /**
     * The whole VG loads what {@code vgchange -ay} activates: not vol1snap (ACTIVATION_SKIP, as
     * LVM2 flags thin snapshots) nor the pool-metadata spare, which LVM2 never activates; ext's top
     * device, which the user deactivated (lvchange -an), metadata alone cannot tell from an active
     * LV. The devices LVM2 had are the same, line for line; asked for by name, vol1snap is built
     * too (as {@code lvchange -ay -K}).
     */
    @Test
    void theWholeThinVgIsLvm2sTablesAndTheUserDeactivatedOrigin() {
        DmTables t = TableBuilder.build(read(LAYERED, "thin"), options("thin", dminfo("thin")));
        assertEquals(List.of(), t.problems());
        assertEquals(List.of("vgt-pool_tmeta", "vgt-pool_tdata", "vgt-pool-tpool", "vgt-pool", "vgt-vol1",
                "vgt-ext-real", "vgt-ext", "vgt-extclone", "vgt-vol3"), names(t));
        assertEquals(corpusTable("thin"), dmsetup(t).stream().filter(l -> !l.startsWith("vgt-ext:")).toList());
        Map<String, String> extra = new LinkedHashMap<>(numbers(t));
        extra.keySet().retainAll(Set.of("vgt-ext"));
        assertEquals(Map.of("vgt-ext", "253:8"), extra);
        assertEquals(List.of("vgt-ext: 0 32768 linear 253:6 0"),
                dmsetup(t).stream().filter(l -> l.startsWith("vgt-ext:")).toList());
        VolumeGroup vg = read(LAYERED, "thin");
        assertEquals(List.of("vgt-pool_tmeta", "vgt-pool_tdata", "vgt-pool-tpool", "vgt-pool", "vgt-vol1", "vgt-vol1snap"),
                names(TableBuilder.build(vg.lv("vol1snap"), TableOptions.defaults())));
    }

    /** Types that declare no layout (every built-in one) leave each LV one device, its own segments. */
    @Test
    void aTypeWithoutLayoutLeavesOneDevicePerLv() {
        VolumeGroup vg = new MetadataFormat(Lvstack.engine()).read(Corpus.DIR.resolve("mirror_mirroredlog.vg")).vg();
        DmTables t = TableBuilder.build(vg, TableOptions.defaults());
        assertEquals(List.of(), t.problems());
        assertEquals(vg.lvs().size(), t.devices().size());
        for (DmDevice d : t.devices()) {
            assertEquals("", d.layer());
            assertEquals(DmName.of(vg.name(), d.lv().name()), d.name());
            assertEquals(d.lv().segments().size(), d.lines().size());
        }
        // and so do the test types for LVs they lay out no other way (a thin LV, the pool's sub-LVs)
        VolumeGroup thin = read(LAYERED, "thin");
        assertEquals(List.of("vgt-pool_tmeta", "vgt-pool_tdata", "vgt-pool-tpool", "vgt-vol1"),
                names(TableBuilder.build(thin, List.of(thin.lv("vol1")), TableOptions.defaults())));
        // one LV with every LV it uses, as before: the pool is one of them, so its top device comes too
        assertEquals(List.of("vgt-pool_tmeta", "vgt-pool_tdata", "vgt-pool-tpool", "vgt-pool", "vgt-vol1"),
                names(TableBuilder.build(thin.lv("vol1"), TableOptions.defaults())));
    }

    /** A plugin failing in deviceLayout costs the LVs it lays out their tables, and is named. */
    @Test
    void aFailingLayoutIsAPluginFailureNamingThePlugin() {
        SegmentType failing = new Delegate(new SnapshotSegmentType()) {
            @Override
            public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
                if (lv.name().equals("origin")) {
                    throw new IllegalStateException("no layout today");
                }
                return super.deviceLayout(lv, context);
            }
        };
        Engine engine = engine(failing);
        DmTables t = TableBuilder.build(read(engine, "snap"), TableOptions.defaults());
        String plugin = PluginFailure.describe(engine.segmentTypes().byName("snapshot"));
        assertTrue(plugin.contains(LayeredTablesTest.class.getName()), plugin);
        assertEquals(List.of("vgs/origin: " + plugin + " failed in deviceLayout of LV vgs/origin: "
                        + "java.lang.IllegalStateException: no layout today",
                "vgs/snap1: needs vgs/origin, whose table could not be built",
                "vgs/snap2: needs vgs/origin, whose table could not be built"), t.problems());
        assertEquals(List.of("vgs-other"), names(t));
    }

    /** A table naming a layer its LV's layout does not have costs that LV its tables, and those above it theirs. */
    @Test
    void aTableNamingAMissingLayerIsTheLvsProblem() {
        SegmentType wrongLayer = new Delegate(new SnapshotSegmentType()) {
            @Override
            public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
                Optional<DeviceLayout> l = super.deviceLayout(lv, context);
                // the origin keeps its segments on "orig", but the snapshots still name "-real"
                return lv.name().equals("origin") ? Optional.of(DeviceLayout.top(l.get().top().get())
                        .withLayer("orig", l.get().layers().get(0).table())) : l;
            }
        };
        DmTables t = TableBuilder.build(read(engine(wrongLayer), "snap"), TableOptions.defaults());
        assertEquals(List.of("vgs/origin: names vgs-origin-real, a layer the device layout of vgs/origin does not have",
                "vgs/snap1: needs vgs/origin, whose table could not be built",
                "vgs/snap2: needs vgs/origin, whose table could not be built"), t.problems());
        assertEquals(List.of("vgs-other"), names(t));
    }

    /** Two types laying one LV out differently cost it its tables, and those above it theirs. */
    @Test
    void conflictingLayoutsAreTheLvsProblem() {
        SegmentType standardPool = new Delegate(new io.lvstack.segtype.thin.ThinSegmentType(new io.lvstack.segtype.thin.ThinPoolSegmentType())) {
            @Override
            public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
                return lv.name().equals("pool") ? Optional.of(DeviceLayout.standard()) : super.deviceLayout(lv, context);
            }
        };
        VolumeGroup vg = read(engine(standardPool), "thin");
        DmTables t = TableBuilder.build(vg, List.of(vg.lv("pool"), vg.lv("vol1")), TableOptions.defaults());
        assertEquals(List.of("vgt/pool: segment types thin-pool and thin lay out its devices differently",
                "vgt/vol1: needs vgt/pool, whose table could not be built"), t.problems());
        assertEquals(List.of("vgt-pool_tmeta", "vgt-pool_tdata"), names(t));
    }

    /** A type that delegates every call, for variations of a test type. */
    private static class Delegate implements SegmentType {
        private final SegmentType real;

        Delegate(SegmentType real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public Set<io.lvstack.api.SegmentCapability> capabilities() {
            return real.capabilities();
        }

        @Override
        public List<ReferenceRole> referenceRoles() {
            return real.referenceRoles();
        }

        @Override
        public DecodedSegment decode(ConfigSection segment, long extentCount) {
            return real.decode(segment, extentCount);
        }

        @Override
        public void encode(SegmentView segment, SegmentWriter out) {
            real.encode(segment, out);
        }

        @Override
        public Optional<String> targetLine(SegmentView segment, TargetContext context) {
            return real.targetLine(segment, context);
        }

        @Override
        public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
            Optional<DeviceLayout> l = real.deviceLayout(lv, context);
            return l;
        }
    }
}
