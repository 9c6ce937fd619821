package io.lvstack.segtype.snapshot;

import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lvremove -y} of an origin: its snapshots (their COW LVs, which LVM2 shows) go first, as
 * {@code lv_remove_with_dependencies} removes them. Removing a snapshot leaves nothing to update:
 * the origin's marks follow its links.
 */
final class SnapshotRemover implements LvRemover {
    @Override
    public void removing(LvView lv, VgEditor editor) {
        // nothing outlives a snapshotN LV that refers to it
    }

    @Override
    public List<LvView> dependents(LvView used) {
        List<LvView> out = new ArrayList<>();
        for (SegmentView user : used.users()) {
            if (user.type() instanceof SnapshotSegmentType && user.reference(SnapshotSegmentType.ORIGIN).orElse(null)
                    == used) {
                user.reference(SnapshotSegmentType.COW).ifPresent(out::add);
            }
        }
        return out;
    }
}
