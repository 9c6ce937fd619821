package io.lvstack.engine.disk;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.text.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one device or image holds: its PV label and the committed metadata of each of its
 * metadata areas. A damaged area costs only that area ({@link #problems}); a device without a
 * usable label is refused whole with a {@link DiskFormatException}.
 *
 * @param copies   the metadata read, one per area that holds any
 * @param problems what was wrong with the other areas (errors naming the device and area)
 */
public record PvDevice(Path path, long size, PvLabel label, List<MetadataCopy> copies, List<Problem> problems) {
    public PvDevice {
        copies = List.copyOf(copies);
        problems = List.copyOf(problems);
    }

    /** Reads {@code path} without writing to it. */
    public static PvDevice read(Path path, ParseOptions limits) {
        try (DeviceFile dev = DeviceFile.open(path)) {
            PvLabel label = PvLabel.read(dev);
            List<MetadataCopy> copies = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            int n = 0;
            for (DiskLocation area : label.metadataAreas()) {
                n++;
                try {
                    MetadataCopy copy = MetadataCopy.read(dev, MdaHeader.read(dev, area, n), n, limits);
                    if (copy != null) {
                        copies.add(copy);
                    }
                } catch (DiskFormatException e) {
                    problems.add(Problem.error(path.toString(), e.reason()));
                } catch (LvstackException e) {
                    // a text that does not parse names itself: "DEVICE (metadata area N):LINE:COL: ..."
                    problems.add(Problem.error(path + " (metadata area " + n + ")", e.getMessage()
                            .replaceFirst("^" + java.util.regex.Pattern.quote(path + " (metadata area " + n + ")") + ":?", "")
                            .strip()));
                }
            }
            return new PvDevice(path, dev.size(), label, copies, problems);
        }
    }
}
