package io.lvstack.engine.graph;

/**
 * An allocated range {@code [pe, pe + len)} of a PV and the (segment, area) that owns it: LVM2's
 * {@code pv_segment}, which points back at its {@code lv_segment} and area index.
 */
public record PvPiece(long pe, long len, Segment segment, int area) {
    public long end() {
        return pe + len;
    }
}
