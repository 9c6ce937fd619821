package io.lvstack.engine.ops.alloc;

import io.lvstack.engine.graph.VolumeGroup;

/**
 * Chooses free PV extents for new areas. It only reads the VG: the caller makes the segments and
 * sets the areas through the {@code StackEditor}. When the request cannot be met it throws an
 * {@link io.lvstack.api.LvstackException} in LVM2's words (for example {@code Insufficient free
 * space: 30 extents needed, but only 10 available}).
 */
@FunctionalInterface
public interface ExtentAllocator {
    Allocation allocate(VolumeGroup vg, AllocationRequest request);
}
