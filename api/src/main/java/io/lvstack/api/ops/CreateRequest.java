package io.lvstack.api.ops;

import java.util.List;

/**
 * {@code lvcreate --type T} as the engine hands it to type {@code T}, its options read and checked
 * as LVM2 reads them; a null option was not given (the type's default applies).
 *
 * @param name       the new LV's name (LVM2's next {@code lvolN} when {@code -n} was not given)
 * @param extents    the size in extents ({@code -L} or {@code -l}, rounded up to whole extents)
 * @param stripes    {@code -i}, 1 when not given
 * @param stripeSize {@code -I} in sectors
 * @param mirrors    {@code -m}
 * @param mirrorLog  {@code --mirrorlog}
 * @param regionSize {@code -R} in sectors
 * @param chunkSize  {@code -c} in sectors
 * @param metadataSize {@code --poolmetadatasize} in sectors
 * @param candidates the PV arguments
 * @since SPI 2.0
 */
public record CreateRequest(String name, long extents, int stripes, Long stripeSize, Integer mirrors,
        String mirrorLog, Long regionSize, Long chunkSize, Long metadataSize, List<PvExtents> candidates) {
    public CreateRequest {
        candidates = List.copyOf(candidates);
    }
}
