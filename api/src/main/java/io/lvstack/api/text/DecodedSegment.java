package io.lvstack.api.text;

import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.TypeFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a segment type read from a segment section: its own fields, its areas, and the LVs it
 * references by role (by name, as written). The engine resolves the names and links everything;
 * the type never does.
 *
 * <p>Areas come one of two ways: from an LVM2 areas array under {@code areasKey} holding
 * {@code areaCount} name/offset pairs ({@code stripes = ["pv0", 0, ...]}), or, for types whose
 * text names their area LVs in fields of their own (a cache pool's {@code data = "lv"}), as
 * {@code namedAreas}, already read by the type.
 *
 * @param areasKey   key of the areas array ({@code "stripes"}, {@code "mirrors"}), or null
 * @param areaCount  number of areas
 * @param fields     the type's own fields
 * @param references LV names by role, in the order the type wants them linked
 * @param namedAreas the areas by name and offset when there is no areas array, else empty
 */
public record DecodedSegment(String areasKey, int areaCount, TypeFields fields, Map<ReferenceRole, String> references,
        List<NamedArea> namedAreas) {

    /** An area given by the name of a PV key or LV and an offset in it. */
    public record NamedArea(String name, long offset) {
        public NamedArea {
            Objects.requireNonNull(name, "name");
        }
    }

    public DecodedSegment {
        Objects.requireNonNull(fields, "fields");
        if (areaCount < 0) {
            throw new IllegalArgumentException("negative area count");
        }
        namedAreas = List.copyOf(namedAreas);
        if (!namedAreas.isEmpty() && (areasKey != null || namedAreas.size() != areaCount)) {
            throw new IllegalArgumentException("named areas replace the areas array and give every area");
        }
        if (areaCount > 0 && areasKey == null && namedAreas.isEmpty()) {
            throw new IllegalArgumentException("areas need a key or names");
        }
        references = references.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    /** Areas from an areas array, and roles. */
    public DecodedSegment(String areasKey, int areaCount, TypeFields fields, Map<ReferenceRole, String> references) {
        this(areasKey, areaCount, fields, references, List.of());
    }

    public static DecodedSegment of(String areasKey, int areaCount, TypeFields fields) {
        return new DecodedSegment(areasKey, areaCount, fields, Map.of());
    }

    /** Areas named by the type's own fields, and roles. */
    public static DecodedSegment named(List<NamedArea> areas, TypeFields fields, Map<ReferenceRole, String> references) {
        return new DecodedSegment(null, areas.size(), fields, references, areas);
    }
}
