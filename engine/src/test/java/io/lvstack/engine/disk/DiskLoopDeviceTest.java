package io.lvstack.engine.disk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lvstack.engine.Lvm2Acceptance;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportFormat;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.report.Units;
import io.lvstack.engine.text.ParseOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images read through real block devices, as a user reads a disk: each attached read-only to
 * a loop device ({@code losetup -r}), then read with {@code --pv /dev/loopN}. Runs with the
 * {@code lvm2} profile only (root, loop devices), holding the lock {@code lvm2-oracle} takes, so
 * it never competes with LVM2 for the machine's few loop devices. LVM2's reports must come out,
 * the loop devices' names aside.
 */
class DiskLoopDeviceTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());
    private static final Path LOCK = Path.of("/tmp/lvm2-oracle.lock");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"multi", "missing", "wrapped"})
    void readThroughLoopDevicesTheReportsAreLvm2s(String name) throws Exception {
        assumeTrue(Lvm2Acceptance.enabled(), "needs -Plvm2 (root and loop devices)");
        List<Path> images = DiskCases.unpack(name, dir);
        List<byte[]> before = new ArrayList<>();
        for (Path p : images) {
            before.add(Files.readAllBytes(p));
        }
        Process lock = new ProcessBuilder("flock", "-x", LOCK.toString(), "sh", "-c", "echo locked; exec cat").start();
        Map<String, String> loops = new LinkedHashMap<>(); // LVM2's name for the image -> the loop device used now
        List<String> attached = new ArrayList<>();
        try {
            BufferedReader locked = new BufferedReader(new InputStreamReader(lock.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", locked.readLine());
            Map<String, String> lvm2Names = DiskCases.loopNames(name);
            List<Path> devices = new ArrayList<>();
            for (Path img : images) {
                String dev = run("losetup", "-f", "--show", "-r", img.toString()).strip();
                attached.add(dev);
                devices.add(Path.of(dev));
                loops.put(lvm2Names.get(img.getFileName().toString()), dev);
            }
            DiskVg disk = new DiskVgReader(FORMAT, ParseOptions.fileForm()).read(devices, List.of(), null);
            VolumeGroup vg = disk.vg().vg();
            String lvs = ReportFormat.json(ReportBuilder.build(vg, ReportKind.LVS, DiskVgLvm2Test.LVS_FIELDS, null, true),
                    Units.parse("s", true));
            String pvs = ReportFormat.basic(ReportBuilder.build(vg, ReportKind.PVS, null, null, false), Units.human(),
                    ReportFormat.Basic.DEFAULT);
            assertEquals(renamed(DiskCases.read(name, "lvs.json"), loops), lvs);
            assertEquals(renamed(DiskCases.read(name, "pvs.default.txt"), loops), pvs);
        } finally {
            for (String dev : attached) {
                run("losetup", "-d", dev);
            }
            lock.getOutputStream().close();
            lock.waitFor(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(before.get(i), Files.readAllBytes(images.get(i)), "nothing written through the loop device");
        }
    }

    /** LVM2's text with each of its loop names replaced by the one used now (names of one digit: widths stay). */
    private static String renamed(String text, Map<String, String> loops) {
        String out = text;
        int n = 0;
        for (String from : loops.keySet()) {
            out = out.replace(from + "(", "\u0000" + n + "(").replace(from + ":", "\u0000" + n + ":")
                    .replace(from + " ", "\u0000" + n + " ");
            n++;
        }
        n = 0;
        for (String to : loops.values()) {
            out = out.replace("\u0000" + n, to);
            n++;
        }
        return out;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
