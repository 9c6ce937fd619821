package io.lvstack.engine.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading PV device numbers from arguments and files, and every way such input can be wrong. */
class DeviceMapTest {
    private static final VolumeGroup VG = new MetadataFormat(Lvstack.engine())
            .read(Corpus.DIR.resolve("striped.vg")).vg();

    @TempDir
    Path dir;

    private static Map<String, String> byDevice(DeviceMap map) {
        return map.resolve(VG).entrySet().stream().collect(Collectors.toMap(e -> e.getKey().device(), Map.Entry::getValue));
    }

    private Path file(String text) throws Exception {
        Path f = dir.resolve("devs");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aFileInLsblksFormWithCommentsAndOtherDisks() throws Exception {
        Path f = file("""
                # lsblk -rno PATH,MAJ:MIN
                /dev/sda 8:0
                /dev/loop4 7:4   # pv0

                pv1=7:5
                """);
        assertEquals(Map.of("/dev/loop4", "7:4", "/dev/loop5", "7:5"), byDevice(DeviceMap.read(f)));
    }

    @Test
    void argumentsWinOverTheFile() throws Exception {
        DeviceMap map = DeviceMap.read(file("pv0 7:4\npv2 8:0\n"))
                .overriddenBy(DeviceMap.ofArguments("--device", List.of("pv2=253:010")));
        assertEquals(Map.of("/dev/loop4", "7:4", "/dev/loop6", "253:10"), byDevice(map));
    }

    @Test
    void badLinesNameTheFileAndLine() throws Exception {
        Path f = file("pv0 7:4\n\npv1\n");
        assertEquals(f + ":3: expected 'PV MAJOR:MINOR' (PV: pvN, a PV UUID or a device path), found 'pv1'",
                assertThrows(LvstackException.class, () -> DeviceMap.read(f)).getMessage());
        Path g = file("pv0 7-4\n");
        assertEquals(g + ":1: '7-4' is not MAJOR:MINOR (two decimal numbers, as 8:16)",
                assertThrows(LvstackException.class, () -> DeviceMap.read(g)).getMessage());
        Path h = file("pv0 7:4 extra\n");
        assertEquals(h + ":1: expected 'PV MAJOR:MINOR' (PV: pvN, a PV UUID or a device path), found 'pv0 7:4 extra'",
                assertThrows(LvstackException.class, () -> DeviceMap.read(h)).getMessage());
    }

    @Test
    void numbersOutsideLinuxsRangeAreRefused() {
        assertEquals("--device pv0=4096:0: '4096:0' is out of range (major 0-4095, minor 0-1048575)",
                assertThrows(LvstackException.class, () -> DeviceMap.ofArguments("--device", List.of("pv0=4096:0")))
                        .getMessage());
        assertEquals("--device pv0=1:1048576: '1:1048576' is out of range (major 0-4095, minor 0-1048575)",
                assertThrows(LvstackException.class, () -> DeviceMap.ofArguments("--device", List.of("pv0=1:1048576")))
                        .getMessage());
        assertEquals("--device pv0: expected PV=MAJOR:MINOR (PV: pvN, a PV UUID or a device path)",
                assertThrows(LvstackException.class, () -> DeviceMap.ofArguments("--device", List.of("pv0")))
                        .getMessage());
    }

    @Test
    void aPvTheVgDoesNotHaveAndTwoDevicesForOnePvAreErrors() {
        DeviceMap unknown = DeviceMap.ofArguments("--device", List.of("pv9=8:0"));
        assertEquals("--device pv9=8:0: VG vg3 has no PV pv9 (PVs are named pv0..pv3 as in the metadata, by UUID or by "
                + "device path)", assertThrows(LvstackException.class, () -> unknown.resolve(VG)).getMessage());
        DeviceMap twice = DeviceMap.ofArguments("--device", List.of("pv0=8:0", "/dev/loop4=8:16"));
        assertEquals("--device /dev/loop4=8:16: /dev/loop4 is already mapped to 8:0 by --device pv0=8:0",
                assertThrows(LvstackException.class, () -> twice.resolve(VG)).getMessage());
        PhysicalVolume pv0 = VG.pvs().get(0);
        DeviceMap same = DeviceMap.ofArguments("--device", List.of("pv0=8:0", pv0.id() + "=8:0"));
        assertEquals(Map.of(pv0, "8:0"), same.resolve(VG));
    }

    @Test
    void whatIsNoDevicesFileIsSaidSo() throws Exception {
        assertEquals(dir + ": is a directory, not a devices file",
                assertThrows(LvstackException.class, () -> DeviceMap.read(dir)).getMessage());
        Path missing = dir.resolve("nope");
        assertEquals(missing + ": cannot read: No such file or directory",
                assertThrows(LvstackException.class, () -> DeviceMap.read(missing)).getMessage());
        Path binary = dir.resolve("bin");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertEquals(binary + ": is not UTF-8 text, not a devices file",
                assertThrows(LvstackException.class, () -> DeviceMap.read(binary)).getMessage());
        Path big = dir.resolve("big");
        Files.write(big, new byte[(1 << 20) + 1]);
        assertEquals(big + ": 1048577 bytes is too large for a devices file (at most 1048576)",
                assertThrows(LvstackException.class, () -> DeviceMap.read(big)).getMessage());
    }
}
