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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's and the api's packages depend on each other without cycles, so each layer can be
 * read, tested and replaced on its own. A dependency is any use of a class of another package,
 * imported or written out in full, outside comments.
 */
class PackageCyclesTest {
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("../api/src/main/java"));
    private static final Pattern USE = Pattern.compile("\\b(io\\.lvstack\\.(?:engine|api)(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    /**
     * The cycles left, each for a reason; any other fails. In the engine: {@code Checker} reads
     * files through the format, and the importer reports what it finds as the checker's problems
     * (breaking it means giving the importer its own problem type). The api is one published unit
     * whose packages sort its names for plugin authors: {@code SegmentType} speaks of the views,
     * the views give back their {@code SegmentType}, and every package throws the root's
     * {@code LvstackException}.
     */
    private static final Set<Set<String>> KNOWN = Set.of(
            Set.of("io.lvstack.engine.check", "io.lvstack.engine.format"),
            Set.of("io.lvstack.api", "io.lvstack.api.dm", "io.lvstack.api.link", "io.lvstack.api.model",
                    "io.lvstack.api.ops", "io.lvstack.api.report", "io.lvstack.api.text"));

    @Test
    void packagesFormNoCycleButTheKnownOne() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        Set<Set<String>> cycles = new java.util.HashSet<>();
        for (String p : deps.keySet()) {
            Set<String> component = new TreeSet<>();
            for (String q : deps.keySet()) {
                if (reaches(deps, p, q) && reaches(deps, q, p)) {
                    component.add(q);
                }
            }
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
        assertEquals(KNOWN, cycles);
    }

    @Test
    void theScanSeesImportsAndFullNamesButNotComments() {
        assertEquals(Set.of("io.lvstack.engine.graph", "io.lvstack.api.model"), uses("""
                import io.lvstack.engine.graph.Segment;
                // io.lvstack.engine.report.Report in a comment
                /* io.lvstack.engine.dm.TableBuilder */
                Object o = io.lvstack.api.model.LvMark.of("x");
                """));
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                    Set<String> used = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                    for (String u : uses(Files.readString(f))) {
                        if (!u.equals(pkg)) {
                            used.add(u);
                        }
                    }
                }
            }
        }
        return deps;
    }

    static Set<String> uses(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
        Set<String> out = new TreeSet<>();
        Matcher m = USE.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static boolean reaches(Map<String, Set<String>> deps, String from, String to) {
        List<String> todo = new ArrayList<>(List.of(from));
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            for (String q : deps.getOrDefault(p, Set.of())) {
                if (q.equals(to)) {
                    return true;
                }
                if (seen.add(q)) {
                    todo.add(q);
                }
            }
        }
        return false;
    }
}
