package io.lvstack.api.ops;

import io.lvstack.api.model.TypeFields;
import java.util.Objects;

/**
 * A segment type's answer to an operation that makes a new segment: its fields, and the sizes it
 * chose (so the operation can tell the user, as LVM2 does, which defaults it used).
 *
 * @param fields     the new segment's own fields
 * @param stripeSize sectors per stripe chosen, 0 when not striped
 * @param regionSize sectors per region chosen, 0 when none
 */
public record NewSegment(TypeFields fields, long stripeSize, long regionSize) {
    public NewSegment {
        Objects.requireNonNull(fields, "fields");
    }

    public static NewSegment of(TypeFields fields) {
        return new NewSegment(fields, 0, 0);
    }
}
