package io.lvstack.api.ops;

import io.lvstack.api.model.LvView;
import java.util.List;

/**
 * A segment type's part in {@code lvremove}: called, within the removal's atomic change, for each
 * LV that owns a segment of the type, before the engine removes it, so that the type updates what
 * outlives it (a thin pool queues the delete of a thin LV's device and raises its transaction).
 * The engine then removes the LV with the sub-LVs only it uses.
 * @since SPI 2.0
 */
public interface LvRemover {
    void removing(LvView lv, VgEditor editor);

    /**
     * The LVs made of this type's segments that use {@code used} and that LVM2 removes first when
     * {@code used} is removed with {@code -y} ({@code lv_remove_with_dependencies}: a COW snapshot
     * before its origin, a thin LV before its pool); none by default. The engine removes each as
     * {@code lvremove} would, then {@code used}.
     * @since SPI 2.0
     */
    default List<LvView> dependents(LvView used) {
        return List.of();
    }
}
