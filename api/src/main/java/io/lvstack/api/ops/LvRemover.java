package io.lvstack.api.ops;

import io.lvstack.api.model.LvView;

/**
 * A segment type's part in {@code lvremove}: called, within the removal's atomic change, for each
 * LV that owns a segment of the type, before the engine removes it, so that the type updates what
 * outlives it (a thin pool queues the delete of a thin LV's device and raises its transaction).
 * The engine then removes the LV with the sub-LVs only it uses.
 * @since SPI 2.0
 */
@FunctionalInterface
public interface LvRemover {
    void removing(LvView lv, VgEditor editor);
}
