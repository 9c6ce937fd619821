package io.lvstack.segtype.virtual;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.ops.BadCommandLine;
import io.lvstack.api.ops.CreateRequest;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.VgEditor;

/**
 * {@code lvcreate --type error|zero -L SIZE}: a visible LV of one segment with no areas, as
 * LVM2 makes it; PVs, stripes and the other allocation options mean nothing here.
 */
final class VirtualCreator implements LvCreator {
    private final SegmentType type;

    VirtualCreator(SegmentType type) {
        this.type = type;
    }

    @Override
    public LvView create(CreateRequest request, VgEditor editor) {
        if (request.stripes() != 1) {
            // LVM2 2.03.16's words and status (3) for lvcreate --type error|zero -i N
            throw new BadCommandLine("Command does not accept option: --stripes " + request.stripes() + ".");
        }
        if (request.extents() == 0) {
            throw new LvstackException("Please specify either size or extents.");
        }
        LvView lv = editor.createLv(request.name(), true);
        editor.addSegment(lv, editor.type(), TypeFields.NONE, 0, request.extents(), 0);
        return lv;
    }
}
