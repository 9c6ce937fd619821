package io.lvstack.engine.report;

import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvPiece;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;

/**
 * What one report row is about: a VG, and an LV (and one of its segments) or a PV (and one of
 * its pieces, whose segment and LV a PV-segment row also reports). The rows of one LV share its
 * description ({@link LvMemo}).
 */
final class ReportRow {
    private final VolumeGroup vg;
    private final LogicalVolume lv;
    private final Segment seg;
    private final PhysicalVolume pv;
    private final PvPiece piece;
    private final LvMemo memo;

    ReportRow(VolumeGroup vg, LvMemo memo, LogicalVolume lv, Segment seg, PhysicalVolume pv, PvPiece piece) {
        this.vg = vg;
        this.memo = memo;
        this.lv = lv;
        this.seg = seg;
        this.pv = pv;
        this.piece = piece;
    }

    VolumeGroup vg() {
        return vg;
    }

    LogicalVolume lv() {
        return lv;
    }

    Segment seg() {
        return seg;
    }

    PhysicalVolume pv() {
        return pv;
    }

    PvPiece piece() {
        return piece;
    }

    /** What the types say about the row's LV. */
    LvDescription description() {
        return memo.get();
    }
}
