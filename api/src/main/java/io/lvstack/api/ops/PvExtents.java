package io.lvstack.api.ops;

import io.lvstack.api.model.PvView;
import java.util.Objects;

/**
 * {@code count} extents of {@code pv} from {@code start}: a PV argument of a command
 * ({@code /dev/loop4:0-9}) or a piece the allocator chose.
 * @since SPI 2.0
 */
public record PvExtents(PvView pv, long start, long count) {
    public PvExtents {
        Objects.requireNonNull(pv, "pv");
        if (start < 0 || count <= 0) {
            throw new IllegalArgumentException("PV extents " + start + "+" + count + " are empty or negative");
        }
    }

    /** One past the last extent. */
    public long end() {
        return start + count;
    }
}
