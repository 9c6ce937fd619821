package io.lvstack.engine.report;

import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;

/** What one report row is about: a VG, and an LV (and one of its segments) or a PV. */
record ReportRow(VolumeGroup vg, LogicalVolume lv, Segment seg, PhysicalVolume pv) {
}
