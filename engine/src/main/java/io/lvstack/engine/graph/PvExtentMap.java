package io.lvstack.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The allocated extents of one PV, as pieces ordered by PE that each point back at the
 * (segment, area) owning them; the gaps are free. Unlike LVM2, which overwrites ownership and
 * lets {@code check_pv_segments} find the damage later, an allocation over extents another area
 * owns, or past the end of the PV, is refused at once and names the owner.
 */
public final class PvExtentMap {
    private final PhysicalVolume pv;
    private final TreeMap<Long, PvPiece> pieces = new TreeMap<>();
    /** The piece that starts highest, which also ends highest: allocations mostly go past it. */
    private PvPiece last;
    private long allocated;

    PvExtentMap(PhysicalVolume pv) {
        this.pv = pv;
    }

    /** Number of allocated extents. */
    public long allocatedCount() {
        return allocated;
    }

    public long freeCount() {
        return pv.peCount() - allocated;
    }

    /** The piece starting exactly at {@code pe}, or null. */
    public PvPiece pieceAt(long pe) {
        return pieces.get(pe);
    }

    /** The piece covering {@code pe}, or null when the extent is free. */
    public PvPiece pieceCovering(long pe) {
        Map.Entry<Long, PvPiece> e = pieces.floorEntry(pe);
        return e != null && e.getValue().end() > pe ? e.getValue() : null;
    }

    /** Allocated pieces in PE order. */
    public List<PvPiece> pieces() {
        return new ArrayList<>(pieces.values());
    }

    /** Allocated pieces in PE order, as a read-only view (no copy; do not change the PV while walking it). */
    public java.util.Collection<PvPiece> pieceView() {
        return java.util.Collections.unmodifiableCollection(pieces.values());
    }

    /** Pieces and free ranges in PE order, tiling {@code [0, pe_count)}; free ranges have no segment. */
    public List<PvPiece> tiling() {
        List<PvPiece> out = new ArrayList<>();
        long next = 0;
        for (PvPiece p : pieces.values()) {
            if (p.pe() > next) {
                out.add(new PvPiece(next, p.pe() - next, null, -1));
            }
            out.add(p);
            next = p.end();
        }
        if (next < pv.peCount()) {
            out.add(new PvPiece(next, pv.peCount() - next, null, -1));
        }
        return out;
    }

    /** Why {@code [pe, pe+len)} cannot be allocated, or null when it is free and inside the PV. */
    String conflict(long pe, long len) {
        if (len <= 0) {
            return "an area of " + len + " extents is empty";
        }
        if (pe < 0 || pe + len > pv.peCount()) {
            return "extents " + Extents.range(pe, len) + " lie outside PV " + pv.name() + " (" + pv.peCount()
                    + " extents)";
        }
        if (last == null || pe >= last.end()) {
            return null; // past every piece: no tree search (LVM2 lays most PVs out in PE order)
        }
        PvPiece before = pieceCovering(pe);
        if (before != null) {
            return overlapMessage(before, pe, len);
        }
        Map.Entry<Long, PvPiece> after = pieces.ceilingEntry(pe);
        if (after != null && after.getKey() < pe + len) {
            return overlapMessage(after.getValue(), pe, len);
        }
        return null;
    }

    private String overlapMessage(PvPiece owner, long pe, long len) {
        long from = Math.max(owner.pe(), pe);
        long to = Math.min(owner.end(), pe + len);
        return "PV " + pv.name() + " extents " + Extents.range(from, to - from) + " are already used by "
                + owner.segment().describe() + " area " + owner.area();
    }

    void put(PvPiece piece) {
        pieces.put(piece.pe(), piece);
        if (last == null || piece.pe() >= last.pe()) {
            last = piece;
        }
        allocated += piece.len();
    }

    void remove(PvPiece piece) {
        PvPiece removed = pieces.remove(piece.pe());
        if (removed != piece) {
            throw new IllegalStateException("PV " + pv.name() + " has no piece " + piece);
        }
        if (removed == last) {
            Map.Entry<Long, PvPiece> e = pieces.lastEntry();
            last = e == null ? null : e.getValue();
        }
        allocated -= piece.len();
    }
}
