package io.lvstack.engine.graph;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.engine.segtype.FailureSubject;
import io.lvstack.engine.segtype.GuardedSegmentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One segment of an LV: LVM2's {@code lv_segment}. It maps {@code len} logical extents from
 * {@code le} onto its areas and may hold extra LV references by role. Identity matters: upward
 * links and PV pieces point at segment objects. Mutated only through {@link StackEditor}.
 *
 * <p>A segment holds its type's guard: engine code calls the type through {@link #handler()};
 * {@link #type()} is the plugin's own object, for plugins (which compare it with {@code ==}) and
 * for the engine's identity checks.
 */
public final class Segment implements SegmentView, FailureSubject {
    private LogicalVolume lv;
    private final GuardedSegmentType handler;
    private TypeFields fields;
    private long reshapeLen;
    private long le;
    private long len;
    private long areaLen;
    private final Area[] areas;
    /** Shared and empty until the first reference: most segments (linear, striped) have none. */
    private Map<ReferenceRole, LogicalVolume> references = Map.of();
    private final List<String> tags;

    Segment(LogicalVolume lv, GuardedSegmentType handler, TypeFields fields, long le, long len, long areaLen, int areaCount,
            List<String> tags) {
        this.lv = lv;
        this.handler = handler;
        this.fields = fields;
        this.le = le;
        this.len = len;
        this.areaLen = areaLen;
        this.areas = new Area[areaCount];
        this.tags = List.copyOf(tags);
    }

    @Override
    public LogicalVolume lv() {
        return lv;
    }

    void lv(LogicalVolume owner) {
        this.lv = owner;
    }

    /** The plugin's own type (never its guard): what plugins see and compare. */
    @Override
    public SegmentType type() {
        return handler.plugin();
    }

    /** The type's guard: how engine code calls the type. */
    public GuardedSegmentType handler() {
        return handler;
    }

    @Override
    public TypeFields fields() {
        return fields;
    }

    void fields(TypeFields f) {
        this.fields = f;
    }

    /**
     * LVM2's {@code reshape_len} ({@code reshape_count} in metadata): extents a raid reshape keeps
     * free at the start of an image's segment; 0 but mid-reshape.
     */
    @Override
    public long reshapeLen() {
        return reshapeLen;
    }

    void reshapeLen(long extents) {
        this.reshapeLen = extents;
    }

    @Override
    public long le() {
        return le;
    }

    void le(long value) {
        this.le = value;
    }

    @Override
    public long len() {
        return len;
    }

    void len(long value) {
        this.len = value;
    }

    @Override
    public long areaLen() {
        return areaLen;
    }

    void areaLen(long value) {
        this.areaLen = value;
    }

    @Override
    public int areaCount() {
        return areas.length;
    }

    @Override
    public Optional<Area> area(int index) {
        return Optional.ofNullable(areas[index]);
    }

    /** Area {@code index}, or null when unassigned. */
    public Area areaOrNull(int index) {
        return areas[index];
    }

    void area(int index, Area a) {
        areas[index] = a;
    }

    public List<Area> areas() {
        return Collections.unmodifiableList(Arrays.asList(areas));
    }

    @Override
    public Optional<LvView> reference(ReferenceRole role) {
        return Optional.ofNullable(references.get(role));
    }

    /** The LV in {@code role}, or null. */
    public LogicalVolume referenceOrNull(ReferenceRole role) {
        return references.get(role);
    }

    /**
     * The references that are upward links (single and list roles), in the order the type
     * declares its roles, a list's by index. Named roles are {@link #namedReferences}.
     */
    public Map<ReferenceRole, LogicalVolume> references() {
        return ordered(true);
    }

    /** The references of named roles, which are not upward links, in declared order and by index. */
    public Map<ReferenceRole, LogicalVolume> namedReferences() {
        return ordered(false);
    }

    @Override
    public List<LvView> references(ReferenceRole list) {
        ReferenceRole declared = list.declaration();
        if (!declared.isList()) {
            LogicalVolume lv = references.get(declared);
            return lv == null ? List.of() : List.of(lv);
        }
        List<Map.Entry<ReferenceRole, LogicalVolume>> found = new ArrayList<>();
        for (Map.Entry<ReferenceRole, LogicalVolume> e : references.entrySet()) {
            if (e.getKey().declaration().equals(declared)) {
                found.add(e);
            }
        }
        found.sort(Comparator.comparingInt(e -> e.getKey().index()));
        List<LvView> out = new ArrayList<>(found.size());
        found.forEach(e -> out.add(e.getValue()));
        return out;
    }

    private Map<ReferenceRole, LogicalVolume> ordered(boolean linked) {
        if (references.isEmpty()) {
            return Map.of();
        }
        boolean all = true;
        for (ReferenceRole r : references.keySet()) {
            all &= r.linked() == linked && !r.isList();
        }
        if (all && references.size() < 2) {
            return Collections.unmodifiableMap(references);
        }
        Map<ReferenceRole, LogicalVolume> ordered = new LinkedHashMap<>();
        for (ReferenceRole role : handler.referenceRoles()) {
            if (role.linked() != linked) {
                continue;
            }
            if (!role.isList()) {
                LogicalVolume lv = references.get(role);
                if (lv != null) {
                    ordered.put(role, lv);
                }
                continue;
            }
            List<ReferenceRole> atIndices = new ArrayList<>();
            for (ReferenceRole r : references.keySet()) {
                if (r.declaration().equals(role)) {
                    atIndices.add(r);
                }
            }
            atIndices.sort(Comparator.comparingInt(ReferenceRole::index));
            atIndices.forEach(r -> ordered.put(r, references.get(r)));
        }
        return Collections.unmodifiableMap(ordered);
    }

    void reference(ReferenceRole role, LogicalVolume target) {
        if (target == null) {
            if (!references.isEmpty()) {
                references.remove(role);
            }
        } else {
            if (references.isEmpty()) {
                references = new LinkedHashMap<>(2);
            }
            references.put(role, target);
        }
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    /** 1-based position in the LV, as LVM2's messages number segments; 0 when detached. */
    public int number() {
        return lv == null ? 0 : lv.indexOf(this) + 1;
    }

    /** {@code LV vg/lv segment 2 (LE 10-19)}. */
    public String describe() {
        if (lv == null) {
            return "a removed segment";
        }
        return "LV " + lv.fullName() + " segment " + number() + " (LE " + Extents.range(le, len) + ")";
    }

    /** {@link #describe()}: how a plugin's failure names the segment. */
    @Override
    public String failureSubject() {
        return describe();
    }

    @Override
    public String toString() {
        return lv == null ? "segment(removed)" : lv.name() + ":" + le + "-" + (le + len - 1);
    }
}
