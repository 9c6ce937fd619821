package io.lvstack.engine.disk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The PV images real LVM2 wrote ({@code tools/make-pv-images.sh}), unpacked for a test. */
final class DiskCases {
    static final Path DIR = Path.of("src/test/resources/io/lvstack/engine/disk");

    private DiskCases() {
    }

    static List<String> names() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case's images unpacked into {@code into}, by name ({@code pv0.img}), in pvN order. */
    static List<Path> unpack(String name, Path into) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String img : loopNames(name).keySet()) {
            Path target = into.resolve(img);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(DIR.resolve(name).resolve(img + ".gz")))) {
                Files.copy(in, target);
            }
            out.add(target);
        }
        return out;
    }

    /** {@code pv0.img -> /dev/loop0}: the device each image was when LVM2 reported it. */
    static Map<String, String> loopNames(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : read(name, "devices.txt").split("\n")) {
            if (!line.isBlank()) {
                String[] w = line.split(" ");
                out.put(w[0], w[1]);
            }
        }
        return out;
    }

    static String read(String name, String file) {
        try {
            return Files.readString(DIR.resolve(name).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
