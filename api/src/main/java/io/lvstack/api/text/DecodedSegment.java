package io.lvstack.api.text;

import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.TypeFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a segment type read from a segment section: its own fields, how many areas the segment
 * has and under which key the engine finds them, and the LVs it references by role (by name, as
 * written). The engine resolves the names and links everything; the type never does.
 *
 * @param areasKey   key of the areas array ({@code "stripes"}, {@code "mirrors"}), or null when
 *                   the segment has no areas
 * @param areaCount  number of area pairs the array must hold
 * @param fields     the type's own fields
 * @param references LV names by role, in the order the type wants them linked
 */
public record DecodedSegment(String areasKey, int areaCount, TypeFields fields, Map<ReferenceRole, String> references) {
    public DecodedSegment {
        Objects.requireNonNull(fields, "fields");
        if (areaCount < 0) {
            throw new IllegalArgumentException("negative area count");
        }
        if (areaCount > 0 && areasKey == null) {
            throw new IllegalArgumentException("areas need a key");
        }
        references = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    public static DecodedSegment of(String areasKey, int areaCount, TypeFields fields) {
        return new DecodedSegment(areasKey, areaCount, fields, Map.of());
    }
}
