package io.lvstack.segtype.snapshot;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.ops.BadCommandLine;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.Allocated;
import io.lvstack.api.ops.AreaRequest;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.ops.VgEditor;
import java.util.Set;

/**
 * {@code lvcreate -s -L SIZE [-c CHUNK] -n NAME VG/ORIGIN} as LVM2 makes a copy-on-write snapshot:
 * the COW LV of that name allocated as a linear or striped LV and hidden ({@code vg_add_snapshot}),
 * then the next {@code snapshotN} with one snapshot segment as long as the origin, naming the
 * origin and the COW store; chunks of 4 KiB unless {@code -c} says otherwise.
 */
final class SnapshotCreator implements LvCreator {
    /** {@code allocation/snapshot_chunk_size}... LVM2's default: 4 KiB. */
    static final long DEFAULT_CHUNK = 8;

    @Override
    public LvView create(CreateRequest r, VgEditor editor) {
        String vg = editor.vg().name();
        if (r.origin() == null) {
            throw new LvstackException("Please specify a logical volume to act as the snapshot origin.");
        }
        LvView origin = editor.vg().lv(r.origin()).map(l -> (LvView) l).orElseThrow(() -> new LvstackException(
                "Failed to find logical volume \"" + vg + "/" + r.origin() + "\""));
        for (SegmentView user : origin.users()) {
            if (user.type() instanceof SnapshotSegmentType && user.reference(SnapshotSegmentType.COW).orElse(null)
                    == origin) {
                throw new LvstackException("Snapshots of snapshots are not supported.");
            }
        }
        if (!origin.segments().isEmpty() && origin.segments().get(0).type().has(SegmentCapability.POOL)) {
            throw new LvstackException("Snapshots of " + origin.segments().get(0).type().name().replace('-', ' ')
                    + " type volumes are not supported.");
        }
        if (!origin.visible()) {
            throw new LvstackException("Snapshots of hidden volumes are not supported.");
        }
        if (r.extents() == 0) {
            throw new LvstackException("Please specify either size or extents with snapshots.");
        }
        long chunk = r.chunkSize() != null ? r.chunkSize() : DEFAULT_CHUNK;
        if (chunk < SnapshotSegmentType.MIN_CHUNK || chunk > SnapshotSegmentType.MAX_CHUNK
                || Long.bitCount(chunk) != 1) {
            // LVM2 checks -c as it reads the command line: exit 3
            throw new BadCommandLine("Chunk size must be a power of 2 in the range 4K to 512K.");
        }
        long extents = r.extents();
        if (extents % r.stripes() != 0) {
            extents += r.stripes() - extents % r.stripes();
        }
        LvView cow = editor.createLv(r.name(), false);
        Allocated a = editor.allocate(new AreaRequest(r.stripes(), extents / r.stripes(), 0, r.candidates(), Set.of(),
                null, r.name()));
        editor.appendAllocated(cow, editor.plainType(), SegmentOptions.stripeSize(r.stripeSize()), a);
        LvView snapshot = editor.createLv(editor.nextName("snapshot"), true);
        SegmentView seg = editor.addSegment(snapshot, editor.type(), new SnapshotFields(chunk, false), 0,
                origin.extentCount(), 0);
        editor.attach(seg, SnapshotSegmentType.COW, cow);
        editor.attach(seg, SnapshotSegmentType.ORIGIN, origin);
        return cow;
    }
}
