package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata effects of {@code pvchange}: {@code -x y|n} (the ALLOCATABLE status word) and
 * tags.
 *
 * @param allocatable true, false, or null to leave it
 */
public record PvChange(Boolean allocatable, List<String> addTags, List<String> delTags) {
    public PvChange {
        addTags = List.copyOf(addTags);
        delTags = List.copyOf(delTags);
    }

    /** Changes the PVs in one VG commit; messages as LVM2 prints them, the summary last. */
    public List<String> run(VolumeGroup vg, List<PhysicalVolume> pvs) {
        if (allocatable == null && addTags.isEmpty() && delTags.isEmpty()) {
            throw new LvstackException("Please give one or more of -x, -uuid, --addtag or --deltag");
        }
        List<String> messages = new ArrayList<>();
        int done = 0;
        int notDone = 0;
        List<PvProperties> updated = new ArrayList<>();
        for (PhysicalVolume pv : pvs) {
            PvProperties p = pv.properties();
            if (allocatable != null && p.allocatable() == allocatable) {
                messages.add("  Physical volume \"" + pv.device() + "\" is already "
                        + (allocatable ? "allocatable" : "unallocatable") + ".");
                messages.add("  Physical volume " + pv.device() + " not changed");
                updated.add(null);
                notDone++;
                continue;
            }
            List<String> status = new ArrayList<>(p.status());
            if (allocatable != null) {
                status.remove("ALLOCATABLE");
                if (allocatable) {
                    status.add(0, "ALLOCATABLE");
                }
            }
            List<String> tags = new ArrayList<>(Tags.add(p.tags(), addTags));
            tags.removeAll(delTags);
            updated.add(new PvProperties(p.id(), p.device(), p.deviceIdType(), p.deviceId(), status, p.flags(), tags,
                    p.devSize(), p.peStart(), p.peCount(), p.baStart(), p.baSize()));
            messages.add("  Physical volume \"" + pv.device() + "\" changed");
            done++;
        }
        if (done > 0) {
            vg.apply(ed -> {
                for (int i = 0; i < pvs.size(); i++) {
                    if (updated.get(i) != null) {
                        ed.setPvProperties(pvs.get(i), updated.get(i));
                    }
                }
                ed.raiseSeqno();
            });
        }
        messages.add("  " + done + " physical volume" + (done == 1 ? "" : "s") + " changed / " + notDone
                + " physical volume" + (notDone == 1 ? "" : "s") + " not changed");
        return messages;
    }
}
