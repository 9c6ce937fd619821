package io.lvstack.engine.segtype;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.text.ConfigSection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segment types an engine knows, by the name metadata uses. Each name has at most one
 * primary type and one fallback type; a fallback serves only when no primary type has its name
 * and only for sections it accepts. Whatever no type serves becomes an
 * {@link UnknownSegmentType}, one object per name, so segments of one unknown name still share
 * a type.
 *
 * <p>Lookups answer with the plugins' own types, the objects segments show plugins and engine
 * code compares. Each type is wrapped once, when registered, in a {@link GuardedSegmentType};
 * {@link #guard} finds it, and the engine calls a type only through its guard.
 */
public final class SegmentTypeRegistry {
    private final Map<String, RegisteredType> primary = new LinkedHashMap<>();
    private final Map<String, RegisteredType> fallback = new LinkedHashMap<>();
    private final Map<String, UnknownSegmentType> unknown = new ConcurrentHashMap<>();
    /** The registered types' guards, by identity; not changed after construction. */
    private final Map<SegmentType, GuardedSegmentType> guards = new IdentityHashMap<>();
    /** Guards of the unknown types and of types given to the engine without registering them. */
    private final Map<SegmentType, GuardedSegmentType> otherGuards = new IdentityHashMap<>();

    /**
     * @throws LvstackException when two types claim one name in the same rank, naming both origins
     */
    public SegmentTypeRegistry(List<RegisteredType> types) {
        for (RegisteredType t : types) {
            Map<String, RegisteredType> rank = t.type().fallback() ? fallback : primary;
            RegisteredType clash = rank.putIfAbsent(t.name(), t);
            if (clash != null) {
                throw new LvstackException("segment type '" + t.name() + "' is provided twice: by plugin "
                        + clash.origin().plugin() + " (" + clash.origin().location() + ") and by plugin "
                        + t.origin().plugin() + " (" + t.origin().location() + "); remove one of them");
            }
            guards.putIfAbsent(t.type(), GuardedSegmentType.of(t.type()));
        }
    }

    /**
     * The guard the engine calls {@code type} through: the one made when {@code type} was
     * registered, or, for an unknown type or one the engine was handed without registering it
     * (tests make such), one made on first sight and kept. A guard is its own guard.
     */
    public GuardedSegmentType guard(SegmentType type) {
        if (type instanceof GuardedSegmentType g) {
            return g;
        }
        GuardedSegmentType g = guards.get(type);
        if (g != null) {
            return g;
        }
        synchronized (otherGuards) {
            return otherGuards.computeIfAbsent(type, GuardedSegmentType::of);
        }
    }

    /** The types in effect: every primary type, and each fallback no primary type overrides. */
    public List<RegisteredType> active() {
        List<RegisteredType> out = new ArrayList<>(primary.values());
        for (RegisteredType f : fallback.values()) {
            if (!primary.containsKey(f.name())) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The type serving {@code name} for operations that create segments, or null. */
    public SegmentType byName(String name) {
        RegisteredType t = primary.get(name);
        if (t == null) {
            t = fallback.get(name);
        }
        return t == null ? null : t.type();
    }

    /**
     * The type operations make plain LVs, legs and layers of when no type is named: the active
     * type with {@link SegmentCapability#PLAIN} (LVM2's {@code striped}).
     *
     * @throws LvstackException when no loaded plugin provides one
     */
    public SegmentType plain() {
        for (RegisteredType t : active()) {
            if (t.type().has(SegmentCapability.PLAIN)) {
                return t.type();
            }
        }
        throw new LvstackException("no loaded segment-type plugin maps extents straight onto physical volumes; "
                + "load the striped or linear plugin");
    }

    /**
     * The first active type with {@code capability} that makes a segment of {@code areas} areas
     * with {@code options} (pvmove asks for a moving 2-way mirrored segment), or null.
     */
    public SegmentType making(int areas, SegmentOptions options, SegmentCapability capability) {
        for (RegisteredType t : active()) {
            if (t.type().has(capability) && guard(t.type()).newSegment(areas, options).isPresent()) {
                return t.type();
            }
        }
        return null;
    }

    /** The type that reads a segment section of type {@code name}: a plugin's, or unknown. */
    public SegmentType forSection(String name, ConfigSection section) {
        RegisteredType p = primary.get(name);
        if (p != null) {
            return accepts(p, section) ? p.type() : unknown(name);
        }
        RegisteredType f = fallback.get(name);
        if (f != null && accepts(f, section)) {
            return f.type();
        }
        return unknown(name);
    }

    private boolean accepts(RegisteredType t, ConfigSection section) {
        return guard(t.type()).accepts(section);
    }

    /** The unknown type for {@code name}. */
    public UnknownSegmentType unknown(String name) {
        return unknown.computeIfAbsent(name, UnknownSegmentType::new);
    }
}
