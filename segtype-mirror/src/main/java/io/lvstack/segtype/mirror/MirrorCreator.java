package io.lvstack.segtype.mirror;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvView;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.VgEditor;

/**
 * The mirror type's {@code lvcreate --type mirror -m N [--mirrorlog core|disk|mirrored] [-R SIZE]}:
 * N+1 linear legs with a core, disk (LVM2's default) or mirrored log, as LVM2 2.03 makes them.
 */
final class MirrorCreator implements LvCreator {
    /** lvstack's limit of lvcreate --type mirror. */
    static final String LINEAR_LEGS_ONLY = "lvstack creates mirrors of linear legs, with the default allocation and"
            + " read ahead only";

    @Override
    public LvView create(CreateRequest r, VgEditor editor) {
        if (r.extents() == 0) {
            throw new LvstackException("Please specify either size or extents.");
        }
        if (r.mirrors() == null || r.mirrors() < 1) {
            throw new LvstackException("--type mirror requires -m|--mirrors at least 1.");
        }
        if (r.stripes() != 1 || r.stripeSize() != null) {
            throw new LvstackException(LINEAR_LEGS_ONLY);
        }
        MirrorLog log = r.mirrorLog() == null ? MirrorLog.DISK : MirrorLog.of(r.mirrorLog());
        MirrorOps ops = new MirrorOps(editor);
        long region = r.regionSize() != null ? r.regionSize() : ops.defaultRegionSize();
        return ops.createMirror(r.name(), r.extents(), r.mirrors() + 1, log, region, r.candidates());
    }
}
