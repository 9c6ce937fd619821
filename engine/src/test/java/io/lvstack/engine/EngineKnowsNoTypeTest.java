package io.lvstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine and the api know no segment type: no string literal in their main code names one of
 * LVM2's segment types or a built-in plugin's own text keys, and no main code imports a plugin.
 * What a type means comes from the type, through the SPI.
 */
class EngineKnowsNoTypeTest {
    /** LVM2 2.03's segment type names ({@code lib/metadata/segtype.h}), and the built-in plugins' text keys. */
    private static final Set<String> TYPE_WORDS = Set.of("linear", "striped", "mirror", "snapshot", "thin",
            "thin-pool", "cache", "cache-pool", "writecache", "integrity", "error", "zero", "free", "vdo", "vdo-pool",
            "raid0", "raid0_meta", "raid1", "raid4", "raid5", "raid5_n", "raid5_la", "raid5_ra", "raid5_ls",
            "raid5_rs", "raid6", "raid6_zr", "raid6_nr", "raid6_nc", "raid6_n_6", "raid10", "raid10_near",
            "stripe_count", "mirror_count", "extents_moved");

    /**
     * LVM2 reserves LV names starting {@code snapshot} in every VG, whatever types are loaded
     * ({@code apply_lvname_restrictions}): a naming rule of the format, not knowledge of a type.
     */
    private static final Map<String, List<String>> LVM2_NAME_RULES = Map.of(
            "engine/src/main/java/io/lvstack/engine/names/LvmNameRules.java", List.of("snapshot"));

    /** The main sources scanned, by the path they are named by from the project's root. */
    private static final Map<String, Path> ROOTS = Map.of("engine/src/main/java/", Path.of("src/main/java"),
            "api/src/main/java/", Path.of("../api/src/main/java"));

    private static final Pattern PLUGIN_IMPORT = Pattern.compile("^import\\s+(static\\s+)?io\\.lvstack\\.segtype\\.",
            Pattern.MULTILINE);

    @Test
    void noMainCodeOfEngineOrApiNamesASegmentType() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        for (Map.Entry<String, Path> root : ROOTS.entrySet()) {
            try (Stream<Path> files = Files.walk(root.getValue())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> words = typeWords(Files.readString(f));
                    if (!words.isEmpty()) {
                        found.put(root.getKey() + root.getValue().relativize(f), words);
                    }
                }
            }
        }
        assertEquals(LVM2_NAME_RULES, found);
    }

    @Test
    void noMainCodeOfEngineOrApiImportsAPlugin() throws IOException {
        List<String> importing = new ArrayList<>();
        for (Path root : ROOTS.values()) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (PLUGIN_IMPORT.matcher(Files.readString(f)).find()) {
                        importing.add(f.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), importing);
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        assertEquals(List.of("mirror", "thin-pool", "zero"), typeWords("""
                // "striped" in a comment does not count
                /* nor "linear" here */
                String a = "mirror"; String b = "mirror_log"; String c = "thin-pool";
                String d = "say \\"cache\\" inside"; char q = '"'; String e = "//" + "zero";
                """));
    }

    /** The type words among the string literals of {@code source}, in order; comments are skipped. */
    static List<String> typeWords(String source) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) < 0 ? n : source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) < 0 ? n : source.indexOf("\"\"\"", i + 3) + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    if (source.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    literal.append(source.charAt(j++));
                }
                if (c == '"' && TYPE_WORDS.contains(literal.toString())) {
                    out.add(literal.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
