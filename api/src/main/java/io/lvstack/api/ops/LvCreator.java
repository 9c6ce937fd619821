package io.lvstack.api.ops;

import io.lvstack.api.model.LvView;

/**
 * A segment type's {@code lvcreate --type}: makes the new LV and whatever it needs (images, logs,
 * pool data and metadata, the VG's pool-metadata spare) through the editor. Without a creator,
 * lvcreate makes a type's LVs from allocated areas and {@link io.lvstack.api.SegmentType#newSegment}.
 * @since SPI 2.0
 */
@FunctionalInterface
public interface LvCreator {
    /** Makes the LV {@code request.name()} and returns it; refuses with an LvstackException in LVM2's words. */
    LvView create(CreateRequest request, VgEditor editor);
}
