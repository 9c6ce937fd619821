package io.lvstack.api.ops;

import io.lvstack.api.model.LvView;
import java.util.Optional;

/**
 * A segment type's {@code lvconvert}: asked for conversions to the type ({@code --type T}) and
 * of LVs whose segments are of the type.
 * @since SPI 2.0
 */
public interface LvConverter {
    /**
     * Converts {@code lv} through the editor. Returns LVM2's closing line ({@code Logical volume
     * vg/lv converted.}), or empty when there was nothing to do (LVM2 then says nothing).
     */
    Optional<String> convert(LvView lv, ConvertRequest request, VgEditor editor);
}
