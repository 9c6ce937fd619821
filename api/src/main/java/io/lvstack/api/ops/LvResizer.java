package io.lvstack.api.ops;

import io.lvstack.api.model.LvView;
import java.util.List;

/**
 * A segment type's {@code lvextend}, for LVs whose last segment is of the type and grows by more
 * than appended areas (a thin pool extends its data LV and then itself).
 * @since SPI 2.0
 */
@FunctionalInterface
public interface LvResizer {
    /**
     * Extends {@code lv} to {@code extents} extents through the editor, allocating from
     * {@code candidates} (the PV arguments; empty for every PV); refuses in LVM2's words.
     */
    void extend(LvView lv, long extents, List<PvExtents> candidates, VgEditor editor);
}
