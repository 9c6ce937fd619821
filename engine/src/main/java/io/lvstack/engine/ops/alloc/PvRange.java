package io.lvstack.engine.ops.alloc;

import io.lvstack.engine.graph.PhysicalVolume;
import java.util.Objects;

/** {@code count} extents of {@code pv} from {@code start}: a PV argument ({@code /dev/loop4:0-9}) or an allocated piece. */
public record PvRange(PhysicalVolume pv, long start, long count) {
    public PvRange {
        Objects.requireNonNull(pv, "pv");
        if (start < 0 || count <= 0) {
            throw new IllegalArgumentException("PV range " + start + "+" + count + " is empty or negative");
        }
    }

    /** One past the last extent. */
    public long end() {
        return start + count;
    }

    /** Refuses a range past the PV's last extent, in LVM2's words. */
    public static void checkWithin(java.util.List<PvRange> ranges) {
        for (PvRange r : ranges) {
            if (r.end() > r.pv().peCount()) {
                throw new io.lvstack.api.LvstackException("PE range error: start extent " + r.start()
                        + " to end extent " + (r.end() - 1) + ".");
            }
        }
    }

    /** The whole PV. */
    public static PvRange whole(PhysicalVolume pv) {
        return new PvRange(pv, 0, pv.peCount());
    }
}
