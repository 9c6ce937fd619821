package io.lvstack.segtype.mirror;

import io.lvstack.api.model.TypeFields;

/**
 * The mirror type's own fields.
 *
 * @param regionSize   sectors; 0 when not written
 * @param extentsMoved pvmove progress ({@code extents_moved}); null for ordinary mirrors. Its
 *                     presence is what makes a segment a pvmove segment (LVM2's segment PVMOVE).
 */
public record MirrorFields(long regionSize, Long extentsMoved) implements TypeFields {
    public MirrorFields {
        if (regionSize < 0) {
            throw new IllegalArgumentException("negative region size");
        }
    }

    public boolean pvmove() {
        return extentsMoved != null;
    }
}
