package io.lvstack.segtype.striped;

import io.lvstack.api.model.TypeFields;

/** The striped type's own field: the stripe size in sectors (0 for a single stripe). */
public record StripedFields(long stripeSize) implements TypeFields {
    public StripedFields {
        if (stripeSize < 0) {
            throw new IllegalArgumentException("negative stripe size");
        }
    }
}
