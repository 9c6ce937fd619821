package io.lvstack.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.dm.DeviceMap;
import io.lvstack.engine.dm.DmTables;
import io.lvstack.engine.dm.TableBuilder;
import io.lvstack.engine.dm.TableOptions;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The raid and mirror plugins' device-mapper tables against what the kernel had at the end of the
 * lvm2-vm raid, raidconv, mirror and move cases ({@code dmsetup table}), every device of the whole
 * VG, with the device numbers the kernel gave: the {@code raid} lines of every level with their metadata and image
 * pairs (raid0 with {@code -} for none), the images and metadata LVs as linear devices, and
 * raid1 images with an integrity layer over {@code _iorig} and {@code _imeta}.
 *
 * <p>An integrity line is compared with what LVM2 loads (libdm's
 * {@code _integrity_emit_segment_line}); the kernel lists the same target in its own way, with
 * its defaults for every unset option and without {@code fix_padding}, so the kernel's line is
 * checked for the parts both share: the origin, the tag size, the mode and the metadata device.
 */
class VmTablesTest {
    private static final Path VM = Path.of("../../shared/corpus/lvm2-vm");
    private static final Pattern KERNEL_INTEGRITY = Pattern.compile(
            "^(\\S+): 0 (\\d+) integrity (\\S+) 0 (\\d+) (\\S) \\d+ meta_device:(\\S+) .*internal_hash:(\\S+)$");

    private static Map<String, String> dminfo(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : Corpus.readString(VM.resolve(name + ".dminfo.txt")).lines().toList()) {
            String[] w = l.split(" ");
            out.put(w[0], w[1] + ":" + w[2]);
        }
        return out;
    }

    /** The kernel's line, with an integrity target put back as LVM2 loaded it (block size 512, as created). */
    private static String asLoaded(String kernel) {
        Matcher m = KERNEL_INTEGRITY.matcher(kernel);
        if (!m.matches()) {
            return kernel;
        }
        return m.group(1) + ": 0 " + m.group(2) + " integrity " + m.group(3) + " 0 " + m.group(4) + " " + m.group(5)
                + " 4 fix_padding block_size:512 internal_hash:" + m.group(7) + " meta_device:" + m.group(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"raid", "raidconv", "mirror", "move"})
    void everyDeviceOfTheVgIsTheKernels(String name) {
        VolumeGroup vg = new MetadataFormat(Lvstack.engine()).read(VM.resolve(name + ".vg")).vg();
        DmTables t = TableBuilder.build(vg, options(name, false));
        assertEquals(List.of(), t.problems());
        List<String> ours = new ArrayList<>(LayeredTablesTest.dmsetup(t));
        if (name.equals("mirror")) {
            // LVM2 loaded vgm-lin in sync when --mirrorlog core dropped the log of a synced mirror
            // (init_mirror_in_sync): the kernel's table says nosync, which metadata does not record
            List<String> nosync = LayeredTablesTest.dmsetup(TableBuilder.build(vg, options(name, true)));
            ours.replaceAll(l -> l.startsWith("vgm-lin: ") ? nosync.stream().filter(n -> n.startsWith("vgm-lin: "))
                    .findFirst().orElseThrow() : l);
        }
        List<String> kernel = new ArrayList<>();
        for (String l : Corpus.readString(VM.resolve(name + ".dmtable.txt")).lines().toList()) {
            kernel.add(asLoaded(l.stripTrailing()));
        }
        assertEquals(kernel, ours);
        assertEquals(dminfo(name), LayeredTablesTest.numbers(t));
    }

    /** The lab cases' kernel tables at their end (their last step's metadata), made the same way. */
    @ParameterizedTest
    @ValueSource(strings = {"raidops", "raidtakeover", "mirrorops", "multiseg"})
    void everyDeviceOfTheLabVgIsTheKernels(String name) throws java.io.IOException {
        Path lab = Path.of("src/test/resources/corpus/lab-vm");
        long steps = java.nio.file.Files.readAllLines(lab.resolve(name + ".steps")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        VolumeGroup vg = new MetadataFormat(Lvstack.engine()).read(lab.resolve(name + ".step" + steps + ".vg")).vg();
        Map<String, String> numbers = new LinkedHashMap<>();
        for (String l : Corpus.readString(lab.resolve(name + ".dminfo.txt")).lines().toList()) {
            String[] w = l.split(" ");
            numbers.put(w[0], w[1] + ":" + w[2]);
        }
        DmTables t = TableBuilder.build(vg, new TableOptions(DeviceMap.read(lab.resolve(name + ".pvdevs.txt")),
                new TableOptions.DmNumbers(253, 0, numbers), true, false));
        assertEquals(List.of(), t.problems());
        List<String> kernel = new ArrayList<>();
        for (String l : Corpus.readString(lab.resolve(name + ".dmtable.txt")).lines().toList()) {
            String line = asLoaded(l.stripTrailing());
            // the kernel still shows raid6_zr for the LV LVM2 reshapes to raid6_n_6 (its metadata's
            // type, which LVM2 loaded); the one line where the table is not the metadata's
            kernel.add(name.equals("raidtakeover") && line.startsWith("vgo-s6: ")
                    ? line.replace(" raid raid6_zr ", " raid raid6_n_6 ") : line);
        }
        assertEquals(kernel, LayeredTablesTest.dmsetup(t));
    }

    private static TableOptions options(String name, boolean nosync) {
        return new TableOptions(DeviceMap.read(VM.resolve(name + ".pvdevs.txt")),
                new TableOptions.DmNumbers(253, 0, dminfo(name)), true, nosync);
    }
}
