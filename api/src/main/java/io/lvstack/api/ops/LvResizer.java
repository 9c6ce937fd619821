package io.lvstack.api.ops;

import io.lvstack.api.model.LvView;

/**
 * A segment type's {@code lvextend}, for LVs whose last segment is of the type and grows by more
 * than appended areas (a thin pool extends its data LV and then itself, or its metadata LV).
 * @since SPI 2.0
 */
@FunctionalInterface
public interface LvResizer {
    /**
     * Extends {@code lv} as {@code request} asks, through the editor: to {@code request.extents()}
     * and, for a pool, its metadata LV as {@code --poolmetadatasize} says; refuses in LVM2's words.
     * It prints LVM2's lines ({@link VgEditor#message}): each LV whose size changed, then the one
     * resized ({@code Logical volume vg/pool successfully resized.}).
     */
    void extend(LvView lv, ResizeRequest request, VgEditor editor);
}
