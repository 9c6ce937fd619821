package io.lvstack.engine.report;

import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvPiece;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;

/**
 * What one report row is about: a VG, and an LV (and one of its segments) or a PV (and one of
 * its pieces, whose segment and LV a PV-segment row also reports).
 */
record ReportRow(VolumeGroup vg, LogicalVolume lv, Segment seg, PhysicalVolume pv, PvPiece piece) {
    ReportRow(VolumeGroup vg, LogicalVolume lv, Segment seg, PhysicalVolume pv) {
        this(vg, lv, seg, pv, null);
    }
}
