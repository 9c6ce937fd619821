package io.lvstack.engine.report;

import io.lvstack.api.SegmentCapability;
import io.lvstack.engine.segtype.GuardedSegmentType;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PoolMetadataSpare;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an LV means in reports: the engine's generic part (what stored status, names and type
 * capabilities say) combined with what each segment type that owns or uses the LV declares
 * through {@link LvTraits}. The engine knows no type: every type-specific word comes from a type.
 */
final class LvDescription implements LvTraits {
    /** The attribute characters types may set, and their defaults. */
    private static final int[] INDEXES = {VOLUME_TYPE, TARGET_TYPE, ZERO, HEALTH};

    private final char[] attr = {'-', '-', '-', '-'};
    private final int[] priority = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
    private final Set<String> layout = new LinkedHashSet<>(2);
    private final Set<String> fallbackLayout = new LinkedHashSet<>(2);
    private final Set<String> role = new LinkedHashSet<>(2);
    private boolean isPrivate;
    private Map<String, FieldValue> fields = Map.of();
    private Set<String> vgCounts = Set.of();

    private LvDescription() {
    }

    static LvDescription of(LogicalVolume lv) {
        LvDescription d = new LvDescription();
        d.generic(lv);
        for (GuardedSegmentType type : Stack.typesAround(lv)) {
            type.describe(lv, d);
        }
        return d;
    }

    /**
     * What LVM2 derives without a segment type: a pvmove LV from its stored status word, the VG's
     * pool-metadata spare from its name ({@code _pmspare}, as LVM2's importer recognises it),
     * virtual and unknown segments from the types' capabilities, and privacy from components.
     */
    private void generic(LogicalVolume lv) {
        if (lv.has(LvStatus.PVMOVE)) {
            attr(VOLUME_TYPE, 'p', 100);
            role("pvmove");
            privateLv();
        }
        if (PoolMetadataSpare.is(lv)) {
            attr(VOLUME_TYPE, 'e', 70);
            role("pool");
            role("spare");
            privateLv();
        }
        for (Segment s : lv.segments()) {
            if (s.type().has(SegmentCapability.VIRTUAL)) {
                attr(VOLUME_TYPE, 'v', 30);
                attr(TARGET_TYPE, 'v', 10);
            }
            if (s.type().has(SegmentCapability.UNKNOWN)) {
                attr(TARGET_TYPE, 'u', 15);
            }
        }
        // a component LVM2 shows as visible (a COW store) stays public
        if (lv.component() && !lv.has(LvMark.SHOWN)) {
            privateLv();
        }
    }

    @Override
    public void attr(int index, char c, int prio) {
        int slot = slot(index);
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

    @Override
    public void layout(String word) {
        layout.add(word);
    }

    @Override
    public void fallbackLayout(String word) {
        fallbackLayout.add(word);
    }

    @Override
    public void role(String word) {
        role.add(word);
    }

    @Override
    public void privateLv() {
        isPrivate = true;
    }

    @Override
    public void field(String name, FieldValue value) {
        if (fields.isEmpty()) {
            fields = new HashMap<>(4);
        }
        fields.putIfAbsent(name, value);
    }

    @Override
    public void countInVg(String name) {
        if (vgCounts.isEmpty()) {
            vgCounts = new LinkedHashSet<>(2);
        }
        vgCounts.add(name);
    }

    /** Character {@code index} of {@code lv_attr} as the types decided it ({@code -} when none did). */
    char attr(int index) {
        return attr[slot(index)];
    }

    /** {@code lv_layout}: the types' words, else the fallback words, else {@code unknown}. */
    String layout() {
        Set<String> words = !layout.isEmpty() ? layout : fallbackLayout;
        return words.isEmpty() ? "unknown" : String.join(",", words);
    }

    /** {@code lv_role}: {@code public} or {@code private}, then the types' words. */
    String role() {
        List<String> words = new ArrayList<>(role.size() + 1);
        words.add(isPrivate ? "private" : "public");
        words.addAll(role);
        return String.join(",", words);
    }

    /** The value a type gave field {@code name}, or null. */
    FieldValue field(String name) {
        return fields.get(name);
    }

    boolean countsIn(String vgField) {
        return vgCounts.contains(vgField);
    }
}
