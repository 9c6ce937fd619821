package io.lvstack.api.ops;

import java.util.List;

/**
 * {@code lvextend} as the engine hands it to a type's {@link LvResizer}.
 *
 * @param extents          the LV's new size in extents (its size now when only the metadata grows)
 * @param metadataSectors  {@code --poolmetadatasize} in sectors, or null when not given
 * @param metadataRelative whether that size was given as {@code +SIZE} (added to the metadata's size)
 * @param candidates       the PV arguments; empty for every PV
 * @since SPI 2.0
 */
public record ResizeRequest(long extents, Long metadataSectors, boolean metadataRelative,
        List<PvExtents> candidates) {
    public ResizeRequest {
        candidates = List.copyOf(candidates);
    }
}
