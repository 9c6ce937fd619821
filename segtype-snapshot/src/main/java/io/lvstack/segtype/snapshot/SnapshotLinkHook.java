package io.lvstack.segtype.snapshot;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;

/**
 * Marks as LVM2's {@code init_snapshot_seg} does: the {@code snapshotN} LV is never shown
 * ({@link LvMark#UNLISTED}, whatever its VISIBLE word), its COW store is a component that is shown
 * in its place ({@link LvMark#SHOWN}, unless merging), its origin an origin. A mark is cleared
 * only when no snapshot segment holds the LV that way any more, and {@code snapshotN}'s when its
 * segment references nothing.
 */
final class SnapshotLinkHook implements LinkHook {
    private final SnapshotSegmentType type;

    SnapshotLinkHook(SnapshotSegmentType type) {
        this.type = type;
    }

    @Override
    public void linked(LinkEvent event, MarkEditor status) {
        status.set(event.user().lv(), LvMark.UNLISTED);
        // a snapshot of itself (refused by validate) makes its origin no COW store
        if (event.user().reference(SnapshotSegmentType.ORIGIN).orElse(null) == event.user()
                .reference(SnapshotSegmentType.COW).orElse(null)) {
            status.clear(event.used(), SnapshotMarks.COW);
            status.clear(event.used(), LvMark.SHOWN);
            status.set(event.used(), SnapshotMarks.ORIGIN);
            return;
        }
        if (isCow(event.via())) {
            status.set(event.used(), SnapshotMarks.COW);
            if (!((SnapshotFields) event.user().fields()).merging()) {
                status.set(event.used(), LvMark.SHOWN);
            }
        } else {
            status.set(event.used(), SnapshotMarks.ORIGIN);
        }
    }

    @Override
    public void unlinked(LinkEvent event, MarkEditor status) {
        if (isCow(event.via())) {
            if (!stillUsed(event.used(), SnapshotSegmentType.COW)) {
                status.clear(event.used(), SnapshotMarks.COW);
                status.clear(event.used(), LvMark.SHOWN);
            }
        } else if (!stillUsed(event.used(), SnapshotSegmentType.ORIGIN)) {
            status.clear(event.used(), SnapshotMarks.ORIGIN);
        }
        // a snapshotN whose segment references nothing any more is an LV like another
        if (event.user().reference(SnapshotSegmentType.ORIGIN).isEmpty()
                && event.user().reference(SnapshotSegmentType.COW).isEmpty()) {
            status.clear(event.user().lv(), LvMark.UNLISTED);
        }
    }

    private static boolean isCow(Via via) {
        return via instanceof Via.RoleSlot r && r.role().equals(SnapshotSegmentType.COW);
    }

    private boolean stillUsed(LvView lv, ReferenceRole role) {
        for (SegmentView user : lv.users()) {
            if (type.ours(user) && user.reference(role).orElse(null) == lv) {
                return true;
            }
        }
        return false;
    }
}
