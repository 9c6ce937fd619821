package io.lvstack.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.dm.DeviceMap;
import io.lvstack.engine.dm.DmTables;
import io.lvstack.engine.dm.TableBuilder;
import io.lvstack.engine.dm.TableOptions;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cache plugin's device-mapper devices against what the kernel had at the end of the lvm2-vm
 * cache case: {@code vgk-slow} a {@code cache} over the pool's {@code _cdata} and {@code _cmeta}
 * and {@code slow_corig} (the cache pool itself no device), {@code vgk-slow3} a {@code writecache}
 * over {@code slow3_wcorig} and the cachevol {@code fast3_cvol}; and against the tables LVM2 loads
 * from scratch (the lab case {@code cachedm}), a cachevol cache's {@code -cdata} and
 * {@code -cmeta} layers among them, in LVM2's load order.
 */
class CacheTablesTest {
    private static final Path LAB = Path.of("src/test/resources/corpus/lab");
    private static VolumeGroup cache() {
        return new MetadataFormat(Lvstack.engine()).read(LayeredTablesTest.VM.resolve("cache.vg")).vg();
    }

    /** The LVs LVM2 had active: the four LVs the user made and left visible and not pools. */
    private static List<LogicalVolume> active(VolumeGroup vg) {
        return Stream.of("slow", "slow2", "slow3", "slow4").map(vg::lv).toList();
    }

    @Test
    void cacheTablesAreThoseOfLvm2() {
        VolumeGroup vg = cache();
        DmTables t = TableBuilder.build(vg, active(vg), LayeredTablesTest.options("cache",
                LayeredTablesTest.dminfo("cache")));
        assertEquals(List.of(), t.problems());
        assertEquals(LayeredTablesTest.corpusTable("cache"), LayeredTablesTest.dmsetup(t));
        assertEquals(LayeredTablesTest.dminfo("cache"), LayeredTablesTest.numbers(t));
    }

    /**
     * LVM2 loads a cache's pool data, then its metadata, then the origin, and a writecache's
     * cachevol before its origin, each device after those it names; the kernel gives each new
     * device the lowest free minor. Given the devices that existed before each conversion (the
     * four LVs as lvcreate made them, and minors 5 to 8, which held fast2 and the layers of the
     * cachevol cache removed by --uncache), load order gives every other number LVM2 got.
     */
    @Test
    void newDevicesAreNumberedInLvm2sLoadOrder() {
        VolumeGroup vg = cache();
        Map<String, String> existing = new LinkedHashMap<>();
        existing.put("vgk-slow", "253:0");
        existing.put("vgk-slow2", "253:4");
        existing.put("vgk-fast2_cvol", "253:5");
        existing.put("vgk-fast2_cvol-cmeta", "253:6");
        existing.put("vgk-fast2_cvol-cdata", "253:7");
        existing.put("vgk-slow2_corig", "253:8");
        existing.put("vgk-slow3", "253:9");
        existing.put("vgk-slow4", "253:12");
        DmTables t = TableBuilder.build(vg, active(vg), LayeredTablesTest.options("cache", existing));
        assertEquals(List.of(), t.problems());
        assertEquals(List.of("vgk-cpool_cpool_cdata", "vgk-cpool_cpool_cmeta", "vgk-slow_corig", "vgk-slow", "vgk-slow2",
                "vgk-fast3_cvol", "vgk-slow3_wcorig", "vgk-slow3", "vgk-slow4"), LayeredTablesTest.names(t));
        assertEquals(LayeredTablesTest.dminfo("cache"), LayeredTablesTest.numbers(t));
        assertEquals(LayeredTablesTest.corpusTable("cache"), LayeredTablesTest.dmsetup(t));
    }

    /**
     * The whole VG: the unused pool cpool4 and the used pool cpool_cpool have no device (LVM2
     * activates an unused pool's metadata LV only to wipe it), the spare none either (as
     * vgchange -ay); cpool4's sub-LVs, inactive in LVM2, load as plain linear devices.
     */
    @Test
    void theWholeVgIsLvm2sTablesAndTheInactiveLvs() {
        DmTables t = TableBuilder.build(cache(), LayeredTablesTest.options("cache", LayeredTablesTest.dminfo("cache")));
        assertEquals(List.of(), t.problems());
        assertEquals(List.of("vgk-cpool_cpool_cdata", "vgk-cpool_cpool_cmeta", "vgk-slow_corig", "vgk-slow", "vgk-slow2",
                "vgk-fast3_cvol", "vgk-slow3_wcorig", "vgk-slow3", "vgk-slow4", "vgk-cpool4_cmeta", "vgk-cpool4_cdata"),
                LayeredTablesTest.names(t));
        List<String> inactive = List.of("vgk-cpool4_cmeta", "vgk-cpool4_cdata");
        assertEquals(LayeredTablesTest.corpusTable("cache"), LayeredTablesTest.dmsetup(t).stream()
                .filter(l -> !inactive.contains(l.substring(0, l.indexOf(':')))).toList());
    }

    private static VolumeGroup lab(String file) {
        return new MetadataFormat(Lvstack.engine()).read(LAB.resolve(file)).vg();
    }

    /** {@code NAME.dminfo.txt} of the lab case: device name to {@code MAJOR:MINOR}. */
    private static Map<String, String> labNumbers(String name) {
        Map<String, String> out = new TreeMap<>();
        for (String l : Corpus.readString(LAB.resolve("cachedm." + name + ".dminfo.txt")).lines().toList()) {
            String[] w = l.split(" ");
            out.put(w[0], w[1] + ":" + w[2]);
        }
        return out;
    }

    /** {@code dmsetup table} of the lab case by device name (the file is sorted by line, not by name). */
    private static Map<String, String> labTables(String name) {
        Map<String, String> out = new TreeMap<>();
        for (String l : Corpus.readString(LAB.resolve("cachedm." + name + ".dmtable.txt")).lines().toList()) {
            out.put(l.substring(0, l.indexOf(':')), l);
        }
        return out;
    }

    /** The tables of {@code lvs} loaded from scratch, numbered from 253:0, by device name. */
    private static DmTables fromScratch(VolumeGroup vg, String... lvs) {
        return TableBuilder.build(vg, Stream.of(lvs).map(vg::lv).toList(), new TableOptions(
                DeviceMap.read(LAB.resolve("cachedm.pvdevs.txt")), new TableOptions.DmNumbers(253, 0), true, false));
    }

    private static Map<String, String> byName(DmTables t) {
        Map<String, String> out = new TreeMap<>();
        for (String l : LayeredTablesTest.dmsetup(t)) {
            out.put(l.substring(0, l.indexOf(':')), l);
        }
        return out;
    }

    /**
     * The cachevol cache alone: the cachevol first, then its {@code -cdata} (linear after the
     * metadata) and {@code -cmeta} layers, the origin, the cache, which LVM2 2.03.16 loads with
     * the mq policy (it reads the policy from the cachevol's own segment, which has none).
     */
    @Test
    void aCachevolCacheLoadsItsLayersAsLvm2() {
        DmTables t = fromScratch(lab("cachedm.step6.vg"), "slow2");
        assertEquals(List.of(), t.problems());
        assertEquals(List.of("vgk-fast2_cvol", "vgk-fast2_cvol-cdata", "vgk-fast2_cvol-cmeta", "vgk-slow2_corig",
                "vgk-slow2"), LayeredTablesTest.names(t));
        assertEquals(labNumbers("step6.slow2"), new TreeMap<>(LayeredTablesTest.numbers(t)));
        assertEquals(labTables("step6.slow2"), byName(t));
    }

    /** vgchange -ay: the LVs in metadata order, each after the devices it names; no device for either pool. */
    @Test
    void theWholeVgLoadsAsLvm2() {
        DmTables t = fromScratch(lab("cachedm.step14.vg"), "slow", "slow2", "slow3", "slow4");
        assertEquals(List.of(), t.problems());
        assertEquals(List.of("vgk-cpool_cpool_cdata", "vgk-cpool_cpool_cmeta", "vgk-slow_corig", "vgk-slow", "vgk-slow2",
                "vgk-fast3_cvol", "vgk-slow3_wcorig", "vgk-slow3", "vgk-slow4"), LayeredTablesTest.names(t));
        assertEquals(labNumbers("all"), new TreeMap<>(LayeredTablesTest.numbers(t)));
        assertEquals(labTables("all"), byName(t));
    }

    /** The writecache alone: its cachevol, then its origin. */
    @Test
    void aWritecacheLoadsItsCachevolFirst() {
        DmTables t = fromScratch(lab("cachedm.step14.vg"), "slow3");
        assertEquals(List.of(), t.problems());
        assertEquals(List.of("vgk-fast3_cvol", "vgk-slow3_wcorig", "vgk-slow3"), LayeredTablesTest.names(t));
        assertEquals(labNumbers("slow3"), new TreeMap<>(LayeredTablesTest.numbers(t)));
        assertEquals(labTables("slow3"), byName(t));
    }
}
