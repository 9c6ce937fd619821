package io.lvstack.testkit;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvView;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link LvTraits} that keeps what a type's {@code describe} says of an LV: every call in
 * order ({@link #calls()}), and the result as the engine combines contributions
 * ({@link #attr(int)}, {@link #layout()}, {@link #role()}, {@link #fields()}, {@link #vgCounts()}).
 * Like the engine, it refuses an {@code lv_attr} index other than 0, 6, 7 and 8. Not thread-safe.
 */
public final class RecordingLvTraits implements LvTraits {
    private static final int[] INDEXES = {VOLUME_TYPE, TARGET_TYPE, ZERO, HEALTH};

    private final List<String> calls = new ArrayList<>();
    private final char[] attr = {'-', '-', '-', '-'};
    private final int[] priority = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
    private final Set<String> layout = new LinkedHashSet<>();
    private final Set<String> fallbackLayout = new LinkedHashSet<>();
    private final Set<String> roles = new LinkedHashSet<>();
    private boolean isPrivate;
    private final Map<String, FieldValue> fields = new LinkedHashMap<>();
    private final Set<String> vgCounts = new LinkedHashSet<>();

    /** What {@code type.describe(lv, ...)} says. */
    public static RecordingLvTraits describe(SegmentType type, LvView lv) {
        RecordingLvTraits traits = new RecordingLvTraits();
        type.describe(lv, traits);
        return traits;
    }

    /** {@code attr INDEX CHAR PRIORITY}. */
    @Override
    public void attr(int index, char c, int prio) {
        int slot = slot(index);
        calls.add("attr " + index + " " + c + " " + prio);
        if (prio > priority[slot]) {
            priority[slot] = prio;
            attr[slot] = c;
        }
    }

    private static int slot(int index) {
        for (int i = 0; i < INDEXES.length; i++) {
            if (INDEXES[i] == index) {
                return i;
            }
        }
        throw new IllegalArgumentException("lv_attr character " + index + " is not one a segment type sets"
                + " (0, 6, 7 or 8)");
    }

    /** {@code layout WORD}. */
    @Override
    public void layout(String word) {
        calls.add("layout " + word);
        layout.add(word);
    }

    /** {@code fallbackLayout WORD}. */
    @Override
    public void fallbackLayout(String word) {
        calls.add("fallbackLayout " + word);
        fallbackLayout.add(word);
    }

    /** {@code role WORD}. */
    @Override
    public void role(String word) {
        calls.add("role " + word);
        roles.add(word);
    }

    /** {@code privateLv}. */
    @Override
    public void privateLv() {
        calls.add("privateLv");
        isPrivate = true;
    }

    /**
     * {@code field NAME = VALUE}, the value as {@code LV name}, {@code PV name} (a {@link FakePv}'s
     * name, else the PV's id), {@code "text"}, {@code N sectors} or {@code N}.
     */
    @Override
    public void field(String name, FieldValue value) {
        calls.add("field " + name + " = " + shown(value));
        fields.putIfAbsent(name, value);
    }

    /** {@code countInVg NAME}. */
    @Override
    public void countInVg(String name) {
        calls.add("countInVg " + name);
        vgCounts.add(name);
    }

    private static String shown(FieldValue value) {
        if (value instanceof FieldValue.Lv lv) {
            return "LV " + lv.lv().name();
        }
        if (value instanceof FieldValue.Pv pv) {
            return "PV " + (pv.pv() instanceof FakePv f ? f.name() : pv.pv().id());
        }
        if (value instanceof FieldValue.Text t) {
            return "\"" + t.text() + "\"";
        }
        if (value instanceof FieldValue.Size s) {
            return s.sectors() + " sectors";
        }
        return String.valueOf(((FieldValue.Number) value).value());
    }

    /** Every call, in order, one string each (see each method for its form). */
    public List<String> calls() {
        return Collections.unmodifiableList(calls);
    }

    /** Character {@code index} of {@code lv_attr}: the highest priority's, the first of equals; {@code -} when none. */
    public char attr(int index) {
        return attr[slot(index)];
    }

    /** The {@code layout} words joined by commas, else the {@code fallbackLayout} words; empty when none. */
    public String layout() {
        return String.join(",", layout.isEmpty() ? fallbackLayout : layout);
    }

    /** {@code public} or {@code private}, then the role words, joined by commas. */
    public String role() {
        List<String> words = new ArrayList<>();
        words.add(isPrivate ? "private" : "public");
        words.addAll(roles);
        return String.join(",", words);
    }

    /** The report fields given, each with its first value, in the order first given. */
    public Map<String, FieldValue> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** The VG fields the LV counts towards. */
    public Set<String> vgCounts() {
        return Collections.unmodifiableSet(vgCounts);
    }
}
