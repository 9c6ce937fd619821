package io.lvstack.engine.format;

import io.lvstack.api.MetadataException;
import io.lvstack.api.text.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A table of status words after LVM2's {@code flags.c}: table order is write order; each word
 * belongs in {@code status = [...]} or in {@code flags = [...]}. Reading follows LVM2: an
 * unknown word in {@code status} is fatal, an unknown word in {@code flags} is dropped.
 */
final class WordTable {
    enum Place { STATUS, FLAGS, BOTH }

    static final WordTable VG = new WordTable(new LinkedHashMap<>(Map.of()))
            .add("EXPORTED", Place.STATUS).add("RESIZEABLE", Place.STATUS).add("PVMOVE", Place.STATUS)
            .add("READ", Place.STATUS).add("WRITE", Place.STATUS).add("WRITE_LOCKED", Place.FLAGS)
            .add("CLUSTERED", Place.STATUS).add("SHARED", Place.STATUS).add("NOAUTOACTIVATE", Place.FLAGS);

    /** MISSING is listed twice in LVM2's table; the export loop writes it only in flags. */
    static final WordTable PV = new WordTable(new LinkedHashMap<>(Map.of()))
            .add("ALLOCATABLE", Place.STATUS).add("EXPORTED", Place.STATUS).add("MISSING", Place.BOTH);

    private final Map<String, Place> words;

    private WordTable(LinkedHashMap<String, Place> words) {
        this.words = words;
    }

    private WordTable add(String word, Place place) {
        words.put(word, place);
        return this;
    }

    /**
     * The words of a {@code status} list.
     *
     * @param ignored words accepted and dropped (a VG's legacy {@code PARTIAL})
     */
    Set<String> readStatus(List<ConfigValue> values, int line, Set<String> ignored) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : strings(values, line)) {
            Place p = words.get(w);
            if (p == Place.STATUS || p == Place.BOTH) {
                out.add(w);
            } else if (!ignored.contains(w)) {
                throw new MetadataException(line, "Unknown status flag '" + w + "'.");
            }
        }
        return out;
    }

    /** The words of a {@code flags} list; unknown ones are reported to {@code dropped}. */
    Set<String> readFlags(List<ConfigValue> values, int line, Consumer<String> dropped) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : strings(values, line)) {
            Place p = words.get(w);
            if (p == Place.FLAGS || p == Place.BOTH) {
                out.add(w);
            } else {
                dropped.accept(w);
            }
        }
        return out;
    }

    /** {@code words} that are written in {@code status}, in table order. */
    List<String> statusWords(Set<String> set) {
        return select(set, Place.STATUS);
    }

    /** {@code words} that are written in {@code flags}, in table order. */
    List<String> flagWords(Set<String> set) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Place> e : words.entrySet()) {
            if (e.getValue() != Place.STATUS && set.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private List<String> select(Set<String> set, Place place) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Place> e : words.entrySet()) {
            if (e.getValue() == place && set.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    static List<String> strings(List<ConfigValue> values, int line) {
        List<String> out = new ArrayList<>(values.size());
        for (ConfigValue v : values) {
            if (!(v instanceof ConfigValue.Str s)) {
                throw new MetadataException(line, "Status value is not a string.");
            }
            out.add(s.value());
        }
        return out;
    }
}
