package io.lvstack.testkit;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SegmentView} for testing a segment type without an engine, made by
 * {@link FakeLv#addSegment}. Areas and role references are set with the engine's verbs
 * ({@code setPvArea}, {@code setLvArea}, {@code releaseArea}, {@code attach}, {@code detach}) and
 * keep the used LVs' {@link FakeLv#users() users} in step, as the engine's links do; setting an
 * assigned area or role first releases what it held. No hook fires.
 *
 * <p>{@link #areaLen()} follows the engine: the type's {@link SegmentType#areaLength} (by default
 * {@code len / areaCount} for a type with {@link SegmentCapability#AREAS_STRIPED}, else
 * {@code len}). Not thread-safe.
 */
public final class FakeSegment implements SegmentView {
    private final FakeLv lv;
    private final SegmentType type;
    private TypeFields fields;
    private final long le;
    private final long len;
    private final Area[] areas;
    private final Map<ReferenceRole, FakeLv> references = new LinkedHashMap<>();
    private List<String> tags = List.of();

    FakeSegment(FakeLv lv, SegmentType type, TypeFields fields, long le, long len, int areaCount) {
        this.lv = lv;
        this.type = Objects.requireNonNull(type, "type");
        this.fields = Objects.requireNonNull(fields, "fields");
        if (len < 0 || areaCount < 0) {
            throw new IllegalArgumentException("negative length " + len + " or area count " + areaCount);
        }
        this.le = le;
        this.len = len;
        this.areas = new Area[areaCount];
    }

    /** Replaces the type's fields. */
    public FakeSegment setFields(TypeFields newFields) {
        fields = Objects.requireNonNull(newFields, "fields");
        return this;
    }

    /** Replaces the tags. */
    public FakeSegment setTags(String... newTags) {
        tags = List.of(newTags);
        return this;
    }

    /** Points area {@code index} at extents of {@code pv} from {@code pe}. */
    public FakeSegment setPvArea(int index, PvView pv, long pe) {
        Area area = new Area.OnPv(pv, pe); // refuses a bad PE before anything changes
        releaseArea(index);
        areas[index] = area;
        return this;
    }

    /** Points area {@code index} at extents of {@code target} from {@code le}, and links. */
    public FakeSegment setLvArea(int index, FakeLv target, long targetLe) {
        Area area = new Area.OnLv(target, targetLe);
        releaseArea(index);
        areas[index] = area;
        target.link(this);
        return this;
    }

    /** Makes area {@code index} unassigned, unlinking the LV it held. */
    public FakeSegment releaseArea(int index) {
        checkIndex(index);
        Area old = areas[index];
        areas[index] = null;
        if (old instanceof Area.OnLv on) {
            ((FakeLv) on.lv()).unlink(this);
        }
        return this;
    }

    /**
     * Makes this segment reference {@code target} in {@code role}, and links.
     *
     * @throws IllegalArgumentException when the type does not declare {@code role}, as the engine refuses it
     */
    public FakeSegment attach(ReferenceRole role, FakeLv target) {
        if (!type.referenceRoles().contains(role.declaration()) || role.index() == ReferenceRole.ANY) {
            throw new IllegalArgumentException("segment type " + type.name() + " declares no reference role '" + role
                    + "'");
        }
        detach(role);
        references.put(role, Objects.requireNonNull(target, "target"));
        if (role.linked()) {
            target.link(this);
        }
        return this;
    }

    /** Drops the reference in {@code role}, if any, and unlinks. */
    public FakeSegment detach(ReferenceRole role) {
        FakeLv old = references.remove(role);
        if (old != null && role.linked()) {
            old.unlink(this);
        }
        return this;
    }

    /**
     * The event the engine would fire for the LV held in {@code via}: call it before releasing
     * the slot to have the event for {@code unlinked}.
     *
     * @throws IllegalStateException when the slot holds no LV
     */
    public LinkEvent linkEvent(Via via) {
        LvView used;
        if (via instanceof Via.AreaSlot a) {
            checkIndex(a.index());
            used = areas[a.index()] instanceof Area.OnLv on ? on.lv() : null;
        } else {
            used = references.get(((Via.RoleSlot) via).role());
        }
        if (used == null) {
            throw new IllegalStateException(this + " holds no LV in " + via);
        }
        return new LinkEvent(used, this, via);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= areas.length) {
            throw new IndexOutOfBoundsException(this + " has no area " + index + " (it has " + areas.length + ")");
        }
    }

    @Override
    public FakeLv lv() {
        return lv;
    }

    @Override
    public SegmentType type() {
        return type;
    }

    @Override
    public TypeFields fields() {
        return fields;
    }

    @Override
    public long le() {
        return le;
    }

    @Override
    public long len() {
        return len;
    }

    @Override
    public long areaLen() {
        return type.areaLength(len, areas.length, fields());
    }

    @Override
    public int areaCount() {
        return areas.length;
    }

    @Override
    public Optional<Area> area(int index) {
        checkIndex(index);
        return Optional.ofNullable(areas[index]);
    }

    @Override
    public Optional<LvView> reference(ReferenceRole role) {
        return Optional.ofNullable(references.get(role));
    }

    @Override
    public List<LvView> references(ReferenceRole list) {
        ReferenceRole declared = list.declaration();
        if (!declared.isList()) {
            return reference(declared).map(List::<LvView>of).orElse(List.of());
        }
        return references.entrySet().stream()
                .filter(e -> e.getKey().declaration().equals(declared))
                .sorted(java.util.Comparator.comparingInt(e -> e.getKey().index()))
                .map(e -> (LvView) e.getValue())
                .toList();
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    /** {@code LV name segment at LE n}. */
    @Override
    public String toString() {
        return "LV " + lv.name() + " segment at LE " + le;
    }
}
