package io.lvstack.engine.ops;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.TypeFields;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.ops.alloc.Allocation;
import io.lvstack.engine.ops.layer.LvSegments;

/** Appending allocated segments, shared by the LV operations. */
final class Segments {
    private Segments() {
    }

    /** One new segment per allocated chunk, after the LV's last extent, then LVM2's {@code lv_merge_segments}. */
    static void append(StackEditor ed, LogicalVolume lv, SegmentType type, TypeFields fields, Allocation allocation) {
        for (Allocation.Chunk chunk : allocation.chunks()) {
            LvSegments.appendOnPvs(ed, lv, type, fields, chunk.length(), chunk.areas());
        }
        LvSegments.mergeAll(ed, lv);
    }
}
