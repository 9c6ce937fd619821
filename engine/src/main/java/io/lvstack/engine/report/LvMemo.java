package io.lvstack.engine.report;

import io.lvstack.engine.graph.LogicalVolume;

/**
 * One LV's {@link LvDescription}, shared by every row of a report that is about that LV (one row
 * per segment, or per PV piece), and worked out when a field first asks for it. Rows may be
 * worked on in parallel: two threads racing only compute the same description twice.
 */
final class LvMemo {
    private final LogicalVolume lv;
    private volatile LvDescription description;

    LvMemo(LogicalVolume lv) {
        this.lv = lv;
    }

    LvDescription get() {
        LvDescription d = description;
        if (d == null) {
            d = LvDescription.of(lv);
            description = d;
        }
        return d;
    }
}
